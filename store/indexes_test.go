package store_test

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"pingan/clock"
	"pingan/handlers/parse"
	"pingan/store"
	"pingan/store/storetest"
)

func reply(at time.Time, h parse.Health, msg string) store.Contact {
	return store.Contact{At: at, Source: store.SourceReply, Health: h, Doses: -1, Test: parse.TestUnknown, MsgID: msg}
}

// TestHealthIndexes: the well and unwell sets follow each elder's latest
// stated health, for the elders on the roster only.
func TestHealthIndexes(t *testing.T) {
	s, _ := setup(t)
	ctx := context.Background()
	figures := func() store.Figures {
		t.Helper()
		f, err := s.Figures(ctx, t0)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	if f := figures(); f.Well != 0 || len(f.Unwell) != 0 || f.Overdue != 2 {
		t.Errorf("new roster: %+v", f)
	}
	must(t, s.RecordContact(ctx, high, reply(t0.Add(time.Minute), parse.HealthWell, "m1"), nil))
	must(t, s.RecordContact(ctx, normal, reply(t0.Add(time.Minute), parse.HealthUrgent, "m2"), nil))
	if f := figures(); f.Well != 1 || !slices.Equal(f.Unwell, []string{"E2"}) || f.Overdue != 0 {
		t.Errorf("one well, one urgent: %+v", f)
	}
	// A sticker states nothing: E2 stays unwell; then E2 says well.
	must(t, s.RecordContact(ctx, normal, store.Contact{At: t0.Add(2 * time.Minute), Source: store.SourceSticker,
		Health: parse.HealthUnknown, Doses: -1, Test: parse.TestUnknown, Flag: true}, nil))
	if f := figures(); f.Well != 1 || len(f.Unwell) != 1 || f.Flagged != 1 {
		t.Errorf("after a sticker: %+v", f)
	}
	must(t, s.RecordContact(ctx, normal, reply(t0.Add(3*time.Minute), parse.HealthWell, "m3"), nil))
	if f := figures(); f.Well != 2 || len(f.Unwell) != 0 || f.Flagged != 0 {
		t.Errorf("both well: %+v", f)
	}
	// Off the roster: out of the indexes; back: in again, from the status.
	must(t, s.SyncRoster(ctx, []store.Elder{high}, nil))
	if f := figures(); f.Well != 1 {
		t.Errorf("E2 left: %+v", f)
	}
	must(t, s.SyncRoster(ctx, []store.Elder{high, normal}, nil))
	if f := figures(); f.Well != 2 {
		t.Errorf("E2 back: %+v", f)
	}
	// A contact recorded for someone not on the stored roster is kept, and
	// not counted.
	ghost := store.Elder{ID: "E9", Name: "路人", ContactEvery: 24 * time.Hour, EscalateAfter: 48 * time.Hour}
	must(t, s.RecordContact(ctx, ghost, reply(t0.Add(time.Hour), parse.HealthWell, "m9"), nil))
	if f := figures(); f.Well != 2 {
		t.Errorf("someone not on the roster counted: %+v", f)
	}
}

// TestMarksOf: what the indexes say of some elders, read for those only.
func TestMarksOf(t *testing.T) {
	s, _ := setup(t)
	ctx := context.Background()
	r := store.Round{ID: "r1", Opened: t0, Closes: t0.Add(8 * time.Hour)}
	if _, err := s.OpenRound(ctx, r, nil); err != nil {
		t.Fatal(err)
	}
	must(t, s.RecordContact(ctx, high, reply(t0.Add(time.Minute), parse.HealthUnwell, "m1"), &r))
	must(t, s.SetAway(ctx, store.Absence{ElderID: "E2", Kind: store.AwayHospital, Until: t0.Add(72 * time.Hour), By: "李娜", At: t0}))
	m, err := s.MarksOf(ctx, []string{"E1", "E2", "E3"}, t0.Add(time.Hour), "r1")
	if err != nil {
		t.Fatal(err)
	}
	if !m.Unwell["E1"] || m.Unwell["E2"] || !m.Seen["E1"] || m.Seen["E2"] {
		t.Errorf("unwell %v, seen %v", m.Unwell, m.Seen)
	}
	if _, ok := m.Overdue["E2"]; !ok || len(m.Overdue) != 1 || len(m.Escalated) != 0 {
		t.Errorf("overdue %v, escalated %v", m.Overdue, m.Escalated)
	}
	if a, ok := m.Away["E2"]; !ok || a.Kind != store.AwayHospital || len(m.Away) != 1 {
		t.Errorf("away %v", m.Away)
	}
	sts, err := s.StatusesOf(ctx, []string{"E1", "E2"})
	if err != nil || len(sts) != 1 || sts["E1"].Health != parse.HealthUnwell {
		t.Errorf("statuses %+v, %v", sts, err)
	}
}

// TestRoundCounts: a round counts each branch's elders heard from once,
// and the counts follow an elder who changes branch or leaves.
func TestRoundCounts(t *testing.T) {
	s, clk := newStore(t)
	ctx := context.Background()
	a, b := high, normal
	a.Branch, b.Branch = "一支部", "二支部"
	must(t, s.SyncRoster(ctx, []store.Elder{a, b}, nil))
	r := store.Round{ID: "r1", Opened: t0, Closes: t0.Add(8 * time.Hour)}
	if _, err := s.OpenRound(ctx, r, nil); err != nil {
		t.Fatal(err)
	}
	counts := func() map[string]int {
		t.Helper()
		c, ok, err := s.RoundCounts(ctx, "r1")
		if err != nil || !ok {
			t.Fatalf("counts: %v %v", ok, err)
		}
		for k, v := range c {
			if v == 0 {
				delete(c, k)
			}
		}
		return c
	}
	clk.Set(t0.Add(time.Hour))
	must(t, s.RecordContact(ctx, a, reply(t0.Add(time.Minute), parse.HealthWell, "m1"), &r))
	must(t, s.RecordContact(ctx, a, reply(t0.Add(2*time.Minute), parse.HealthWell, "m2"), &r))
	must(t, s.RecordContact(ctx, b, reply(t0.Add(-time.Minute), parse.HealthWell, "m3"), &r)) // before the round
	if c := counts(); !maps.Equal(c, map[string]int{"一支部": 1}) {
		t.Errorf("counts %v", c)
	}
	a.Branch = "二支部" // moves, heard from already
	must(t, s.SyncRoster(ctx, []store.Elder{a, b}, nil))
	if c := counts(); !maps.Equal(c, map[string]int{"二支部": 1}) {
		t.Errorf("after a move: %v", c)
	}
	must(t, s.SyncRoster(ctx, []store.Elder{b}, nil))
	if c := counts(); len(c) != 0 {
		t.Errorf("after leaving: %v", c)
	}
	must(t, s.SyncRoster(ctx, []store.Elder{a, b}, nil))
	if c := counts(); !maps.Equal(c, map[string]int{"二支部": 1}) {
		t.Errorf("back again: %v", c)
	}
	// A round an earlier version opened keeps no counts.
	if _, ok, err := s.RoundCounts(ctx, "old"); ok || err != nil {
		t.Errorf("a round without counts: %v %v", ok, err)
	}
}

// syncState is what a roster sync leaves, read back for comparison.
func syncState(t *testing.T, s *store.Store, ids []string) string {
	t.Helper()
	ctx := context.Background()
	es, err := s.Elders(ctx)
	if err != nil {
		t.Fatal(err)
	}
	f, err := s.Figures(ctx, t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.MarksOf(ctx, ids, t0.Add(time.Hour), "")
	if err != nil {
		t.Fatal(err)
	}
	var resolved []string
	for _, e := range es {
		id, _ := s.Resolve(ctx, e.Name)
		resolved = append(resolved, id)
	}
	slices.Sort(f.Unwell)
	return fmt.Sprintf("elders %d; resolved %v; well %d unwell %v overdue %d; marks %d overdue",
		len(es), resolved, f.Well, f.Unwell, f.Overdue, len(m.Overdue))
}

func manyElders(n int, from int) ([]store.Elder, map[string]string) {
	es := make([]store.Elder, n)
	al := map[string]string{}
	for i := range es {
		es[i] = store.Elder{ID: fmt.Sprintf("E%05d", from+i), Name: fmt.Sprintf("老同志%d", from+i), Branch: fmt.Sprintf("支部%d", i%3),
			Liaison: "李娜", Tier: "normal", ContactEvery: 72 * time.Hour, EscalateAfter: 144 * time.Hour}
		al[es[i].Name] = es[i].ID
		al[fmt.Sprintf("小名%d", from+i)] = es[i].ID
	}
	return es, al
}

// TestSyncRosterInSteps: a roster larger than one step is written,
// replaced and cut down step by step; a sync cut short anywhere is
// completed by the next one, which ends where a whole sync would.
func TestSyncRosterInSteps(t *testing.T) {
	ctx := context.Background()
	first, firstAl := manyElders(1200, 0)
	second, secondAl := manyElders(900, 600) // 600 leave, 300 stay, 600 join
	var ids []string
	for _, e := range append(first, second[600:]...) {
		ids = append(ids, e.ID)
	}
	prepare := func(s *store.Store) {
		must(t, s.SyncRoster(ctx, first, firstAl))
		for i, e := range first[:700] {
			h := parse.HealthWell
			if i%7 == 0 {
				h = parse.HealthUnwell
			}
			must(t, s.RecordContact(ctx, e, reply(t0.Add(time.Minute), h, ""), nil))
		}
	}
	whole, _ := newStore(t)
	prepare(whole)
	must(t, whole.SyncRoster(ctx, second, secondAl))
	want := syncState(t, whole, ids)
	if es, _ := whole.Elders(ctx); len(es) != 900 {
		t.Fatalf("%d elders after the sync", len(es))
	}
	if id, err := whole.Resolve(ctx, "小名100"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("an alias of an elder who left resolves to %q", id)
	}
	// The same, cut short after n commands, then synced again.
	for _, n := range []int{1, 3, 6, 9, 12, 15, 18} {
		rdb := storetest.Client(t)
		office := storetest.Office(t, rdb)
		s := store.New(rdb, office, clock.NewSim(t0))
		prepare(s)
		cut, err := store.NewClient(storetest.URL(t))
		if err != nil {
			t.Fatal(err)
		}
		var left atomic.Int64
		left.Store(int64(n))
		cut.AddHook(failAfter{&left})
		if err := store.New(cut, office, clock.NewSim(t0)).SyncRoster(ctx, second, secondAl); err == nil {
			t.Errorf("cut after %d commands: no error", n)
		}
		_ = cut.Close()
		must(t, s.SyncRoster(ctx, second, secondAl))
		if got := syncState(t, s, ids); got != want {
			t.Errorf("cut after %d commands, then synced:\n got %s\nwant %s", n, got, want)
		}
	}
}

// failAfter fails every command once left reaches zero.
type failAfter struct{ left *atomic.Int64 }

func (f failAfter) DialHook(next redis.DialHook) redis.DialHook { return next }
func (f failAfter) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		if f.left.Add(-1) < 0 {
			return errors.New("cut short")
		}
		return next(ctx, cmd)
	}
}
func (f failAfter) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		if f.left.Add(-1) < 0 {
			return errors.New("cut short")
		}
		return next(ctx, cmds)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestRecordLookedQueuesItsAcknowledgement: a reply read ahead and
// recorded in one step queues its acknowledgement in the same step, once;
// a reply seen before queues nothing.
func TestRecordLookedQueuesItsAcknowledgement(t *testing.T) {
	s, _ := setup(t)
	ctx := context.Background()
	r := store.Round{ID: "r1", Opened: t0, Closes: t0.Add(8 * time.Hour)}
	if _, err := s.OpenRound(ctx, r, nil); err != nil {
		t.Fatal(err)
	}
	at := t0.Add(time.Minute)
	l, err := s.Lookup(ctx, []string{"老张", "路人"}, at, "E1")
	if err != nil || l.Round == nil || l.Round.ID != "r1" || len(l.Bound) != 2 {
		t.Fatalf("lookup %+v, %v", l, err)
	}
	ack := &store.AckPush{Group: "一支部群", Item: []byte(`{"n":"张建国"}`), Every: time.Minute}
	c := reply(at, parse.HealthWell, "m1")
	must(t, s.RecordLooked(ctx, l, high, c, ack))
	if err := s.RecordLooked(ctx, l, high, c, ack); !errors.Is(err, store.ErrDuplicate) {
		t.Errorf("the same message again: %v", err)
	}
	// Looked up for E1, recorded for E2: E2's status is read, not E1's written over.
	must(t, s.RecordLooked(ctx, l, normal, reply(at, parse.HealthUnwell, "m2"), nil))
	if st, _ := s.StatusOf(ctx, "E2"); st.Health != parse.HealthUnwell {
		t.Errorf("E2 %+v", st)
	}
	p, ok, err := s.Outbox().Next(ctx, at)
	if err != nil || !ok || p.Group != "一支部群" || len(p.Items) != 1 {
		t.Fatalf("acknowledgements %+v %v %v", p, ok, err)
	}
	if seen, _ := s.RoundSeen(ctx, "r1"); len(seen) != 2 {
		t.Errorf("round seen %v", seen)
	}
	if err := s.RecordLooked(ctx, l, high, reply(at, parse.HealthWell, "m3"), &store.AckPush{Group: "g", Item: []byte("a\nb")}); err == nil {
		t.Error("an acknowledgement with a line break was taken")
	}
}
