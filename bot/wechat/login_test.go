package wechat_test

import (
	"os"
	"testing"

	"pingan/bot"
	"pingan/bot/wechat"
)

// A first start needs a QR scan and saves the session (0600); a restart
// logs in from the saved file with no scan.
func TestQRLoginThenHotLoginAfterRestart(t *testing.T) {
	w := newWorld(t)
	rec := newRecorder()
	r := w.loginByScan(t, rec)
	if st := w.fake.Stats(); st.QRLogins != 1 || st.NewLogins != 1 {
		t.Fatalf("first login: %+v", st)
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
	// The hot session works: a message arrives.
	id := w.fake.PushGroupText("幸福里退休支部", "周建国", "我很好")
	if m := rec.wait(t, id); m.Text != "我很好" || m.Kind != bot.KindText {
		t.Fatalf("after hot login got %+v", m)
	}
}
