package wechat

import (
	"io"
	"net/http"
	"os"
	"time"

	"pingan/clock"
)

// Options configures the WeChat transport. Only SessionFile is required in
// production; every duration has a default suited to real WeChat.
type Options struct {
	// SessionFile keeps the hot-login session (cookies, keys, sync key) so a
	// restart logs in again without a scan. Written with mode 0600: it holds
	// live credentials.
	SessionFile string
	// QRFile, when set, receives the login QR code as a PNG, for a server
	// without a terminal anyone looks at.
	QRFile string
	// QROut receives the login QR code drawn in text; nil means os.Stderr.
	// Use io.Discard to draw nothing.
	QROut io.Writer
	// Groups are the group names pingan works in. At every login the
	// transport checks that the account can see each one (and warns when
	// it cannot). Messages from every group are delivered: the handlers
	// still read a cry for help in a group the config does not list.
	Groups []string

	// HTTPTransport carries every request to WeChat. nil means a clone of
	// http.DefaultTransport (which honours HTTPS_PROXY, NO_PROXY and
	// SSL_CERT_FILE). Tests pass fakewechat.Server.Transport().
	HTTPTransport http.RoundTripper
	// Clock stamps inbound messages; nil means the wall clock.
	Clock clock.Clock

	// SyncBackoff is the first wait after a failed sync request; it doubles
	// up to MaxSyncBackoff and resets after a good sync. Default 1s / 1m.
	SyncBackoff, MaxSyncBackoff time.Duration
	// LoginBackoff is the first wait after a failed login; it doubles up
	// to MaxLoginBackoff. Default 5s / 5m.
	LoginBackoff, MaxLoginBackoff time.Duration
	// ThrottleWait is how long WeChat's "operate too often" (Ret 1205) asks
	// the outbox to wait at least. Default 1m.
	ThrottleWait time.Duration
	// MemberTTL is how long a group's member list is trusted before it is
	// fetched again on the next message. Default 10m.
	MemberTTL time.Duration
	// ContactRefresh is the least time between two full contact-list
	// fetches triggered by an unknown name. Default 30s.
	ContactRefresh time.Duration
	// SeenSize and SeenTTL bound the in-process memory of delivered MsgIds
	// (a replayed message is dropped). Default 4096 / 24h.
	SeenSize int
	SeenTTL  time.Duration
}

func (o Options) withDefaults() Options {
	if o.QROut == nil {
		o.QROut = os.Stderr
	}
	if o.Clock == nil {
		o.Clock = clock.Real{}
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&o.SyncBackoff, time.Second)
	def(&o.MaxSyncBackoff, time.Minute)
	def(&o.LoginBackoff, 5*time.Second)
	def(&o.MaxLoginBackoff, 5*time.Minute)
	def(&o.ThrottleWait, time.Minute)
	def(&o.MemberTTL, 10*time.Minute)
	def(&o.ContactRefresh, 30*time.Second)
	def(&o.SeenTTL, 24*time.Hour)
	if o.SeenSize <= 0 {
		o.SeenSize = 4096
	}
	if o.HTTPTransport == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.TLSHandshakeTimeout = 10 * time.Second
		t.ResponseHeaderTimeout = 40 * time.Second // synccheck long-polls ~25s
		t.IdleConnTimeout = 90 * time.Second
		t.MaxIdleConnsPerHost = 4
		o.HTTPTransport = t
	}
	return o
}
