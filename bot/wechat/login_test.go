package wechat_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"pingan/bot"
	"pingan/bot/wechat"
)

// A first start needs a QR scan (drawn, written as a PNG) and saves the
// session with mode 0600; a restart logs in from the saved file with no
// scan, receives messages, and can still upload images and files (the
// upload cookie survives the hot login).
func TestQRLoginThenHotLoginAfterRestart(t *testing.T) {
	w := newWorld(t)
	rec := newRecorder()
	opts := w.options()
	opts.QRFile = filepath.Join(t.TempDir(), "qr.png")
	var drawn bytes.Buffer
	opts.QROut = &drawn
	r := start(t, opts, rec)
	waitState(t, r.tr, wechat.StateWaitingScan)
	if err := w.fake.ScanAndConfirm(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	waitState(t, r.tr, wechat.StateOnline)
	if st := w.fake.Stats(); st.QRLogins != 1 || st.NewLogins != 1 {
		t.Fatalf("first login: %+v", st)
	}
	png, err := os.ReadFile(opts.QRFile)
	if err != nil || !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Fatalf("QR PNG: %v (%d bytes)", err, len(png))
	}
	if drawn.Len() < 100 {
		t.Errorf("QR code not drawn in the terminal: %q", drawn.String())
	}
	fi, err := os.Stat(w.session)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("session file mode %v, want 0600", fi.Mode().Perm())
	}
	r.stop()

	r2 := start(t, w.options(), rec)
	waitState(t, r2.tr, wechat.StateOnline)
	if st := w.fake.Stats(); st.QRLogins != 1 || st.NewLogins != 1 || st.Inits != 2 {
		t.Fatalf("restart was not a hot login: %+v", st)
	}
	id := w.fake.PushGroupText("幸福里退休支部", "周建国", "我很好")
	if m := rec.wait(t, id); m.Text != "我很好" || m.Kind != bot.KindText || m.From.DisplayName != "周建国" {
		t.Fatalf("after hot login got %+v", m)
	}

	dir := t.TempDir()
	img := filepath.Join(dir, "report.png")
	doc := filepath.Join(dir, "台账.xlsx")
	if err := os.WriteFile(img, png, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(doc, []byte("PK fake xlsx"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := r2.tr.Send(ctxT(t), bot.Outgoing{Group: "幸福里退休支部", File: img, Image: true}); err != nil {
		t.Fatalf("image after hot login: %v", err)
	}
	if err := r2.tr.Send(ctxT(t), bot.Outgoing{To: "李娜", File: doc}); err != nil {
		t.Fatalf("file after hot login: %v", err)
	}
	ups, sent := w.fake.Uploads(), w.fake.Sent()
	if len(ups) != 2 || ups[0].Host != "file.wx.qq.com" || ups[0].Size != len(png) {
		t.Fatalf("uploads %+v", ups)
	}
	if len(sent) != 2 || sent[0].Type != 3 || sent[0].Group != "幸福里退休支部" || sent[0].MediaID == "" ||
		sent[1].Type != 6 || sent[1].To != "李娜" || sent[1].MediaID == "" {
		t.Fatalf("sent %+v", sent)
	}

	// A second restart still hot-logs in: the saved cookies were not lost.
	r2.stop()
	r3 := start(t, w.options(), rec)
	waitState(t, r3.tr, wechat.StateOnline)
	if err := r3.tr.Send(ctxT(t), bot.Outgoing{Group: "幸福里退休支部", File: img, Image: true}); err != nil {
		t.Fatalf("image after second hot login: %v", err)
	}
	if st := w.fake.Stats(); st.NewLogins != 1 || st.Inits != 3 {
		t.Fatalf("second restart: %+v", st)
	}
}

// Before any login, Send says the transport is unavailable (retryable).
func TestSendBeforeLoginIsUnavailable(t *testing.T) {
	w := newWorld(t)
	tr := wechat.New(w.options(), testLog(t))
	err := tr.Send(ctxT(t), bot.Outgoing{Group: "幸福里退休支部", Text: "x"})
	if err == nil || bot.IsPermanent(err) {
		t.Fatalf("send before login: %v", err)
	}
	if tr.State() != wechat.StateStarting {
		t.Fatalf("state %s", tr.State())
	}
}
