package store

import (
	"context"
	"strconv"

	"github.com/redis/go-redis/v9"
)

// IndexCase notes that case #id (an aid request or an emergency) is about
// elder, so that /查询 can show the elder's cases and who closed them. A
// missing entry only hides a case from /查询; the case itself is whole.
func (s *Store) IndexCase(ctx context.Context, elderID string, id int64) error {
	return s.rdb.ZAdd(ctx, s.k.elderCases(elderID), redis.Z{Score: float64(id), Member: id}).Err()
}

// CasesOf returns up to n of the elder's case numbers, newest first.
func (s *Store) CasesOf(ctx context.Context, elderID string, n int) ([]int64, error) {
	raws, err := s.rdb.ZRevRange(ctx, s.k.elderCases(elderID), 0, int64(n-1)).Result()
	if err != nil {
		return nil, err
	}
	out := make([]int64, 0, len(raws))
	for _, r := range raws {
		if id, err := strconv.ParseInt(r, 10, 64); err == nil {
			out = append(out, id)
		}
	}
	return out, nil
}
