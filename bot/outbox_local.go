package bot

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// localQueue keeps alarms in the process, and in a file, while the store
// cannot take them: an emergency must reach staff even when Redis is down.
// The file (JSON lines) is rewritten on every change, atomically; it holds
// a handful of messages at most.
type localQueue struct {
	path string // "" keeps the queue in memory only

	mu   sync.Mutex
	msgs []Outgoing
	sent map[string]bool // ids sent from here: a copy that also reached the store is not sent twice
}

// localSentMemory bounds the ids remembered as sent.
const localSentMemory = 10000

// openLocal returns the queue kept at path, with what an earlier process
// left there.
func openLocal(path string) (*localQueue, error) {
	l := &localQueue{path: path, sent: map[string]bool{}}
	if path == "" {
		return l, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("outbox: %w", err)
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return l, nil
	}
	if err != nil {
		return nil, fmt.Errorf("outbox: %w", err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 64<<10), 4<<20)
	for sc.Scan() {
		var m Outgoing
		if json.Unmarshal(sc.Bytes(), &m) == nil && m.ID != "" {
			l.msgs = append(l.msgs, m)
		}
	}
	return l, nil
}

func (l *localQueue) len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.msgs)
}

// push appends msgs and saves the queue.
func (l *localQueue) push(msgs ...Outgoing) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.msgs = append(l.msgs, msgs...)
	return l.save()
}

// head returns the oldest message.
func (l *localQueue) head() (Outgoing, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.msgs) == 0 {
		return Outgoing{}, false
	}
	return l.msgs[0], true
}

// take removes the message with id; replace, when set, takes its place.
// sent records the id as delivered.
func (l *localQueue) take(id string, replace *Outgoing, sent bool) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	for i, m := range l.msgs {
		if m.ID != id {
			continue
		}
		if replace != nil {
			l.msgs[i] = *replace
		} else {
			l.msgs = append(l.msgs[:i], l.msgs[i+1:]...)
		}
		break
	}
	if sent {
		if len(l.sent) >= localSentMemory {
			l.sent = map[string]bool{}
		}
		l.sent[id] = true
	}
	return l.save()
}

// wasSent reports whether the message with id went out from here.
func (l *localQueue) wasSent(id string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.sent[id]
}

// save writes the queue to its file; the caller holds mu.
func (l *localQueue) save() error {
	if l.path == "" {
		return nil
	}
	if len(l.msgs) == 0 {
		if err := os.Remove(l.path); err != nil && !errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("outbox: %w", err)
		}
		return nil
	}
	var buf bytes.Buffer
	for _, m := range l.msgs {
		b, err := json.Marshal(m)
		if err != nil {
			return err
		}
		buf.Write(b)
		buf.WriteByte('\n')
	}
	tmp := l.path + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o600); err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	if err := os.Rename(tmp, l.path); err != nil {
		return fmt.Errorf("outbox: %w", err)
	}
	return nil
}
