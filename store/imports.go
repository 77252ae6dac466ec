package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// PendingImport is a roster workbook an admin sent in chat, checked and
// waiting for their /确认导入.
type PendingImport struct {
	FileName string    `json:"name"`
	Data     []byte    `json:"data"`
	At       time.Time `json:"at"`
}

// SavePendingImport keeps an admin's checked roster file for ttl,
// replacing any earlier one of theirs.
func (s *Store) SavePendingImport(ctx context.Context, admin string, p PendingImport, ttl time.Duration) error {
	b, err := json.Marshal(p)
	if err != nil {
		return err
	}
	return s.rdb.Set(ctx, s.k.pendingImport(admin), b, ttl).Err()
}

// TakePendingImport returns and forgets an admin's waiting roster file;
// ErrNotFound when there is none (never sent, or expired).
func (s *Store) TakePendingImport(ctx context.Context, admin string) (PendingImport, error) {
	var p PendingImport
	b, err := s.rdb.GetDel(ctx, s.k.pendingImport(admin)).Bytes()
	if errors.Is(err, redis.Nil) {
		return p, ErrNotFound
	}
	if err != nil {
		return p, err
	}
	if err := json.Unmarshal(b, &p); err != nil {
		return p, fmt.Errorf("pending import of %s: %w", admin, err)
	}
	return p, nil
}
