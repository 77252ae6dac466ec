package bot

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Request is one command a person sent.
type Request struct {
	// Msg is the message that carried the command.
	Msg Message
	// Name is the command's canonical name ("status").
	Name string
	// Args are the words after the command.
	Args []string
	// Rest is the text after the command, as written.
	Rest string
}

// CommandFunc answers a command with the text to send back privately.
type CommandFunc func(ctx context.Context, r Request) string

// Command is a registered command.
type Command struct {
	// Name is the canonical name, typed as /name.
	Name string
	// Aliases are other words for it, Chinese ones first ("状态").
	Aliases []string
	// Usage is the argument synopsis for help ("<姓名> [电话|上门|家属] [情况]").
	Usage string
	// Help is a one-line description in Chinese.
	Help string
	// Admin marks commands only admins may use.
	Admin bool
	// Fn answers the command.
	Fn CommandFunc
}

// Mux routes command text to commands by name or alias.
type Mux struct {
	cmds   []*Command
	byName map[string]*Command
}

// NewMux returns an empty mux.
func NewMux() *Mux { return &Mux{byName: map[string]*Command{}} }

// Handle registers c. Names and aliases are matched case-insensitively,
// with or without a leading slash.
func (m *Mux) Handle(c Command) {
	cc := c
	m.cmds = append(m.cmds, &cc)
	for _, n := range append([]string{c.Name}, c.Aliases...) {
		key := strings.ToLower(n)
		if _, dup := m.byName[key]; dup {
			panic(fmt.Sprintf("bot: command name %q registered twice", n))
		}
		m.byName[key] = &cc
	}
}

// Commands lists the registered commands in registration order.
func (m *Mux) Commands() []Command {
	out := make([]Command, len(m.cmds))
	for i, c := range m.cmds {
		out[i] = *c
	}
	return out
}

// Match finds the command text starts with. ok is false when text is not
// a command: it must start with "/" or "／", or with an alias followed by a
// space or the end of the text.
func (m *Mux) Match(text string) (c *Command, args []string, rest string, ok bool) {
	t := strings.TrimSpace(text)
	slash := strings.HasPrefix(t, "/") || strings.HasPrefix(t, "／")
	t = strings.TrimLeft(t, "/／")
	word, rest, _ := strings.Cut(t, " ")
	if i := strings.IndexFunc(word, unicode.IsSpace); i >= 0 { // full-width space etc.
		word, rest = word[:i], word[i:]+" "+rest
	}
	rest = strings.TrimSpace(rest)
	c, found := m.byName[strings.ToLower(word)]
	if !found {
		if slash {
			return nil, nil, "", true // a command, but unknown
		}
		return nil, nil, "", false
	}
	return c, strings.Fields(rest), rest, true
}

// Middleware wraps a handler.
type Middleware func(Handler) Handler

// Chain applies middleware so that the first given runs outermost.
func Chain(h Handler, mws ...Middleware) Handler {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

// Recover turns a panic in a handler into a log line; the bot goes on.
func Recover(log *slog.Logger) Middleware {
	return func(next Handler) Handler {
		return HandlerFunc(func(ctx context.Context, m Message) {
			defer func() {
				if r := recover(); r != nil {
					log.Error("handler panic", "panic", r, "msg", m.ID, "stack", string(debug.Stack()))
				}
			}()
			next.Handle(ctx, m)
		})
	}
}

// MaxTextBytes is the largest message text handlers see in full.
const MaxTextBytes = 4096

// OmittedMark stands where the middle of an oversized text was cut out.
const OmittedMark = "\n……（消息过长，中间已省略）……\n"

// Clean makes inbound text safe to handle: invalid UTF-8 replaced, control
// characters other than line breaks dropped, and a text longer than max
// bytes cut to its head and its tail (where the news usually is: 「…我摔
// 倒了起不来」) with OmittedMark between, and marked Oversized.
func Clean(max int) Middleware {
	return func(next Handler) Handler {
		return HandlerFunc(func(ctx context.Context, m Message) {
			if len(m.Text) > max {
				m.Oversized = true
				m.Text = headAndTail(m.Text, max)
			}
			m.Text = cleanText(m.Text)
			next.Handle(ctx, m)
		})
	}
}

// headAndTail keeps about max bytes of s: its start and its end.
func headAndTail(s string, max int) string {
	half := (max - len(OmittedMark)) / 2
	if half <= 0 {
		return truncate(s, max)
	}
	head := truncate(s, half)
	i := len(s) - half
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return head + OmittedMark + s[i:]
}

func truncate(s string, n int) string {
	for n > 0 && n < len(s) && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func cleanText(s string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || (unicode.IsControl(r) && r != '\n' && r != '\t') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range strings.ToValidUTF8(s, "") {
		if unicode.IsControl(r) && r != '\n' && r != '\t' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
