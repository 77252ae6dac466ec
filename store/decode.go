package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/redis/go-redis/v9"
)

// Every stored record is read through the helpers in this file, under
// one rule for a record that cannot be decoded (corrupt): it is logged
// and counted (Store.Corrupt, the pingan_store_corrupt_entries_total
// metric), and skipped. A read of many records returns the others, so one
// bad entry never empties a whole /待办 or export; a read of one record
// returns ErrCorrupt.

// decodeJSON is the decoder of records stored as JSON.
func decodeJSON[T any](raw string) (T, error) {
	var v T
	err := json.Unmarshal([]byte(raw), &v)
	return v, err
}

// corrupt logs and counts a record that cannot be decoded: where says
// which (a key, a key and a field).
func (s *Store) corrupt(where string, raw string, err error) {
	s.corruptN.Add(1)
	if len(raw) > 200 {
		raw = truncateUTF8(raw, 200)
	}
	s.log.Error("store: corrupt record skipped", "office", s.office, "at", where, "raw", raw, "err", err)
}

// Corrupt is how many stored records this store has skipped since it was
// made because they could not be decoded.
func (s *Store) Corrupt() int64 { return s.corruptN.Load() }

// decodeList decodes raws, the entries of a list (or the values of
// several records), in order; a corrupt one is logged, counted and left out.
// where names the list for the log.
func decodeList[T any](s *Store, where string, raws []string, decode func(string) (T, error)) []T {
	return decodeListAt(s, where, raws, func(_ int, raw string) (T, error) { return decode(raw) })
}

// decodeListAt is decodeList with a decoder that is told each entry's index.
func decodeListAt[T any](s *Store, where string, raws []string, decode func(i int, raw string) (T, error)) []T {
	out := make([]T, 0, len(raws))
	for i, raw := range raws {
		v, err := decode(i, raw)
		if err != nil {
			s.corrupt(fmt.Sprintf("%s[%d]", where, i), raw, err)
			continue
		}
		out = append(out, v)
	}
	return out
}

// decodeHash decodes the values of a hash by field; a corrupt one is
// logged, counted and left out. key names the hash for the log.
func decodeHash[T any](s *Store, key string, m map[string]string, decode func(string) (T, error)) map[string]T {
	out := make(map[string]T, len(m))
	for field, raw := range m {
		v, err := decode(raw)
		if err != nil {
			s.corrupt(key+" "+field, raw, err)
			continue
		}
		out[field] = v
	}
	return out
}

// decodeOne decodes one record read from where; ErrCorrupt (logged and
// counted) when it cannot be.
func decodeOne[T any](s *Store, where, raw string, decode func(string) (T, error)) (T, error) {
	v, err := decode(raw)
	if err != nil {
		s.corrupt(where, raw, err)
		return v, fmt.Errorf("read %s: %w: %v", where, ErrCorrupt, err)
	}
	return v, nil
}

// hgetJSON reads the JSON record in field of hash key: ErrNotFound when
// the field is missing, ErrCorrupt when it cannot be decoded.
func hgetJSON[T any](ctx context.Context, s *Store, key, field string) (T, error) {
	raw, err := s.rdb.HGet(ctx, key, field).Result()
	if err == redis.Nil {
		var zero T
		return zero, ErrNotFound
	}
	if err != nil {
		var zero T
		return zero, err
	}
	return decodeOne(s, key+" "+field, raw, decodeJSON[T])
}
