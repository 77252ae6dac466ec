package wechat

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/eatmoreapple/openwechat"
	"github.com/mdp/qrterminal/v3"
	"rsc.io/qr"

	"pingan/bot"
)

// QRLoginURL is what the login QR code encodes for a login uuid.
func QRLoginURL(uuid string) string { return "https://login.weixin.qq.com/l/" + uuid }

// newBot returns a fresh openwechat bot in desktop (UOS) mode, wired to
// this transport. A bot cannot log in again once it exited, so every login
// attempt gets a new one.
func (t *Transport) newBot(ctx context.Context, q *inbox) (*openwechat.Bot, *session) {
	b := openwechat.NewBot(ctx)
	openwechat.Desktop.Prepare(b)
	hc := b.Caller.Client.HTTPClient()
	hc.Transport = t.opts.HTTPTransport
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	s := &session{bot: b, ready: make(chan struct{}), exited: make(chan struct{})}
	b.LogoutCallBack = func(b *openwechat.Bot) {
		s.exitOnce.Do(func() {
			s.reason = b.CrashReason()
			close(s.exited)
		})
	}

	b.UUIDCallback = t.showQR
	b.ScanCallBack = func(openwechat.CheckLoginResponse) {
		t.log.Info("wechat QR code scanned; confirm the login on the phone")
	}
	b.LoginCallBack = func(openwechat.CheckLoginResponse) {}
	b.MessageHandler = func(m *openwechat.Message) { t.onMessage(s, q, m) }

	// The library retries sync errors in a tight loop; back off instead,
	// and end the session only on the retcodes that mean it is gone.
	backoff := t.opts.SyncBackoff
	b.SyncCheckCallback = func(resp openwechat.SyncCheckResponse) {
		if resp.Success() {
			t.lastSync.Store(time.Now().UnixNano())
			backoff = t.opts.SyncBackoff
		}
	}
	b.MessageErrorHandler = func(err error) error {
		if b.Context().Err() != nil || isSessionLost(err) {
			return err
		}
		t.log.Warn("wechat sync error, backing off", "err", err, "wait", backoff)
		if bot.Sleep(b.Context(), backoff) != nil {
			return err
		}
		backoff = min(2*backoff, t.opts.MaxSyncBackoff)
		return nil
	}
	return b, s
}

// showQR draws the login QR code in the terminal, writes it as a PNG and
// logs the URL, for whoever looks after the bot's phone.
func (t *Transport) showQR(uuid string) {
	t.setState(StateWaitingScan)
	u := QRLoginURL(uuid)
	fmt.Fprintln(t.opts.QROut, "用报平安专用微信号扫码登录 (scan with pingan's WeChat account):")
	qrterminal.GenerateHalfBlock(u, qrterminal.L, t.opts.QROut)
	if t.opts.QRFile != "" {
		code, err := qr.Encode(u, qr.L)
		if err == nil {
			code.Scale = 8
			err = writeFile0600(t.opts.QRFile, code.PNG())
		}
		if err != nil {
			t.log.Error("wechat: cannot write QR code PNG", "file", t.opts.QRFile, "err", err)
		}
	}
	t.log.Warn("wechat login needs a QR scan", "url", u, "png", t.opts.QRFile)
}

// login logs in with a new bot: a hot login from the session file when
// there is one, then a push login (the phone asks to confirm), then a QR
// scan. Each attempt reads the file through a fresh storage object.
func (t *Transport) login(ctx context.Context, q *inbox) (*session, error) {
	path := t.opts.SessionFile
	if path != "" && hasSession(path) {
		b, s := t.newBot(ctx, q)
		f := newSessionFile(path)
		err := b.HotLogin(f)
		if err == nil {
			return t.started(b, s, f, "hot login")
		}
		f.close()
		b.Exit()
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		t.log.Info("wechat hot login failed, asking the phone to confirm", "err", err)

		b, s = t.newBot(ctx, q)
		f = newSessionFile(path)
		how := &loginVia{how: "push login"}
		err = b.PushLogin(f, how, openwechat.NewRetryLoginOption())
		if err == nil {
			return t.started(b, s, f, how.how)
		}
		f.close()
		b.Exit()
		return nil, fmt.Errorf("push and scan login: %w", err)
	}
	b, s := t.newBot(ctx, q)
	var f *sessionFile
	var err error
	if path != "" {
		// HotLogin on an empty file fails at once and falls back to a
		// scan, and the file is attached for the new session.
		f = newSessionFile(path)
		err = b.HotLogin(f, openwechat.NewRetryLoginOption())
	} else {
		err = b.Login()
	}
	if err != nil {
		if f != nil {
			f.close()
		}
		b.Exit()
		return nil, fmt.Errorf("scan login: %w", err)
	}
	if f == nil {
		f = newSessionFile("")
		f.close()
	}
	return t.started(b, s, f, "QR scan")
}

// loginVia records that a push login fell back to a scan.
type loginVia struct {
	openwechat.BaseBotLoginOption
	how string
}

func (l *loginVia) OnError(_ *openwechat.Bot, err error) error {
	l.how = "QR scan"
	return err
}

func (t *Transport) started(b *openwechat.Bot, s *session, f *sessionFile, how string) (*session, error) {
	resp := b.Storage.Response
	if resp == nil || resp.User == nil {
		b.Exit()
		return nil, fmt.Errorf("%s: no user in init response", how)
	}
	s.self, s.nick = resp.User.UserName, resp.User.NickName
	s.file, s.how = f, how
	s.dir = newDirectory(b.Caller, b.Storage.LoginInfo, b.Storage.Request, &t.opts)
	return s, nil
}
