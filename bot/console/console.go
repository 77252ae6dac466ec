// Package console is the transport for a person at a terminal and for
// scripted days: one line in is one event, everything the bot sends is
// printed. `pingan demo` runs on it.
//
// Input lines:
//
//	[群名] 昵称: 内容      a group message from the member with that group nickname
//	昵称: 内容             a private message to the bot (staff are matched by remark)
//	[群名] 昵称: !sticker  a sticker (!voice for a voice note)
//	!time 2026-11-24 18:00 move the simulated clock; jobs due in between fire in order
//	!wait 90m              move the simulated clock forward
//	# …                    a comment
//
// Output: "→ [群名] 内容" or "→ 昵称: 内容", one block per message.
package console

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"sync"

	"pingan/bot"
	"pingan/clock"
)

// Transport reads events from In and prints outgoing messages to Out.
type Transport struct {
	In  io.Reader
	Out io.Writer
	// Clock stamps inbound messages.
	Clock clock.Clock
	// Directive handles a "!…" line (time travel); its answer is printed.
	Directive func(ctx context.Context, line string) (string, error)
	// AfterLine runs after each line is handled (the demo flushes the outbox).
	AfterLine func(ctx context.Context)
	// Prompt, when set, is printed before each line is read.
	Prompt string

	mu  sync.Mutex
	seq int
}

// Run reads lines until the input ends or ctx is done.
func (t *Transport) Run(ctx context.Context, h bot.Handler) error {
	r := bufio.NewReaderSize(t.In, 64*1024)
	for {
		if t.Prompt != "" {
			t.print(t.Prompt)
		}
		line, err := r.ReadString('\n')
		if len(line) > 0 {
			t.handleLine(ctx, h, strings.TrimRight(line, "\r\n"))
			if t.AfterLine != nil {
				t.AfterLine(ctx)
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
}

func (t *Transport) handleLine(ctx context.Context, h bot.Handler, line string) {
	trim := strings.TrimSpace(line)
	if trim == "" || strings.HasPrefix(trim, "#") {
		return
	}
	if strings.HasPrefix(trim, "!") {
		if t.Directive == nil {
			t.print("（不支持的指令：" + trim + "）\n")
			return
		}
		ans, err := t.Directive(ctx, trim)
		if err != nil {
			t.print("（" + err.Error() + "）\n")
		} else if ans != "" {
			t.print("（" + ans + "）\n")
		}
		return
	}
	m, ok := ParseLine(trim)
	if !ok {
		t.print("（看不懂这一行，格式是「[群名] 昵称: 内容」或「昵称: 内容」）\n")
		return
	}
	t.mu.Lock()
	t.seq++
	m.ID = fmt.Sprintf("console-%d", t.seq)
	t.mu.Unlock()
	m.Time = t.Clock.Now()
	h.Handle(ctx, m)
}

// ParseLine reads a message line; ok is false when it is not one.
func ParseLine(line string) (bot.Message, bool) {
	var m bot.Message
	rest := line
	if strings.HasPrefix(rest, "[") {
		end := strings.Index(rest, "]")
		if end < 0 {
			return m, false
		}
		m.Group = strings.TrimSpace(rest[1:end])
		rest = strings.TrimSpace(rest[end+1:])
		if m.Group == "" {
			return m, false
		}
	}
	i := strings.IndexAny(rest, ":：")
	if i <= 0 {
		return m, false
	}
	name := strings.TrimSpace(rest[:i])
	sep := ":"
	if strings.HasPrefix(rest[i:], "：") {
		sep = "："
	}
	text := strings.TrimSpace(rest[i+len(sep):])
	if name == "" {
		return m, false
	}
	m.Text = strings.ReplaceAll(text, `\n`, "\n")
	m.Kind = bot.KindText
	switch strings.ToLower(text) {
	case "!sticker":
		m.Kind, m.Text = bot.KindSticker, ""
	case "!voice":
		m.Kind, m.Text = bot.KindVoice, ""
	}
	if m.Group != "" {
		m.From = bot.Sender{DisplayName: name, NickName: name}
	} else {
		m.From = bot.Sender{NickName: name, Remark: name}
	}
	return m, true
}

// Send prints one outgoing message.
func (t *Transport) Send(ctx context.Context, o bot.Outgoing) error {
	text := o.Text
	if o.File != "" {
		text = "[文件] " + o.File
	}
	if o.Mention != "" {
		text = "@" + o.Mention + " " + text
	}
	if o.Group != "" {
		t.print(fmt.Sprintf("→ [%s] %s\n\n", o.Group, text))
	} else {
		t.print(fmt.Sprintf("→ %s: %s\n\n", o.To, text))
	}
	return nil
}

func (t *Transport) print(s string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	_, _ = io.WriteString(t.Out, s)
}
