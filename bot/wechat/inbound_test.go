package wechat_test

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"pingan/bot"
	"pingan/bot/wechat"
)

// A group text reaches the handler normalised, and a reply reaches the
// fake's record for the right group, with the mention.
func TestGroupTextReachesHandlerAndReplyReachesGroup(t *testing.T) {
	w := newWorld(t)
	rec := newRecorder()
	r := w.loginByScan(t, rec)

	id := w.fake.PushGroupText("幸福里退休支部", "周建国", "今天挺好 <没事>\n谢谢")
	m := rec.wait(t, id)
	want := bot.Message{ID: id, Kind: bot.KindText, Group: "幸福里退休支部",
		From: bot.Sender{DisplayName: "周建国", NickName: "老周的微信"}, Text: "今天挺好 <没事>\n谢谢", Time: m.Time}
	if m != want {
		t.Fatalf("got  %+v\nwant %+v", m, want)
	}
	// A member with no group display name goes by their nickname.
	id = w.fake.PushGroupText("幸福里退休支部", "夕阳红", "好")
	if m := rec.wait(t, id); m.From.DisplayName != "夕阳红" || m.From.NickName != "夕阳红" || m.From.Remark != "" {
		t.Fatalf("no display name: %+v", m.From)
	}

	err := r.tr.Send(ctxT(t), bot.Outgoing{Group: "幸福里退休支部", Mention: "周建国", Text: "收到，祝您健康"})
	if err != nil {
		t.Fatal(err)
	}
	sent := w.fake.Sent()
	if len(sent) != 1 || sent[0].Group != "幸福里退休支部" || sent[0].Text != "@周建国\u2005收到，祝您健康" || sent[0].Type != 1 {
		t.Fatalf("sent %+v", sent)
	}
}

// Staff are recognised by the remark the account gave them: a friend's
// private message carries it; a stranger who copied the liaison's nickname
// arrives with an empty remark.
func TestPrivateMessagesRemarkOnlyFromFriends(t *testing.T) {
	w := newWorld(t)
	rec := newRecorder()
	r := w.loginByScan(t, rec)

	id := w.fake.PushPrivateText("李娜", "/status")
	if m := rec.wait(t, id); m.From.Remark != "李娜" || m.From.NickName != "娜娜爱生活" || !m.Private() || m.Text != "/status" {
		t.Fatalf("friend: %+v", m)
	}
	impostor := w.fake.AddStranger("娜娜爱生活")
	id = w.fake.PushPrivateTextFrom(impostor, "/export")
	if m := rec.wait(t, id); m.From.Remark != "" || m.From.NickName != "娜娜爱生活" {
		t.Fatalf("stranger with the liaison's nickname got %+v", m.From)
	}

	if err := r.tr.Send(ctxT(t), bot.Outgoing{To: "李娜", Text: "王大爷需要买药"}); err != nil {
		t.Fatal(err)
	}
	if s := w.fake.Sent(); len(s) != 1 || s[0].To != "李娜" || s[0].Group != "" {
		t.Fatalf("private reply: %+v", s)
	}
	// Nobody with that remark, and no such group: permanent errors.
	for _, o := range []bot.Outgoing{{To: "娜娜爱生活", Text: "x"}, {Group: "不存在的群", Text: "x"}} {
		err := r.tr.Send(ctxT(t), o)
		if !errors.Is(err, bot.ErrUnknownRecipient) || !bot.IsPermanent(err) {
			t.Errorf("send to %s: %v, want permanent ErrUnknownRecipient", o.Target(), err)
		}
	}
}

// A message delivered twice (same MsgId) reaches the handler once.
func TestDuplicateDeliveryHandledOnce(t *testing.T) {
	w := newWorld(t)
	rec := newRecorder()
	w.loginByScan(t, rec)

	id := w.fake.PushGroupText("幸福里退休支部", "周建国", "1")
	rec.wait(t, id)
	w.fake.Redeliver(id)
	marker := w.fake.PushGroupText("幸福里退休支部", "周建国", "2")
	rec.wait(t, marker)
	n := 0
	for _, m := range rec.all() {
		if m.ID == id {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("message %s handled %d times", id, n)
	}
}

// Stickers, voice notes, images, system messages and revokes arrive with
// their kinds; the bot's own echoes do not arrive at all.
func TestMessageKinds(t *testing.T) {
	w := newWorld(t)
	rec := newRecorder()
	w.loginByScan(t, rec)

	g := "幸福里退休支部"
	cases := []struct {
		id   string
		kind bot.Kind
		text string
	}{
		{w.fake.PushGroupSticker(g, "周建国"), bot.KindSticker, ""},
		{w.fake.PushGroupVoice(g, "周建国"), bot.KindVoice, ""},
		{w.fake.PushGroupImage(g, "周建国"), bot.KindImage, ""},
		{w.fake.PushGroupSystem(g, `"管理员"邀请"小王"加入了群聊`), bot.KindSystem, `"管理员"邀请"小王"加入了群聊`},
	}
	echo := w.fake.PushSelfText(g, "机器人自己发的")
	textID := w.fake.PushGroupText(g, "周建国", "发错了")
	cases = append(cases, struct {
		id   string
		kind bot.Kind
		text string
	}{w.fake.Revoke(g, "周建国", textID), bot.KindRevoked, textID})
	for _, c := range cases {
		m := rec.wait(t, c.id)
		if m.Kind != c.kind || m.Text != c.text || m.Group != g {
			t.Errorf("%s: got kind %s text %q group %q", c.kind, m.Kind, m.Text, m.Group)
		}
		if c.kind != bot.KindSystem && m.From.DisplayName != "周建国" {
			t.Errorf("%s: sender %+v", c.kind, m.From)
		}
	}
	for _, m := range rec.all() {
		if m.ID == echo {
			t.Errorf("the account's own message was delivered: %+v", m)
		}
	}
}

// A group renamed by its owner is known by its new name after the notice,
// for inbound messages and for sending.
func TestGroupRenameFollowed(t *testing.T) {
	w := newWorld(t)
	rec := newRecorder()
	opts := w.options()
	opts.Groups = nil // every group
	r := start(t, opts, rec)
	waitState(t, r.tr, wechat.StateWaitingScan)
	if err := w.fake.ScanAndConfirm(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	waitState(t, r.tr, wechat.StateOnline)
	rec.wait(t, w.fake.PushGroupText("幸福里退休支部", "周建国", "早"))
	rec.wait(t, w.fake.RenameGroup("幸福里退休支部", "幸福里社区退休支部"))
	id := w.fake.PushGroupText("幸福里社区退休支部", "周建国", "改名了")
	if m := rec.wait(t, id); m.Group != "幸福里社区退休支部" {
		t.Fatalf("after group rename: %+v", m)
	}
	if err := r.tr.Send(ctxT(t), bot.Outgoing{Group: "幸福里社区退休支部", Text: "好"}); err != nil {
		t.Fatal(err)
	}
}

// A member who renames themself is delivered with the new display name
// after the rename system message.
func TestRenameReResolvesMembers(t *testing.T) {
	w := newWorld(t)
	rec := newRecorder()
	w.loginByScan(t, rec)
	g := "幸福里退休支部"

	rec.wait(t, w.fake.PushGroupText(g, "周建国", "早"))
	sys := w.fake.RenameMember(g, "周建国", "周老师（二支部）")
	if m := rec.wait(t, sys); m.Kind != bot.KindSystem {
		t.Fatalf("rename notice: %+v", m)
	}
	id := w.fake.PushGroupText(g, "周老师（二支部）", "晚上好")
	if m := rec.wait(t, id); m.From.DisplayName != "周老师（二支部）" || m.From.NickName != "老周的微信" {
		t.Fatalf("after rename: %+v", m.From)
	}
	// A newcomer is known at once too.
	w.fake.JoinMember(g, "新来的", "刘阿姨")
	id = w.fake.PushGroupText(g, "刘阿姨", "大家好")
	if m := rec.wait(t, id); m.From.DisplayName != "刘阿姨" {
		t.Fatalf("newcomer: %+v", m.From)
	}
}

// A group the account has not saved to contacts is unknown for sending
// until someone writes in it; then it is found and works.
func TestUnsavedGroupFoundOnFirstMessage(t *testing.T) {
	w := newWorld(t)
	w.fake.AddGroupMember("未保存的群", "老吴", "吴伯伯")
	rec := newRecorder()
	r := w.loginByScan(t, rec)

	err := r.tr.Send(ctxT(t), bot.Outgoing{Group: "未保存的群", Text: "通知"})
	if !errors.Is(err, bot.ErrUnknownRecipient) {
		t.Fatalf("unsaved group before any message: %v", err)
	}
	id := w.fake.PushGroupText("未保存的群", "吴伯伯", "在吗")
	if m := rec.wait(t, id); m.Group != "未保存的群" || m.From.DisplayName != "吴伯伯" {
		t.Fatalf("got %+v", m)
	}
	if err := r.tr.Send(ctxT(t), bot.Outgoing{Group: "未保存的群", Text: "通知"}); err != nil {
		t.Fatal(err)
	}
}

// Messages from groups pingan is not configured for are delivered too
// (named, with their sender): a cry for help in a renamed or new group
// must not be lost; the handlers decide what to do with them.
func TestOtherGroupsDelivered(t *testing.T) {
	w := newWorld(t)
	w.fake.AddGroup("广场舞群", true)
	w.fake.AddGroupMember("广场舞群", "舞友", "")
	rec := newRecorder()
	w.loginByScan(t, rec)
	other := w.fake.PushGroupText("广场舞群", "舞友", "我摔倒了起不来")
	if m := rec.wait(t, other); m.Group != "广场舞群" || m.From.DisplayName != "舞友" || m.Text != "我摔倒了起不来" {
		t.Fatalf("got %+v", m)
	}
}

// A handler that panics does not stop the next message.
func TestHandlerPanicRecovered(t *testing.T) {
	w := newWorld(t)
	rec := newRecorder()
	h := bot.HandlerFunc(func(ctx context.Context, m bot.Message) {
		if m.Text == "boom" {
			panic("handler bug")
		}
		rec.Handle(ctx, m)
	})
	w.loginByScan(t, h)
	w.fake.PushGroupText("幸福里退休支部", "周建国", "boom")
	rec.wait(t, w.fake.PushGroupText("幸福里退休支部", "周建国", "after"))
}

// A file sent privately (a roster workbook) reaches the handler as a
// local copy with its name, removed once handled; a file in a group is
// not fetched.
func TestPrivateFileFetched(t *testing.T) {
	w := newWorld(t)
	type got struct {
		m    bot.Message
		data []byte
	}
	ch := make(chan got, 4)
	h := bot.HandlerFunc(func(_ context.Context, m bot.Message) {
		b, _ := os.ReadFile(m.File)
		ch <- got{m, b}
	})
	w.loginByScan(t, h)
	w.fake.PushPrivateFile("李娜", "名单.xlsx", []byte("PK\x03\x04 workbook"))
	var g got
	select {
	case g = <-ch:
	case <-time.After(10 * time.Second):
		t.Fatal("no file delivered")
	}
	if g.m.Kind != bot.KindFile || g.m.FileName != "名单.xlsx" || string(g.data) != "PK\x03\x04 workbook" || g.m.From.Remark != "李娜" {
		t.Fatalf("got %+v with %q", g.m, g.data)
	}
	waitFor(t, "the copy removed", func() bool { _, err := os.Stat(g.m.File); return os.IsNotExist(err) })
}
