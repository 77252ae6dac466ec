// Package bottest is an in-memory transport for tests: tests inject
// messages and read what the bot sent, synchronously.
package bottest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"pingan/bot"
)

// Transport records every message sent through it.
type Transport struct {
	mu   sync.Mutex
	sent []bot.Outgoing
	// FailNext makes the next n sends fail with Err (default a retryable error).
	failNext int
	failErr  error
}

// New returns an empty transport.
func New() *Transport { return &Transport{} }

// Run does nothing until ctx ends: tests deliver messages themselves.
func (t *Transport) Run(ctx context.Context, h bot.Handler) error {
	<-ctx.Done()
	return ctx.Err()
}

// Send records m, or fails as FailWith asked.
func (t *Transport) Send(ctx context.Context, m bot.Outgoing) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.failNext > 0 {
		t.failNext--
		return t.failErr
	}
	t.sent = append(t.sent, m)
	return nil
}

// FailWith makes the next n sends fail with err.
func (t *Transport) FailWith(n int, err error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if err == nil {
		err = errors.New("bottest: send failed")
	}
	t.failNext, t.failErr = n, err
}

// Sent returns everything sent so far, in order.
func (t *Transport) Sent() []bot.Outgoing {
	t.mu.Lock()
	defer t.mu.Unlock()
	return append([]bot.Outgoing(nil), t.sent...)
}

// Take returns everything sent since the last Take and forgets it.
func (t *Transport) Take() []bot.Outgoing {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := t.sent
	t.sent = nil
	return out
}

// To returns the texts sent to one person (by remark) or, with a name in
// brackets ("[群名]"), to one group.
func To(msgs []bot.Outgoing, target string) []string {
	var out []string
	for _, m := range msgs {
		if m.Target() == target {
			out = append(out, m.Text)
		}
	}
	return out
}

// Dump renders messages one a line, for failure output.
func Dump(msgs []bot.Outgoing) string {
	var b strings.Builder
	for _, m := range msgs {
		fmt.Fprintf(&b, "→ %s: %s\n", m.Target(), m.Text)
	}
	return b.String()
}

// Group returns a group text message from the member with that nickname.
func Group(id, group, nick, text string) bot.Message {
	return bot.Message{ID: id, Kind: bot.KindText, Group: group, From: bot.Sender{DisplayName: nick, NickName: nick}, Text: text}
}

// Private returns a private text message from a friend with that remark.
func Private(id, remark, text string) bot.Message {
	return bot.Message{ID: id, Kind: bot.KindText, From: bot.Sender{NickName: remark, Remark: remark}, Text: text}
}
