package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// BulletinState is where a bulletin stands in its approval.
type BulletinState string

// Bulletin states.
const (
	// BulletinPending waits for a second admin's /approve.
	BulletinPending BulletinState = "pending"
	// BulletinApproved is scheduled, or sent; files are approved when loaded.
	BulletinApproved BulletinState = "approved"
)

// Bulletin is an official notice (通知) sent once to each of its groups,
// from a file in bulletins.dir or added in chat by an admin.
type Bulletin struct {
	// ID names the bulletin in /notices and /approve; chat bulletins get
	// numbers, file bulletins the id their header gives.
	ID string `json:"id"`
	// Title is the notice's title.
	Title string `json:"title"`
	// Body is the notice's text, plain (Markdown links turned into text).
	Body string `json:"body"`
	// Source is the official source it comes from (上海发布); it must be
	// one of bulletins.allowed_sources.
	Source string `json:"source"`
	// PublishAt is when a one-off bulletin goes out; zero for a recurring one.
	PublishAt time.Time `json:"publish_at,omitzero"`
	// Schedule is the cron expression of a recurring bulletin; empty for a one-off.
	Schedule string `json:"schedule,omitempty"`
	// Groups are the names of the groups it goes to.
	Groups []string `json:"groups"`
	// Image is the path of a picture sent after the text; empty for none.
	Image string `json:"image,omitempty"`
	// File is where the bulletin was read from, "file:line" style; empty for chat.
	File string `json:"file,omitempty"`
	// Author is the name of the admin who added it in chat.
	Author string `json:"author,omitempty"`
	// Created is when it was added in chat.
	Created time.Time `json:"created,omitzero"`
	// State says whether it waits for approval.
	State BulletinState `json:"state"`
	// ApprovedBy and ApprovedAt record the second admin's approval.
	ApprovedBy string    `json:"approved_by,omitempty"`
	ApprovedAt time.Time `json:"approved_at,omitzero"`
}

// Validate reports the first thing wrong with b.
func (b Bulletin) Validate() error {
	switch {
	case strings.TrimSpace(b.ID) == "":
		return errors.New("id is empty")
	case strings.TrimSpace(b.Title) == "":
		return errors.New("title is empty")
	case strings.TrimSpace(b.Body) == "":
		return errors.New("body is empty")
	case strings.TrimSpace(b.Source) == "":
		return errors.New("source is empty")
	case b.PublishAt.IsZero() == (b.Schedule == ""):
		return errors.New("give exactly one of publish_at and schedule")
	case len(b.Groups) == 0:
		return errors.New("no groups")
	}
	return nil
}

// Recurring reports whether b follows a cron schedule.
func (b Bulletin) Recurring() bool { return b.Schedule != "" }

// Due is when a one-off bulletin may go out: its publish time, or the
// approval when that came later.
func (b Bulletin) Due() time.Time {
	if b.ApprovedAt.After(b.PublishAt) && !b.PublishAt.IsZero() {
		return b.ApprovedAt
	}
	return b.PublishAt
}

// Delivery is one group's copy of a bulletin.
type Delivery struct {
	// Group is the group's name.
	Group string
	// Occurrence is the scheduled time of a recurring bulletin's run; zero for a one-off.
	Occurrence time.Time
	// At is when it was queued for the group.
	At time.Time
}

// DeliveryField is the field under which one group's copy is recorded.
func DeliveryField(group string, occurrence time.Time) string {
	if occurrence.IsZero() {
		return group
	}
	return group + "@" + strconv.FormatInt(occurrence.Unix(), 10)
}

// AddBulletin stores a bulletin added in chat under the next number and
// returns it with its id.
func (s *Store) AddBulletin(ctx context.Context, b Bulletin) (Bulletin, error) {
	n, err := s.rdb.Incr(ctx, s.k.bulletinSeq()).Result()
	if err != nil {
		return b, fmt.Errorf("number bulletin: %w", err)
	}
	b.ID = strconv.FormatInt(n, 10)
	raw, err := json.Marshal(b)
	if err != nil {
		return b, err
	}
	ok, err := s.rdb.HSetNX(ctx, s.k.bulletins(), b.ID, raw).Result()
	if err != nil {
		return b, fmt.Errorf("store bulletin: %w", err)
	}
	if !ok {
		return b, fmt.Errorf("bulletin %s: %w", b.ID, ErrConflict)
	}
	return b, nil
}

// Bulletin returns one bulletin added in chat.
func (s *Store) Bulletin(ctx context.Context, id string) (Bulletin, error) {
	return hgetJSON[Bulletin](ctx, s, s.k.bulletins(), id)
}

// Bulletins returns the bulletins added in chat, by number.
func (s *Store) Bulletins(ctx context.Context) ([]Bulletin, error) {
	m, err := s.rdb.HGetAll(ctx, s.k.bulletins()).Result()
	if err != nil && err != redis.Nil {
		return nil, err
	}
	byID := decodeHash(s, s.k.bulletins(), m, decodeJSON[Bulletin])
	out := make([]Bulletin, 0, len(byID))
	for _, b := range byID {
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool {
		a, _ := strconv.Atoi(out[i].ID)
		b, _ := strconv.Atoi(out[j].ID)
		return a < b
	})
	return out, nil
}

// ApproveBulletin marks a pending chat bulletin approved by approver at
// at. It returns ErrNotFound for no such bulletin and ErrConflict when it
// is not pending (approved already, perhaps by someone else just now).
func (s *Store) ApproveBulletin(ctx context.Context, id, approver string, at time.Time) (Bulletin, error) {
	key := s.k.bulletins()
	return compareAndSet("bulletin "+id,
		func() (Bulletin, string, error) {
			raw, err := s.rdb.HGet(ctx, key, id).Result()
			if err == redis.Nil {
				return Bulletin{}, "", ErrNotFound
			}
			if err != nil {
				return Bulletin{}, "", err
			}
			b, err := decodeOne(s, key+" "+id, raw, decodeJSON[Bulletin])
			return b, raw, err
		},
		func(b Bulletin) (Bulletin, error) {
			if b.State != BulletinPending {
				return b, ErrConflict
			}
			b.State, b.ApprovedBy, b.ApprovedAt = BulletinApproved, approver, at
			return b, nil
		},
		func(raw string, b Bulletin) error {
			nb, err := json.Marshal(b)
			if err != nil {
				return err
			}
			return s.hsetIfUnchanged(ctx, key, id, raw, string(nb))
		})
}

// queueBulletin claims one group's copy of a bulletin and queues its
// messages in the same script, so a copy is either claimed and queued or
// neither: no crash or error between the two can lose it or send it twice.
var queueBulletin = redis.NewScript(`
-- KEYS: 1-4 outbox lanes, 5 the bulletin's sent hash
-- ARGV: 1 field (group[@occurrence]), 2 unix time queued, 3.. pairs of lane index and entry
-- returns 1 claimed and queued; 0 claimed before (nothing queued)
if redis.call('HSETNX', KEYS[5], ARGV[1], ARGV[2]) == 0 then return 0 end
` + fmt.Sprintf(pushLuaBody, 3) + `
return 1
`)

// QueueBulletin claims bulletin id's copy for one group (field from
// DeliveryField) and queues its messages (prepared by the outbox), at
// once. The first caller gets true; every later one — after a restart, a
// reload or in another process — false, and queues nothing. On an error
// nothing was written and a later run may try again.
func (s *Store) QueueBulletin(ctx context.Context, id, field string, at time.Time, msgs []OutboxEntry) (bool, error) {
	n, err := s.Outbox().pushWith(ctx, queueBulletin, []string{s.k.bulletinSent(id)}, []any{field, at.Unix()}, msgs)
	if err != nil {
		return false, fmt.Errorf("queue bulletin %s for %s: %w", id, field, err)
	}
	return n == 1, nil
}

// Deliveries returns every recorded copy of a bulletin, oldest first.
func (s *Store) Deliveries(ctx context.Context, id string) ([]Delivery, error) {
	m, err := s.rdb.HGetAll(ctx, s.k.bulletinSent(id)).Result()
	if err != nil && err != redis.Nil {
		return nil, err
	}
	out := make([]Delivery, 0, len(m))
	for field, v := range m {
		d := Delivery{Group: field}
		if g, occ, ok := strings.Cut(field, "@"); ok {
			if n, err := strconv.ParseInt(occ, 10, 64); err == nil {
				d.Group, d.Occurrence = g, time.Unix(n, 0)
			}
		}
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			d.At = time.Unix(n, 0)
		}
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.Before(out[j].At)
		}
		return out[i].Group < out[j].Group
	})
	return out, nil
}

// MarkMissed records, once, that a one-off bulletin came due too long ago
// to send; it returns true the first time.
func (s *Store) MarkMissed(ctx context.Context, id string, at time.Time) (bool, error) {
	return s.rdb.HSetNX(ctx, s.k.bulletinMissed(), id, at.Unix()).Result()
}

// Missed returns the bulletins marked missed, with when.
func (s *Store) Missed(ctx context.Context) (map[string]time.Time, error) {
	m, err := s.rdb.HGetAll(ctx, s.k.bulletinMissed()).Result()
	if err != nil && err != redis.Nil {
		return nil, err
	}
	out := make(map[string]time.Time, len(m))
	for id, v := range m {
		if n, err := strconv.ParseInt(v, 10, 64); err == nil {
			out[id] = time.Unix(n, 0)
		}
	}
	return out, nil
}
