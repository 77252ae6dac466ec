// Package store owns pingan's data model and every Redis key. Nothing else
// builds a key or talks to Redis.
package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

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
)

// Store is one office's data in Redis.
type Store struct {
	rdb    redis.UniversalClient
	office string
	k      keys
	clock  clock.Clock
}

// New returns the store of office on rdb, telling time by c.
func New(rdb redis.UniversalClient, office string, c clock.Clock) *Store {
	return &Store{rdb: rdb, office: office, k: newKeys(office), clock: c}
}

// Office is the office id the store's keys carry.
func (s *Store) Office() string { return s.office }

// Connect opens a client for url: redis://, rediss:// or unix:// for one
// server; several comma-separated host:port after redis:// for a Cluster.
func Connect(ctx context.Context, url string) (redis.UniversalClient, error) {
	var c redis.UniversalClient
	if strings.Contains(url, ",") {
		opt, err := redis.ParseClusterURL(url)
		if err != nil {
			return nil, fmt.Errorf("redis.url: %w", err)
		}
		c = redis.NewClusterClient(opt)
	} else {
		opt, err := redis.ParseURL(url)
		if err != nil {
			return nil, fmt.Errorf("redis.url: %w", err)
		}
		c = redis.NewClient(opt)
	}
	if err := c.Ping(ctx).Err(); err != nil {
		_ = c.Close()
		return nil, fmt.Errorf("connect to redis: %w", err)
	}
	return c, nil
}

// hgetJSON decodes the JSON in field of hash key into v; ErrNotFound when
// the field is missing.
func (s *Store) hgetJSON(ctx context.Context, key, field string, v any) error {
	raw, err := s.rdb.HGet(ctx, key, field).Bytes()
	if err == redis.Nil {
		return ErrNotFound
	}
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, v)
}

// Ping checks that Redis answers.
func (s *Store) Ping(ctx context.Context) error { return s.rdb.Ping(ctx).Err() }
