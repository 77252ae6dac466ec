package wechat_test

import (
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"pingan/bot"
	"pingan/bot/wechat"
	"pingan/bot/wechat/fakewechat"
	"pingan/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

// world is the fake WeChat every test starts from: one elders' group, one
// staff group that is not saved to contacts, a liaison who is the account's
// friend (remark 李娜), elders in the group.
type world struct {
	fake    *fakewechat.Server
	session string
	liaison string // key of the liaison (friend)
}

func newWorld(t *testing.T) *world {
	t.Helper()
	f := fakewechat.New(fakewechat.Options{})
	t.Cleanup(f.Close)
	w := &world{fake: f, session: filepath.Join(t.TempDir(), "session.json")}
	f.AddGroup("幸福里退休支部", true)
	f.AddGroup("未保存的群", false)
	w.liaison = f.AddFriend("娜娜爱生活", "李娜")
	f.AddMember("幸福里退休支部", w.liaison, "联络员李娜")
	f.AddGroupMember("幸福里退休支部", "老周的微信", "周建国")
	f.AddGroupMember("幸福里退休支部", "夕阳红", "")
	return w
}

func (w *world) options() wechat.Options {
	return wechat.Options{
		SessionFile:    w.session,
		QROut:          io.Discard,
		Groups:         []string{"幸福里退休支部", "未保存的群"},
		HTTPTransport:  w.fake.Transport(),
		SyncBackoff:    20 * time.Millisecond,
		LoginBackoff:   50 * time.Millisecond,
		ThrottleWait:   30 * time.Millisecond,
		ContactRefresh: time.Millisecond,
	}
}

func testLog(t *testing.T) *slog.Logger {
	if testing.Verbose() {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

// recorder is a bot.Handler that keeps what it got.
type recorder struct {
	mu   sync.Mutex
	msgs []bot.Message
	ch   chan struct{}
}

func newRecorder() *recorder { return &recorder{ch: make(chan struct{}, 1000)} }

func (r *recorder) Handle(_ context.Context, m bot.Message) {
	r.mu.Lock()
	r.msgs = append(r.msgs, m)
	r.mu.Unlock()
	r.ch <- struct{}{}
}

func (r *recorder) all() []bot.Message {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]bot.Message(nil), r.msgs...)
}

// wait returns the first message with this ID, failing after a timeout.
func (r *recorder) wait(t *testing.T, id string) bot.Message {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		for _, m := range r.all() {
			if m.ID == id {
				return m
			}
		}
		select {
		case <-r.ch:
		case <-deadline:
			t.Fatalf("message %s never reached the handler; got %+v", id, r.all())
		}
	}
}

// running is a Transport whose Run goroutine the test stops.
type running struct {
	tr   *wechat.Transport
	stop func()
	done chan error
}

func start(t *testing.T, opts wechat.Options, h bot.Handler) *running {
	t.Helper()
	tr := wechat.New(opts, testLog(t))
	ctx, cancel := context.WithCancel(context.Background())
	r := &running{tr: tr, done: make(chan error, 1)}
	go func() { r.done <- tr.Run(ctx, h) }()
	var once sync.Once
	r.stop = func() {
		once.Do(func() {
			cancel()
			select {
			case <-r.done:
			case <-time.After(5 * time.Second):
				t.Error("Run did not return after cancel")
			}
		})
	}
	t.Cleanup(r.stop)
	return r
}

func waitState(t *testing.T, tr *wechat.Transport, want wechat.State) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for tr.State() != want {
		if time.Now().After(deadline) {
			t.Fatalf("state %s, want %s", tr.State(), want)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// loginByScan starts a transport and confirms the QR login on the fake.
func (w *world) loginByScan(t *testing.T, h bot.Handler) *running {
	t.Helper()
	r := start(t, w.options(), h)
	waitState(t, r.tr, wechat.StateWaitingScan)
	if err := w.fake.ScanAndConfirm(ctxT(t)); err != nil {
		t.Fatal(err)
	}
	waitState(t, r.tr, wechat.StateOnline)
	return r
}
