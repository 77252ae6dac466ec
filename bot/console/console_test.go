package console

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"pingan/bot"
	"pingan/clock"
)

func TestParseLine(t *testing.T) {
	tests := []struct {
		line  string
		ok    bool
		group string
		from  bot.Sender
		kind  bot.Kind
		text  string
	}{
		{"[一支部群] 老张: 平安", true, "一支部群", bot.Sender{DisplayName: "老张", NickName: "老张"}, bot.KindText, "平安"},
		{"[一支部群] 老 张：平安：谢谢", true, "一支部群", bot.Sender{DisplayName: "老 张", NickName: "老 张"}, bot.KindText, "平安：谢谢"},
		{"联络员李娜: /待办", true, "", bot.Sender{NickName: "联络员李娜", Remark: "联络员李娜"}, bot.KindText, "/待办"},
		{"[群] 老张: !sticker", true, "群", bot.Sender{DisplayName: "老张", NickName: "老张"}, bot.KindSticker, ""},
		{"[群] 老张: !voice", true, "群", bot.Sender{DisplayName: "老张", NickName: "老张"}, bot.KindVoice, ""},
		{"[群] 老张: 第一行\\n第二行", true, "群", bot.Sender{DisplayName: "老张", NickName: "老张"}, bot.KindText, "第一行\n第二行"},
		{"没有冒号", false, "", bot.Sender{}, "", ""},
		{"[] 老张: 平安", false, "", bot.Sender{}, "", ""},
		{"[群 老张: 平安", false, "", bot.Sender{}, "", ""},
		{": 平安", false, "", bot.Sender{}, "", ""},
	}
	for _, tc := range tests {
		m, ok := ParseLine(tc.line)
		if ok != tc.ok {
			t.Errorf("%q: ok = %v", tc.line, ok)
			continue
		}
		if ok && (m.Group != tc.group || m.From != tc.from || m.Kind != tc.kind || m.Text != tc.text) {
			t.Errorf("%q → %+v", tc.line, m)
		}
	}
}

func TestRunPrintsAndStamps(t *testing.T) {
	var out bytes.Buffer
	clk := clock.NewSim(time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC))
	var got []bot.Message
	tr := &Transport{In: strings.NewReader("# comment\n\n[群] 老张: 平安\n乱写一行\n!time x\n"), Out: &out, Clock: clk}
	err := tr.Run(context.Background(), bot.HandlerFunc(func(ctx context.Context, m bot.Message) {
		got = append(got, m)
		_ = tr.Send(ctx, bot.Outgoing{Group: m.Group, Mention: m.From.DisplayName, Text: "收到"})
	}))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].ID != "console-1" || !got[0].Time.Equal(clk.Now()) {
		t.Fatalf("messages = %+v", got)
	}
	want := "→ [群] @老张 收到\n\n（看不懂这一行，格式是「[群名] 昵称: 内容」或「昵称: 内容」）\n（不支持的指令：!time x）\n"
	if out.String() != want {
		t.Errorf("output:\n%s\nwant:\n%s", out.String(), want)
	}
}
