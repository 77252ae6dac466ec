package bot_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"unicode/utf8"

	"pingan/bot"
)

func TestMuxMatch(t *testing.T) {
	m := bot.NewMux()
	m.Handle(bot.Command{Name: "todo", Aliases: []string{"待办"}})
	m.Handle(bot.Command{Name: "contact", Aliases: []string{"已联系"}})
	tests := []struct {
		text, name, rest string
		isCmd            bool
	}{
		{"/todo", "todo", "", true},
		{"待办", "todo", "", true},
		{"／待办", "todo", "", true},
		{"/TODO", "todo", "", true},
		{"/已联系 张建国 电话 平安", "contact", "张建国 电话 平安", true},
		{"已联系\u3000张建国", "contact", "张建国", true},
		{"/nope", "", "", true},
		{"待办事项很多", "", "", false},
		{"你好", "", "", false},
	}
	for _, tc := range tests {
		c, _, rest, isCmd := m.Match(tc.text)
		name := ""
		if c != nil {
			name = c.Name
		}
		if name != tc.name || rest != tc.rest || isCmd != tc.isCmd {
			t.Errorf("Match(%q) = %q %q %v", tc.text, name, rest, isCmd)
		}
	}
}

func TestRecoverAndClean(t *testing.T) {
	var logs bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	var seen bot.Message
	h := bot.Chain(bot.HandlerFunc(func(ctx context.Context, m bot.Message) {
		seen = m
		if m.Text == "boom" {
			panic("handler bug")
		}
	}), bot.Recover(log), bot.Clean(10))
	h.Handle(context.Background(), bot.Message{Text: "boom"})
	if !strings.Contains(logs.String(), "handler bug") {
		t.Errorf("panic not logged: %s", logs.String())
	}
	h.Handle(context.Background(), bot.Message{Text: "a\x00b\xffc"})
	if seen.Text != "abc" || seen.Oversized {
		t.Errorf("cleaned = %q oversized %v", seen.Text, seen.Oversized)
	}
	h.Handle(context.Background(), bot.Message{Text: "平安平安平安平安"}) // 24 bytes
	if !seen.Oversized || seen.Text != "平安平" {
		t.Errorf("oversized = %q %v", seen.Text, seen.Oversized)
	}
	// A long text keeps its head and its tail, where the news usually is.
	long := "各位好" + strings.Repeat("今天天气不错，", 2000) + "我摔倒了起不来"
	h = bot.Chain(bot.HandlerFunc(func(_ context.Context, m bot.Message) { seen = m }), bot.Clean(bot.MaxTextBytes))
	h.Handle(context.Background(), bot.Message{Text: long})
	if !seen.Oversized || len(seen.Text) > bot.MaxTextBytes || !strings.HasPrefix(seen.Text, "各位好") ||
		!strings.HasSuffix(seen.Text, "我摔倒了起不来") || !strings.Contains(seen.Text, bot.OmittedMark) || !utf8.ValidString(seen.Text) {
		t.Errorf("long text became %d bytes: %q…", len(seen.Text), seen.Text[:60])
	}
}
