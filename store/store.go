// Package store owns pingan's data model and every Redis key. Nothing else
// builds a key or talks to Redis.
package store

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"pingan/clock"
)

// Errors the rest of the bot maps to short Chinese replies.
var (
	// ErrNotFound means the thing asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrConflict means the change clashes with the current state.
	ErrConflict = errors.New("conflict")
	// ErrDuplicate means the inbound message was applied before.
	ErrDuplicate = errors.New("duplicate message")
	// ErrCorrupt means a stored record cannot be decoded (see decode.go).
	ErrCorrupt = errors.New("corrupt record")
)

// DefaultRetention is how long the ledger keeps contacts, rounds and
// unmatched replies when the config says nothing (ledger.retention): a
// year's 台账 with a month to spare.
const DefaultRetention = 400 * 24 * time.Hour

// Store is one office's data in Redis.
type Store struct {
	rdb       redis.UniversalClient
	office    string
	k         keys
	clock     clock.Clock
	log       *slog.Logger
	retention time.Duration
	corruptN  atomic.Int64
	groups    groupDict
	rounds    roundCache
}

// Option changes how New sets up a store.
type Option func(*Store)

// WithLogger is where the store logs what it skips (corrupt records);
// by default nowhere.
func WithLogger(l *slog.Logger) Option { return func(s *Store) { s.log = l } }

// WithRetention is how long the ledger keeps contacts, rounds and
// unmatched replies (config ledger.retention); default DefaultRetention.
func WithRetention(d time.Duration) Option {
	return func(s *Store) {
		if d > 0 {
			s.retention = d
		}
	}
}

// New returns the store of office on rdb, telling time by c.
func New(rdb redis.UniversalClient, office string, c clock.Clock, opts ...Option) *Store {
	s := &Store{rdb: rdb, office: office, k: newKeys(office), clock: c,
		log: slog.New(slog.DiscardHandler), retention: DefaultRetention}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Retention is how long the ledger keeps what it records.
func (s *Store) Retention() time.Duration { return s.retention }

// Office is the office id the store's keys carry.
func (s *Store) Office() string { return s.office }

// Connect opens a client for url and checks that it answers:
//
//	redis://[user:pw@]host:6379/0, rediss://…, unix:///path   one server
//	redis://[user:pw@]h1:7000,h2:7001                          a Cluster
//	redis+sentinel://[user:pw@]s1:26379,s2:26379/mymaster/0    Sentinel
func Connect(ctx context.Context, url string) (redis.UniversalClient, error) {
	c, err := NewClient(url)
	if err != nil {
		return nil, err
	}
	if err := c.Ping(ctx).Err(); err != nil {
		_ = c.Close()
		return nil, fmt.Errorf("connect to redis: %w", err)
	}
	return c, nil
}

// NewClient builds the client for url (see Connect) without connecting.
func NewClient(url string) (redis.UniversalClient, error) {
	scheme, rest, ok := strings.Cut(url, "://")
	if !ok {
		return nil, fmt.Errorf("redis.url %q: want redis://host:6379/0, rediss://…, unix:///path or redis+sentinel://host:26379/master", url)
	}
	if scheme == "unix" {
		opt, err := redis.ParseURL(url)
		if err != nil {
			return nil, fmt.Errorf("redis.url: %w", err)
		}
		failFast(&opt.DialTimeout, &opt.DialerRetries, &opt.MaxRetries)
		return redis.NewClient(opt), nil
	}
	user, hostPart := "", rest
	if at := strings.LastIndex(strings.SplitN(rest, "/", 2)[0], "@"); at >= 0 {
		user, hostPart = rest[:at+1], rest[at+1:]
	}
	hosts, path, _ := strings.Cut(hostPart, "/")
	addrs := strings.Split(hosts, ",")
	// The first address with the rest of the URL gives password, TLS and db.
	base := scheme
	if scheme == "redis+sentinel" {
		base = "redis"
	}
	one, err := redis.ParseURL(base + "://" + user + addrs[0] + "/" + dbPart(scheme, path))
	if err != nil {
		return nil, fmt.Errorf("redis.url: %w", err)
	}
	switch {
	case scheme == "redis+sentinel":
		master, _, _ := strings.Cut(path, "/")
		if master == "" {
			return nil, fmt.Errorf("redis.url %q: name the master after the sentinels: redis+sentinel://s1:26379,s2:26379/mymaster/0", url)
		}
		o := &redis.FailoverOptions{MasterName: master, SentinelAddrs: addrs,
			Username: one.Username, Password: one.Password, DB: one.DB, TLSConfig: one.TLSConfig}
		failFast(&o.DialTimeout, &o.DialerRetries, &o.MaxRetries)
		return redis.NewFailoverClient(o), nil
	case len(addrs) > 1:
		o := &redis.ClusterOptions{Addrs: addrs, Username: one.Username, Password: one.Password, TLSConfig: one.TLSConfig}
		failFast(&o.DialTimeout, &o.DialerRetries, &o.MaxRetries)
		return redis.NewClusterClient(o), nil
	}
	failFast(&one.DialTimeout, &one.DialerRetries, &one.MaxRetries)
	return redis.NewClient(one), nil
}

// failFast bounds how long a command waits on a Redis that is down (a few
// seconds, not go-redis's default of up to a minute and more): while it
// waits, an inbound emergency waits too before it is alarmed from the
// process. Values the URL set are kept.
func failFast(dialTimeout *time.Duration, dialerRetries, maxRetries *int) {
	if *dialTimeout == 0 {
		*dialTimeout = 2 * time.Second
	}
	if *dialerRetries == 0 {
		*dialerRetries = 2
	}
	if *maxRetries == 0 {
		*maxRetries = 1
	}
}

// dbPart is the database number in a URL path ("0" for none); for Sentinel
// it follows the master's name.
func dbPart(scheme, path string) string {
	if scheme == "redis+sentinel" {
		_, path, _ = strings.Cut(path, "/")
	}
	if path == "" {
		return "0"
	}
	return path
}

// Ping checks that Redis answers.
func (s *Store) Ping(ctx context.Context) error { return s.rdb.Ping(ctx).Err() }
