package store_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"pingan/clock"
	"pingan/store"
	"pingan/store/storetest"
)

// syncBuffer is a log destination tests read while the store writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (w *syncBuffer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (w *syncBuffer) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// TestCorruptRecordsAreSkipped: one rule everywhere — a record that cannot
// be decoded is logged, counted and left out of a read of many, which
// returns the rest; a read of that one record says ErrCorrupt; a corrupt
// status is replaced by the elder's next contact.
func TestCorruptRecordsAreSkipped(t *testing.T) {
	ctx := context.Background()
	rdb := storetest.Client(t)
	office := storetest.Office(t, rdb)
	var logs syncBuffer
	s := store.New(rdb, office, clock.NewSim(t0), store.WithLogger(slog.New(slog.NewTextHandler(&logs, nil))))
	if err := s.SyncRoster(ctx, []store.Elder{high, normal}, map[string]string{"老张": "E1"}); err != nil {
		t.Fatal(err)
	}
	key := func(k string) string { return "pg:{" + office + "}:" + k }
	reply := func(at time.Time, text string) store.Contact {
		return store.Contact{At: at, Source: store.SourceReply, Text: text, Health: "well", Doses: -1, Test: "unknown"}
	}
	for i, e := range []store.Elder{high, normal} {
		if err := s.RecordContact(ctx, e, reply(t0.Add(time.Duration(i)*time.Minute), "平安"), nil); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.AddBulletin(ctx, store.Bulletin{Title: "t", Body: "b", Source: "s", Groups: []string{"g"}, PublishAt: t0}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.OpenAid(ctx, newAid("E1", "food"), aidTimes); err != nil {
		t.Fatal(err)
	}
	if err := s.SetJobRun(ctx, "report", store.JobRun{Tick: t0}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveDay(ctx, t0, store.DayFigures{Well: 2, Total: 2, At: t0}); err != nil {
		t.Fatal(err)
	}
	if err := s.AddUnmatched(ctx, "夕阳红", store.Contact{At: t0, Text: "平安", Health: "well", Doses: -1, MsgID: "u1"}); err != nil {
		t.Fatal(err)
	}
	// Now break one record of each kind.
	const bad = "{not json"
	for _, err := range []error{
		rdb.HSet(ctx, key("elders"), "E9", bad).Err(),
		rdb.HSet(ctx, key("status"), "E2", bad).Err(),
		rdb.LPush(ctx, key("hist:E1"), bad).Err(),
		rdb.HSet(ctx, key("jobs:last"), "reminders", bad).Err(),
		rdb.HSet(ctx, key("bulletins"), "7", bad).Err(),
		rdb.HSet(ctx, key("daily"), "20261123", bad).Err(),
		rdb.Set(ctx, key("aid:99"), bad, 0).Err(),
		rdb.ZAdd(ctx, key("aid:active"), redisZ(99, t0)).Err(),
		rdb.RPush(ctx, key("unmatched:夕阳红"), bad).Err(),
		rdb.XAdd(ctx, &redis.XAddArgs{Stream: key("contacts"), ID: fmt.Sprintf("%d-0", t0.Add(time.Hour).UnixMilli()), Values: []string{"c", bad}}).Err(),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	es, err := s.Elders(ctx)
	if err != nil || len(es) != 2 {
		t.Errorf("Elders = %d, %v", len(es), err)
	}
	sts, err := s.Statuses(ctx)
	if err != nil || len(sts) != 1 || sts["E1"].Health != "well" {
		t.Errorf("Statuses = %+v, %v", sts, err)
	}
	if st, err := s.StatusOf(ctx, "E2"); err != nil || st.Health != "unknown" {
		t.Errorf("StatusOf(corrupt) = %+v, %v", st, err)
	}
	if h, err := s.History(ctx, "E1", 10); err != nil || len(h) != 1 || h[0].Text != "平安" {
		t.Errorf("History = %+v, %v", h, err)
	}
	if runs, err := s.JobRuns(ctx); err != nil || len(runs) != 1 {
		t.Errorf("JobRuns = %v, %v", runs, err)
	}
	if bs, err := s.Bulletins(ctx); err != nil || len(bs) != 1 {
		t.Errorf("Bulletins = %v, %v", bs, err)
	}
	if _, err := s.Bulletin(ctx, "7"); !errors.Is(err, store.ErrCorrupt) {
		t.Errorf("Bulletin(corrupt) err = %v", err)
	}
	days, err := s.Days(ctx, t0, 2)
	if err != nil || days[0].Known || !days[1].Known {
		t.Errorf("Days = %+v, %v", days, err)
	}
	if as, err := s.ActiveAids(ctx); err != nil || len(as) != 1 {
		t.Errorf("ActiveAids = %d, %v", len(as), err)
	}
	if _, err := s.Aid(ctx, 99); !errors.Is(err, store.ErrCorrupt) {
		t.Errorf("Aid(corrupt) err = %v", err)
	}
	if cs, err := s.Bind(ctx, "夕阳红", "E2", true); err != nil || len(cs) != 1 {
		t.Errorf("Bind = %+v, %v", cs, err)
	}
	if cs, err := s.Contacts(ctx, t0); err != nil || len(cs) != 2 {
		t.Errorf("Contacts = %+v, %v", cs, err)
	}
	// corrupt: elders, status (Statuses and StatusOf), history, jobs,
	// bulletins (list and one), daily, aid (list and one), unmatched, contacts.
	if n := s.Corrupt(); n != 12 {
		t.Errorf("Corrupt() = %d, want 12", n)
	}
	if got := strings.Count(logs.String(), "corrupt record skipped"); got != 12 {
		t.Errorf("%d log lines:\n%s", got, logs.String())
	}
	// The elder with a corrupt status is recorded again, and the status replaced.
	if err := s.RecordContact(ctx, normal, reply(t0.Add(time.Hour), "好的"), nil); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.StatusOf(ctx, "E2"); st.LastText != "好的" || st.Health != "well" {
		t.Errorf("status after the next contact: %+v", st)
	}
}

func redisZ(member int, at time.Time) redis.Z {
	return redis.Z{Score: float64(at.Unix()), Member: member}
}
