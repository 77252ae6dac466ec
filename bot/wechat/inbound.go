package wechat

import (
	"context"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/eatmoreapple/openwechat"

	"pingan/bot"
)

// WeChat message types the adapter understands.
const (
	msgText    = 1
	msgImage   = 3
	msgVoice   = 34
	msgSticker = 47
	msgApp     = 49 // links, files (AppMsgType 6) and more
	msgNotify  = 51
	msgSystem  = 10000
	msgRevoke  = 10002
)

// raw is what the sync goroutine copies out of a library message before
// handing it to the worker; nothing in it points into the library.
type raw struct {
	sess    *session
	id      string
	typ     int
	from    string
	content string // RawContent: as WeChat sent it
	url     string
	file    *openwechat.Message // a file message, fetched when handled
}

// inbox is an unbounded FIFO: the sync loop never blocks on it and no
// message is dropped when the handler is slow.
type inbox struct {
	mu     sync.Mutex
	items  []raw
	wake   chan struct{}
	closed bool
}

func newInbox() *inbox { return &inbox{wake: make(chan struct{}, 1)} }

func (q *inbox) push(r raw) {
	q.mu.Lock()
	if !q.closed {
		q.items = append(q.items, r)
	}
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

func (q *inbox) pop() (raw, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) == 0 {
		return raw{}, false
	}
	r := q.items[0]
	q.items[0] = raw{}
	q.items = q.items[1:]
	return r, true
}

func (q *inbox) close() {
	q.mu.Lock()
	q.closed = true
	q.mu.Unlock()
}

// drainTimeout bounds how long shutdown waits for queued messages.
const drainTimeout = 10 * time.Second

// drain delivers first and every message still queued, until dctx ends.
func (t *Transport) drain(dctx context.Context, first raw, q *inbox, h bot.Handler) {
	n := 0
	for r, ok := first, true; ok && dctx.Err() == nil; r, ok = q.pop() {
		if msg, ok := t.normalise(dctx, r); ok {
			t.in.Add(1)
			t.deliver(dctx, h, msg)
			n++
		}
	}
	t.log.Info("wechat: delivered queued messages before stopping", "n", n)
}

// onMessage runs on the library's sync goroutine: it must be quick and must
// not panic. It filters, dedupes and queues.
func (t *Transport) onMessage(s *session, q *inbox, m *openwechat.Message) {
	defer func() {
		if p := recover(); p != nil {
			t.log.Error("wechat: panic in message hook", "panic", p, "stack", string(debug.Stack()))
		}
	}()
	if m.IsSendBySelf() || int(m.MsgType) == msgNotify {
		return
	}
	if !t.seen.add(m.MsgId) {
		t.log.Debug("wechat: duplicate message dropped", "msg_id", m.MsgId)
		return
	}
	r := raw{sess: s, id: m.MsgId, typ: int(m.MsgType), from: m.FromUserName, content: m.RawContent, url: m.Url}
	if m.HasAttachment() {
		r.file = m
	}
	q.push(r)
}

// work hands queued messages to h one at a time until ctx ends.
func (t *Transport) work(ctx context.Context, q *inbox, h bot.Handler) {
	for {
		r, ok := q.pop()
		if !ok {
			select {
			case <-ctx.Done():
				return
			case <-q.wake:
				continue
			}
		}
		if ctx.Err() != nil {
			// Shutting down: the library has already saved a sync key past
			// these messages, so a restart would not see them again. Hand
			// the rest to the handler on a short detached deadline.
			dctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), drainTimeout)
			t.drain(dctx, r, q, h)
			cancel()
			return
		}
		select {
		case <-r.sess.ready:
		case <-ctx.Done():
			return
		case <-r.sess.bot.Context().Done():
			select {
			case <-r.sess.ready:
			default:
				continue // the session died before it was set up
			}
		}
		msg, ok := t.normalise(ctx, r)
		if !ok {
			continue
		}
		t.in.Add(1)
		t.deliver(ctx, h, msg)
	}
}

func (t *Transport) deliver(ctx context.Context, h bot.Handler, m bot.Message) {
	if m.File != "" {
		defer os.Remove(m.File) // the handler has read it
	}
	defer func() {
		if p := recover(); p != nil {
			t.log.Error("wechat: panic in handler", "panic", p, "msg_id", m.ID, "stack", string(debug.Stack()))
		}
	}()
	h.Handle(ctx, m)
}

// normalise turns a raw WeChat message into a bot.Message. ok is false for
// messages pingan ignores (other groups, unsupported types).
func (t *Transport) normalise(ctx context.Context, r raw) (bot.Message, bool) {
	m := bot.Message{ID: r.id, Time: t.opts.Clock.Now()}
	switch r.typ {
	case msgText:
		m.Kind = bot.KindText
	case msgImage:
		m.Kind = bot.KindImage
	case msgVoice:
		m.Kind = bot.KindVoice
	case msgSticker:
		m.Kind = bot.KindSticker
	case msgSystem:
		m.Kind = bot.KindSystem
	case msgRevoke:
		m.Kind = bot.KindRevoked
	case msgApp:
		if r.file == nil || strings.HasPrefix(r.from, "@@") {
			t.log.Debug("wechat: app message ignored (only files sent privately are read)", "msg_id", r.id)
			return m, false
		}
		m.Kind = bot.KindFile
	default:
		t.log.Debug("wechat: message type ignored", "type", r.typ, "msg_id", r.id)
		return m, false
	}
	d := r.sess.dir
	body := r.content
	if strings.HasPrefix(r.from, "@@") {
		if m.Kind == bot.KindSystem {
			// Joins and renames (of members or of the group): fetch the
			// group again before naming anything.
			if err := d.loadGroup(ctx, r.from); err != nil {
				d.invalidateMembers(r.from)
			}
		}
		m.Group = d.group(ctx, r.from)
		if m.Kind != bot.KindSystem {
			if id, rest, ok := strings.Cut(body, ":<br/>"); ok && strings.HasPrefix(id, "@") {
				body = rest
				if p, ok := d.member(ctx, r.from, id); ok {
					m.From = bot.Sender{DisplayName: p.display, NickName: p.nick}
					if m.From.DisplayName == "" {
						m.From.DisplayName = p.nick
					}
				}
			}
		}
	} else {
		p := d.private(ctx, r.from)
		m.From = bot.Sender{NickName: p.nick, Remark: p.remark}
	}
	if m.Kind == bot.KindFile {
		if err := t.fetchFile(r.file, &m); err != nil {
			t.log.Warn("wechat: a file could not be fetched", "msg_id", r.id, "name", r.file.FileName, "err", err)
			m.File = ""
		}
	}
	switch m.Kind {
	case bot.KindText, bot.KindSystem:
		m.Text = cleanText(body)
	case bot.KindRevoked:
		m.Text = revokedID(body)
	}
	return m, true
}

// cleanText undoes WeChat's HTML encoding of message text.
func cleanText(s string) string {
	s = strings.ReplaceAll(s, "<br/>", "\n")
	s = html.UnescapeString(s)
	return openwechat.FormatEmoji(s)
}

// revokedID returns the MsgId of the message a revoke notice takes back.
func revokedID(content string) string {
	var v struct {
		Revoke struct {
			MsgID string `xml:"msgid"`
		} `xml:"revokemsg"`
	}
	if xml.Unmarshal([]byte(html.UnescapeString(content)), &v) != nil {
		return ""
	}
	return v.Revoke.MsgID
}

// MaxFileBytes is the largest file sent privately that the bot fetches.
const MaxFileBytes = 5 << 20

// fetchFile saves a file message's content in a private temporary file and
// names it in m (File, FileName); deliver removes it once handled.
func (t *Transport) fetchFile(om *openwechat.Message, m *bot.Message) error {
	m.FileName = om.FileName
	if n, err := strconv.Atoi(om.FileSize); err == nil && n > MaxFileBytes {
		return fmt.Errorf("%d bytes, more than %d", n, MaxFileBytes)
	}
	resp, err := om.GetFile()
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("fetch: %s", resp.Status)
	}
	f, err := os.CreateTemp("", "pingan-file-*"+filepath.Ext(om.FileName))
	if err != nil {
		return err
	}
	_, err = io.Copy(f, io.LimitReader(resp.Body, MaxFileBytes+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return err
	}
	m.File = f.Name()
	return nil
}
