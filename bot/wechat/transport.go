package wechat

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/eatmoreapple/openwechat"

	"pingan/bot"
)

// State is the transport's login state.
type State string

// Login states.
const (
	// StateStarting: Run has not been called yet.
	StateStarting State = "starting"
	// StateLoggingIn: logging in (hot, push, or waiting for a QR scan).
	StateLoggingIn State = "logging_in"
	// StateWaitingScan: a QR code is shown and waits for the owner's scan.
	StateWaitingScan State = "waiting_scan"
	// StateOnline: logged in and syncing.
	StateOnline State = "online"
	// StateOffline: the session ended; the transport is reconnecting.
	StateOffline State = "offline"
	// StateStopped: Run returned.
	StateStopped State = "stopped"
)

// ErrOffline is returned by Send while no session is up. It wraps
// bot.ErrUnavailable: the outbox keeps the message queued and tries later.
var ErrOffline = fmt.Errorf("wechat: not logged in: %w", bot.ErrUnavailable)

// Transport is pingan's WeChat adapter on openwechat. It implements
// bot.Transport. Create it with New; Run logs in and keeps the session up;
// Send may be called from any goroutine at any time.
type Transport struct {
	opts Options
	log  *slog.Logger
	seen *seenSet

	mu       sync.RWMutex
	state    State
	sess     *session
	account  string
	lastSync atomic.Int64 // unix nanos of the last good synccheck

	in, out, sendFail, dropped atomic.Int64
}

// session is one login: one openwechat.Bot and the names it resolved.
type session struct {
	bot  *openwechat.Bot
	self string // the account's UserName in this session
	nick string
	dir  *directory
	file *sessionFile
	how  string
	// ready is closed once the fields above are set and the contacts are
	// loaded; the worker waits for it (the sync loop starts earlier).
	ready chan struct{}
	// exited is closed by the library's logout callback once the session
	// ended; reason is why (written before the close).
	exited   chan struct{}
	exitOnce sync.Once
	reason   error
}

var _ bot.Transport = (*Transport)(nil)

// New returns a transport; nothing happens until Run.
func New(opts Options, log *slog.Logger) *Transport {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	opts = opts.withDefaults()
	return &Transport{
		opts:  opts,
		log:   log.With("transport", "wechat"),
		seen:  newSeenSet(opts.SeenSize, opts.SeenTTL),
		state: StateStarting,
	}
}

// State returns the login state.
func (t *Transport) State() State {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.state
}

func (t *Transport) setState(s State) {
	t.mu.Lock()
	t.state = s
	t.mu.Unlock()
}

func (t *Transport) current() *session {
	t.mu.RLock()
	defer t.mu.RUnlock()
	return t.sess
}

// LastSync is when the sync loop last heard from WeChat; zero before that.
func (t *Transport) LastSync() time.Time {
	n := t.lastSync.Load()
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, n)
}

// Run logs in (hot login from the session file, then a push to the phone,
// then a QR scan), delivers inbound messages to h, and logs in again with a
// new session whenever WeChat ends one, until ctx ends. It returns ctx's
// error.
func (t *Transport) Run(ctx context.Context, h bot.Handler) error {
	q := newInbox()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t.work(ctx, q, h)
	}()
	defer func() {
		t.setState(StateStopped)
		q.close()
		wg.Wait()
	}()

	backoff := t.opts.LoginBackoff
	for ctx.Err() == nil {
		t.setState(StateLoggingIn)
		s, err := t.login(ctx, q)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			t.setState(StateOffline)
			t.log.Error("wechat login failed, will retry", "err", err, "wait", backoff)
			if bot.Sleep(ctx, backoff) != nil {
				break
			}
			backoff = min(2*backoff, t.opts.MaxLoginBackoff)
			continue
		}
		backoff = t.opts.LoginBackoff
		t.resolve(ctx, s)
		close(s.ready)
		t.mu.Lock()
		t.sess, t.state, t.account = s, StateOnline, s.nick
		t.mu.Unlock()

		var reason error
		select {
		case <-s.exited:
			reason = s.reason
		case <-ctx.Done():
		}

		t.mu.Lock()
		t.sess = nil
		t.state = StateOffline
		t.mu.Unlock()
		s.file.close()
		if ctx.Err() != nil {
			break
		}
		t.log.Warn("wechat session ended, logging in again", "reason", reason)
		// A short pause, so a server that ends every session at once is
		// not hammered.
		if bot.Sleep(ctx, min(t.opts.LoginBackoff, time.Second)) != nil {
			break
		}
	}
	return ctx.Err()
}

// resolve loads the contact list and the configured groups after a login,
// and warns about every configured group the account cannot see.
func (t *Transport) resolve(ctx context.Context, s *session) {
	if err := s.dir.loadContacts(ctx); err != nil {
		t.log.Error("wechat: cannot load contacts", "err", err)
	}
	var found, missing []string
	for _, g := range t.opts.Groups {
		un, ok := s.dir.groupID(ctx, g)
		if !ok {
			missing = append(missing, g)
			continue
		}
		if err := s.dir.loadGroup(ctx, un); err != nil {
			t.log.Warn("wechat: cannot load group members", "group", g, "err", err)
		}
		found = append(found, g)
	}
	t.log.Info("wechat logged in", "account", s.nick, "via", s.how, "groups_found", found)
	for _, g := range missing {
		t.log.Warn("wechat: configured group not visible to the account; on the phone open the group → 聊天信息 → turn on 保存到通讯录 (save to contacts), then restart pingan; until then messages to it fail and its messages arrive only after someone writes in it",
			"group", g)
	}
}

// isSessionLost reports whether err is WeChat ending the session
// (Ret 1100 failed login warn, 1101 failed login check, 1102 cookie invalid).
func isSessionLost(err error) bool {
	var ret openwechat.Ret
	if errors.As(err, &ret) {
		switch int(ret) {
		case 1100, 1101, 1102:
			return true
		}
	}
	return false
}
