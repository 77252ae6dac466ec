// Package fakewechat is a fake web-WeChat server for tests. The unmodified
// openwechat library talks to it over loopback: Transport() returns an
// http.RoundTripper that sends every request, whatever its host
// (login.wx.qq.com, wx.qq.com, webpush.wx.qq.com, file.wx.qq.com), to the
// fake, so cookies and URLs look exactly as they do in production.
//
// The fake keeps one account with friends (with remark names), strangers,
// groups with members and their group display names, a message log the
// sync loop reads from, and a record of everything the bot sent. Tests drive
// it: confirm a login, push group and private messages, deliver one twice,
// end the session with a retcode, answer sends with Ret 1205.
package fakewechat

import (
	"crypto/sha1"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"time"
)

// Options tunes the fake's long polls. Short holds keep tests fast: the
// library loops immediately on a 408 or a selector 0.
type Options struct {
	// LoginHold is how long a login check waits for a scan before 408.
	LoginHold time.Duration
	// SyncHold is how long a synccheck waits for a message before selector 0.
	SyncHold time.Duration
	// Nick is the bot account's nickname; default "报平安助手".
	Nick string
}

// Server is a fake WeChat server on 127.0.0.1.
type Server struct {
	opts Options
	ts   *httptest.Server
	base *url.URL

	mu      sync.Mutex
	changed chan struct{} // closed and replaced on every change
	epoch   int           // bumps on every new login: session ids change
	uin     int64
	people  []*person
	groups  []*group
	pending map[string]*pendingLogin
	sess    *session
	log     []logged
	seq     int64
	nextID  int64
	// media are the files pushed to the bot, by media id, for webwxgetmedia.
	media    map[string][]byte
	mediaSeq int
	sent     []Sent
	uploads  []Upload
	// throttle answers this many sends with Ret 1205.
	throttle    int
	autoConfirm bool
	pushAllowed bool
	pushConfirm bool
	stats       Stats
}

type person struct {
	key    string
	nick   string
	remark string
	friend bool
}

type group struct {
	key     string
	name    string
	saved   bool
	members []*membership
}

type membership struct {
	p       *person
	display string
}

type pendingLogin struct {
	n         int64 // creation order
	uuid      string
	push      bool
	scanned   bool
	reported  bool // 201 already answered
	confirmed bool
	used      bool
}

type session struct {
	sid, skey, ticket string
	alive             bool
	code              int // retcode once ended
}

type logged struct {
	seq int64
	msg wireMsg
}

// Sent is one message the bot sent, as the fake recorded it.
type Sent struct {
	// Group is the target group's name; empty for a private message.
	Group string
	// To is the friend's remark name (or nickname) for a private message.
	To string
	// Type is the WeChat message type: 1 text, 3 image, 6 app/file.
	Type int
	// Text is the content of a text message.
	Text string
	// MediaID is the uploaded media of an image or file.
	MediaID string
	// At is when the fake received the request.
	At time.Time
}

// Upload is one file the bot uploaded.
type Upload struct {
	Name string
	Size int
	// Host is the host the upload was addressed to (file.wx.qq.com).
	Host string
}

// Stats counts login-related requests.
type Stats struct {
	// QRLogins is how many QR codes (jslogin) were handed out.
	QRLogins int
	// PushLogins is how many push (phone confirmation) logins were asked for.
	PushLogins int
	// NewLogins is how many new sessions were created (scan or push).
	NewLogins int
	// Inits counts webwxinit calls that succeeded (new and hot logins).
	Inits int
	// SyncChecks counts synccheck requests.
	SyncChecks int
}

// New starts a fake server. Close it when done (t.Cleanup(s.Close)).
func New(opts Options) *Server {
	if opts.LoginHold <= 0 {
		opts.LoginHold = 100 * time.Millisecond
	}
	if opts.SyncHold <= 0 {
		opts.SyncHold = 150 * time.Millisecond
	}
	if opts.Nick == "" {
		opts.Nick = "报平安助手"
	}
	s := &Server{
		opts:        opts,
		changed:     make(chan struct{}),
		uin:         2873640001,
		pending:     map[string]*pendingLogin{},
		pushAllowed: true,
		pushConfirm: true,
		seq:         100,
		nextID:      7000000000000000000,
	}
	s.ts = httptest.NewServer(http.HandlerFunc(s.serve))
	s.base, _ = url.Parse(s.ts.URL)
	return s
}

// Close stops the server.
func (s *Server) Close() {
	s.mu.Lock()
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
	s.ts.CloseClientConnections()
	s.ts.Close()
}

// URL is the fake's plain-HTTP address.
func (s *Server) URL() string { return s.ts.URL }

// Transport returns a RoundTripper that sends every request to the fake,
// keeping the original host in the Host header so the fake can route it.
func (s *Server) Transport() http.RoundTripper {
	return rewriter{base: s.base, rt: s.ts.Client().Transport}
}

type rewriter struct {
	base *url.URL
	rt   http.RoundTripper
}

func (r rewriter) RoundTrip(req *http.Request) (*http.Response, error) {
	c := req.Clone(req.Context())
	c.Host = req.URL.Host
	c.URL.Scheme = r.base.Scheme
	c.URL.Host = r.base.Host
	return r.rt.RoundTrip(c)
}

// broadcast wakes every held long poll; callers hold s.mu.
func (s *Server) broadcast() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// wait releases s.mu until the state changes or d passes, then re-locks.
func (s *Server) wait(r *http.Request, d time.Duration) {
	ch := s.changed
	s.mu.Unlock()
	t := time.NewTimer(d)
	select {
	case <-ch:
	case <-t.C:
	case <-r.Context().Done():
	}
	t.Stop()
	s.mu.Lock()
}

func (s *Server) id(kind, key string) string {
	h := sha1.Sum([]byte(fmt.Sprintf("%s/%s/%d", kind, key, s.epoch)))
	return hex.EncodeToString(h[:])
}

// selfName is the bot's session id; like every UserName it changes per login.
func (s *Server) selfName() string            { return "@" + s.id("self", "") }
func (s *Server) personName(p *person) string { return "@" + s.id("p", p.key) }
func (s *Server) groupName(g *group) string   { return "@@" + s.id("g", g.key) }

func (s *Server) byUserName(un string) (*person, *group) {
	for _, g := range s.groups {
		if s.groupName(g) == un {
			return nil, g
		}
	}
	for _, p := range s.people {
		if s.personName(p) == un {
			return p, nil
		}
	}
	return nil, nil
}

func (s *Server) findGroup(name string) *group {
	for _, g := range s.groups {
		if g.name == name {
			return g
		}
	}
	return nil
}

func (g *group) member(name string) *membership {
	for _, m := range g.members {
		if m.display == name {
			return m
		}
	}
	for _, m := range g.members {
		if m.display == "" && m.p.nick == name {
			return m
		}
	}
	return nil
}
