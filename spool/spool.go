// Package spool keeps inbound messages on local disk while the store is
// unreachable, and hands them back in order when it returns, so that no
// message is lost to a Redis hiccup.
package spool

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"pingan/bot"
)

// File is a spool in one JSON-lines file. It is safe for concurrent use.
type File struct {
	path string
	mu   sync.Mutex
	n    int // entries waiting, -1 until counted
}

// Open returns the spool at path, creating its directory.
func Open(path string) (*File, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	f := &File{path: path, n: -1}
	if _, err := f.Len(); err != nil {
		return nil, err
	}
	return f, nil
}

// Append adds a message at the end and syncs it to disk.
func (f *File) Append(m bot.Message) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	fd, err := os.OpenFile(f.path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	if _, err := fd.Write(append(b, '\n')); err != nil {
		fd.Close()
		return fmt.Errorf("spool: %w", err)
	}
	if err := fd.Sync(); err != nil {
		fd.Close()
		return fmt.Errorf("spool: %w", err)
	}
	f.n++
	return fd.Close()
}

// Len is the number of messages waiting.
func (f *File) Len() (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.n >= 0 {
		return f.n, nil
	}
	msgs, err := f.read()
	if err != nil {
		return 1, err // unreadable: report something waiting, so nothing overtakes it
	}
	f.n = len(msgs)
	return f.n, nil
}

func (f *File) read() ([]json.RawMessage, error) {
	b, err := os.ReadFile(f.path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("spool: %w", err)
	}
	var out []json.RawMessage
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for sc.Scan() {
		if line := bytes.TrimSpace(sc.Bytes()); len(line) > 0 {
			out = append(out, append(json.RawMessage(nil), line...))
		}
	}
	return out, sc.Err()
}

// Replay hands waiting messages to fn in order. It stops at the first
// error, keeping that message and the rest for the next replay, and
// returns how many were handled. A line that is not a message is skipped.
func (f *File) Replay(ctx context.Context, fn func(context.Context, bot.Message) error) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	msgs, err := f.read()
	if err != nil {
		f.n = -1 // unknown: count again next time rather than give up
		return 0, err
	}
	if len(msgs) == 0 {
		f.n = 0
		return 0, nil
	}
	done := 0
	var ferr error
	for _, raw := range msgs {
		var m bot.Message
		if json.Unmarshal(raw, &m) == nil {
			if ferr = fn(ctx, m); ferr != nil {
				break
			}
		}
		done++
	}
	if err := f.rewrite(msgs[done:]); err != nil {
		return done, err
	}
	f.n = len(msgs) - done
	return done, ferr
}

// rewrite replaces the file with rest, atomically.
func (f *File) rewrite(rest []json.RawMessage) error {
	if len(rest) == 0 {
		if err := os.Remove(f.path); err != nil && !os.IsNotExist(err) {
			return fmt.Errorf("spool: %w", err)
		}
		return nil
	}
	var buf bytes.Buffer
	for _, r := range rest {
		buf.Write(r)
		buf.WriteByte('\n')
	}
	tmp := f.path + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o600); err != nil {
		return fmt.Errorf("spool: %w", err)
	}
	return os.Rename(tmp, f.path)
}
