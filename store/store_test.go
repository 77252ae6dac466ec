package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"pingan/clock"
	"pingan/store"
	"pingan/store/storetest"
)

func TestMain(m *testing.M) { storetest.Main(m) }

var t0 = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

func newStore(t testing.TB) (*store.Store, *clock.Sim) {
	t.Helper()
	c := storetest.Client(t)
	clk := clock.NewSim(t0)
	return store.New(c, storetest.Office(t, c), clk), clk
}

var (
	high   = store.Elder{ID: "E1", Name: "张建国", Liaison: "李娜", Tier: "high", ContactEvery: 24 * time.Hour, EscalateAfter: 48 * time.Hour}
	normal = store.Elder{ID: "E2", Name: "王秀英", Liaison: "李娜", Tier: "normal", ContactEvery: 72 * time.Hour, EscalateAfter: 144 * time.Hour}
)

func setup(t *testing.T) (*store.Store, *clock.Sim) {
	t.Helper()
	s, clk := newStore(t)
	if err := s.SyncRoster(context.Background(), []store.Elder{high, normal}, map[string]string{"老张": "E1", "王阿姨": "E2"}); err != nil {
		t.Fatal(err)
	}
	return s, clk
}

func ids(ds []store.Due) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.ElderID
	}
	return out
}

func TestRosterAndResolve(t *testing.T) {
	s, _ := setup(t)
	ctx := context.Background()
	if id, err := s.Resolve(ctx, "老张"); err != nil || id != "E1" {
		t.Errorf("Resolve(老张) = %q, %v", id, err)
	}
	if _, err := s.Resolve(ctx, "路人"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Resolve(路人) err = %v", err)
	}
	es, err := s.Elders(ctx)
	if err != nil || len(es) != 2 || es[0].Name != "张建国" {
		t.Fatalf("Elders = %+v, %v", es, err)
	}
	// Never heard from: due at once.
	od, _ := s.Overdue(ctx, t0)
	if len(od) != 2 {
		t.Errorf("new elders overdue = %v", ids(od))
	}
	// Dropping an elder from the roster takes them out of the indexes.
	if err := s.SyncRoster(ctx, []store.Elder{high}, map[string]string{"老张": "E1"}); err != nil {
		t.Fatal(err)
	}
	od, _ = s.Overdue(ctx, t0)
	if len(od) != 1 || od[0].ElderID != "E1" {
		t.Errorf("after removal overdue = %v", ids(od))
	}
	if _, err := s.Resolve(ctx, "王阿姨"); !errors.Is(err, store.ErrNotFound) {
		t.Error("alias of a removed elder still resolves")
	}
}

func TestRecordContactUpdatesEverythingAtOnce(t *testing.T) {
	s, _ := setup(t)
	ctx := context.Background()
	round := store.Round{ID: "r1", Opened: t0, Closes: t0.Add(8 * time.Hour)}
	if _, err := s.OpenRound(ctx, round, nil); err != nil {
		t.Fatal(err)
	}
	c := store.Contact{At: t0.Add(time.Hour), Source: store.SourceReply, By: "老张", Text: "平安，三针", Health: "well", Doses: 3, Test: "unknown", MsgID: "m1"}
	if err := s.RecordContact(ctx, high, c, &round); err != nil {
		t.Fatal(err)
	}
	st, _ := s.StatusOf(ctx, "E1")
	if st.Health != "well" || st.Doses != 3 || !st.Last.Equal(c.At) {
		t.Errorf("status = %+v", st)
	}
	seen, _ := s.RoundSeen(ctx, "r1")
	if !seen["E1"] || len(seen) != 1 {
		t.Errorf("round seen = %v", seen)
	}
	// Due one interval after the contact, escalated after two.
	if od, _ := s.Overdue(ctx, c.At.Add(24*time.Hour-time.Second)); len(od) != 1 || od[0].ElderID != "E2" {
		t.Errorf("overdue just before the interval = %v", ids(od))
	}
	if od, _ := s.Overdue(ctx, c.At.Add(24*time.Hour)); len(od) != 2 {
		t.Errorf("overdue at the interval = %v", ids(od))
	}
	if es, _ := s.Escalated(ctx, c.At.Add(48*time.Hour)); len(es) != 1 || es[0].ElderID != "E1" {
		t.Errorf("escalated = %v", ids(es))
	}
	// The same message again changes nothing.
	if err := s.RecordContact(ctx, high, c, &round); !errors.Is(err, store.ErrDuplicate) {
		t.Errorf("duplicate err = %v", err)
	}
	if h, _ := s.History(ctx, "E1", 10); len(h) != 1 || h[0].Text != "平安，三针" || h[0].Round != "r1" {
		t.Errorf("history = %+v", h)
	}
	// A later contact that states nothing keeps what was known; an older
	// one does not roll the status back.
	later := store.Contact{At: t0.Add(2 * time.Hour), Source: store.SourceSticker, Health: "unknown", Doses: -1, Test: "unknown", Flag: true}
	older := store.Contact{At: t0.Add(30 * time.Minute), Source: store.SourceReply, Health: "unwell", Doses: -1, Test: "unknown"}
	for _, x := range []store.Contact{later, older} {
		if err := s.RecordContact(ctx, high, x, &round); err != nil {
			t.Fatal(err)
		}
	}
	st, _ = s.StatusOf(ctx, "E1")
	if st.Health != "well" || st.Doses != 3 || !st.Flag || st.LastSource != store.SourceSticker {
		t.Errorf("after sticker and late reply: %+v", st)
	}
	if fl, _ := s.Flagged(ctx); len(fl) != 1 {
		t.Errorf("flagged = %v", fl)
	}
	// Overdue keeps the newest deadline.
	if od, _ := s.Overdue(ctx, t0.Add(25*time.Hour)); len(od) != 1 || od[0].ElderID != "E2" {
		t.Errorf("an older contact moved the deadline back: %v", ids(od))
	}
}

func TestRecordContactConcurrent(t *testing.T) {
	s, _ := setup(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c := store.Contact{At: t0.Add(time.Duration(i) * time.Minute), Source: store.SourceReply, Health: "well", Doses: i % 4, Test: "unknown"}
			if err := s.RecordContact(ctx, high, c, nil); err != nil {
				t.Error(err)
			}
		}(i)
	}
	wg.Wait()
	h, _ := s.History(ctx, "E1", 100)
	st, _ := s.StatusOf(ctx, "E1")
	if len(h) != 20 || !st.Last.Equal(t0.Add(19*time.Minute)) || st.Doses != 19%4 {
		t.Errorf("%d contacts, status %+v", len(h), st)
	}
}

func TestUnmatchedAndBind(t *testing.T) {
	s, _ := setup(t)
	ctx := context.Background()
	for i, id := range []string{"u1", "u2", "u1"} {
		err := s.AddUnmatched(ctx, "夕阳红", store.Contact{At: t0.Add(time.Duration(i) * time.Minute), Text: "平安", Health: "well", Doses: -1, MsgID: id})
		if i == 2 && !errors.Is(err, store.ErrDuplicate) {
			t.Errorf("duplicate unmatched err = %v", err)
		}
	}
	list, _ := s.UnmatchedList(ctx)
	if len(list) != 1 || list[0].Nick != "夕阳红" || list[0].Messages != 2 {
		t.Fatalf("unmatched = %+v", list)
	}
	pending, err := s.Bind(ctx, "夕阳红", "E2", true)
	if err != nil || len(pending) != 2 {
		t.Fatalf("bind = %v, %v", pending, err)
	}
	// Recorded, then the process dies before DropUnmatched: a second bind
	// finds the same replies, and recording them again changes nothing.
	for _, c := range pending {
		if err := s.RecordContact(ctx, normal, c, nil); err != nil {
			t.Fatal(err)
		}
	}
	again, _ := s.Bind(ctx, "夕阳红", "E2", true)
	for _, c := range again {
		if err := s.RecordContact(ctx, normal, c, nil); !errors.Is(err, store.ErrDuplicate) {
			t.Errorf("re-recording a bound reply: %v", err)
		}
	}
	if h, _ := s.History(ctx, "E2", 10); len(h) != 2 {
		t.Errorf("E2 has %d contacts, want 2", len(h))
	}
	if err := s.DropUnmatched(ctx, "夕阳红", len(pending)); err != nil {
		t.Fatal(err)
	}
	if id, _ := s.Resolve(ctx, "夕阳红"); id != "E2" {
		t.Errorf("bound nick resolves to %q", id)
	}
	if list, _ := s.UnmatchedList(ctx); len(list) != 0 {
		t.Errorf("after bind unmatched = %+v", list)
	}
}

// TestOutboxLanes: the pick is the head of the most urgent lane; Done,
// Retry and Fail act on the picked head only; depths count each lane.
func TestOutboxLanes(t *testing.T) {
	s, _ := setup(t)
	ctx := context.Background()
	q := s.Outbox()
	if _, ok, _ := q.Next(ctx, t0); ok {
		t.Fatal("new queue not empty")
	}
	e := func(lane, id string) store.OutboxEntry {
		return store.OutboxEntry{Lane: lane, ID: id, Data: []byte("data " + id)}
	}
	if err := q.Push(ctx, e(store.LaneBroadcast, "b1"), e(store.LaneStaff, "s1"), e(store.LaneBroadcast, "b2"), e(store.LaneAlarm, "a1")); err != nil {
		t.Fatal(err)
	}
	if err := q.Push(ctx, e("loud", "x")); err == nil {
		t.Error("an unknown lane was accepted")
	}
	d, _ := q.Depths(ctx)
	if d[store.LaneAlarm] != 1 || d[store.LaneStaff] != 1 || d[store.LaneBroadcast] != 2 || d.Total() != 4 {
		t.Errorf("depths = %v", d)
	}
	var order []string
	for {
		p, ok, err := q.Next(ctx, t0)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			break
		}
		if string(p.Data) != "data "+p.ID {
			t.Errorf("entry %s carries %q", p.ID, p.Data)
		}
		if p.ID == "s1" {
			// A retry keeps it at the head with its new data; a stale Done does nothing.
			_ = q.Retry(ctx, p, []byte("data s1"), t0)
			_ = q.Done(ctx, store.Picked{OutboxEntry: store.OutboxEntry{Lane: store.LaneStaff, ID: "other"}}, t0, 0)
			if again, _, _ := q.Next(ctx, t0); again.ID != "s1" {
				t.Errorf("after retry the head is %q", again.ID)
			}
		}
		if p.ID == "b2" {
			_ = q.Fail(ctx, p, []byte("record b2"), t0)
		} else {
			_ = q.Done(ctx, p, t0, 0)
		}
		order = append(order, p.ID)
	}
	if strings.Join(order, ",") != "a1,s1,b1,b2" {
		t.Errorf("picked %v, want alarm, staff, then broadcast in order", order)
	}
	if f, _ := q.Failed(ctx); len(f) != 1 || string(f[0]) != "record b2" {
		t.Errorf("failed = %q", f)
	}
}

// TestOutboxFailedKept: the failed list keeps the newest FailedKeep records,
// so an account that cannot send for a month does not grow Redis without end.
func TestOutboxFailedKept(t *testing.T) {
	s, _ := setup(t)
	ctx := context.Background()
	q := s.Outbox()
	n := store.FailedKeep + 3
	for i := 0; i < n; i += 500 {
		var es []store.OutboxEntry
		for j := i; j < min(i+500, n); j++ {
			es = append(es, store.OutboxEntry{Lane: store.LaneBroadcast, ID: fmt.Sprint("m", j), Data: []byte("x")})
		}
		if err := q.Push(ctx, es...); err != nil {
			t.Fatal(err)
		}
	}
	for {
		p, ok, err := q.Next(ctx, t0)
		if err != nil || !ok {
			break
		}
		if err := q.Fail(ctx, p, []byte("record "+p.ID), t0); err != nil {
			t.Fatal(err)
		}
	}
	f, _ := q.Failed(ctx)
	if len(f) != store.FailedKeep || string(f[0]) != "record m3" || string(f[len(f)-1]) != fmt.Sprint("record m", n-1) {
		t.Errorf("failed keeps %d records, %q … %q", len(f), f[0], f[len(f)-1])
	}
}

// TestOutboxLegacyAcks: acknowledgements an earlier version kept in one
// hash go, oldest first, to the front of their group's list.
func TestOutboxLegacyAcks(t *testing.T) {
	rdb := storetest.Client(t)
	office := storetest.Office(t, rdb)
	s := store.New(rdb, office, clock.NewSim(t0))
	ctx := context.Background()
	q := s.Outbox()
	rdb.HSet(ctx, "pg:{"+office+"}:outbox:acks", "一支部群", "张\n王")
	rdb.ZAdd(ctx, "pg:{"+office+"}:outbox:acks:due", redis.Z{Score: float64(t0.UnixMilli()), Member: "一支部群"})
	if n, err := q.MoveLegacyAcks(ctx); err != nil || n != 2 {
		t.Fatalf("moved %d, %v", n, err)
	}
	_ = q.PushAck(ctx, "一支部群", []byte("刘"), t0, time.Minute)
	if d, _ := q.Depths(ctx); d[store.LaneCourtesy] != 3 {
		t.Errorf("courtesy depth %d, want 3", d[store.LaneCourtesy])
	}
	p, ok, err := q.Next(ctx, t0)
	if err != nil || !ok || len(p.Items) != 3 || string(p.Items[0]) != "张" || string(p.Items[2]) != "刘" {
		t.Fatalf("pick = %+v %v %v", p, ok, err)
	}
	if n, _ := q.MoveLegacyAcks(ctx); n != 0 {
		t.Errorf("moved %d the second time", n)
	}
}

// TestOutboxAckBatches: a group's acknowledgements are merged into one
// pick, no sooner than the interval after the last batch; items that
// arrive while a batch is out wait for the next one.
func TestOutboxAckBatches(t *testing.T) {
	s, _ := setup(t)
	ctx := context.Background()
	q := s.Outbox()
	every := 3 * time.Minute
	for _, n := range []string{"张", "王", "刘"} {
		if err := q.PushAck(ctx, "一支部群", []byte(n), t0, every); err != nil {
			t.Fatal(err)
		}
	}
	if err := q.PushAck(ctx, "一支部群", []byte("a\nb"), t0, every); err == nil {
		t.Error("an item with a line break was accepted")
	}
	_ = q.Push(ctx, store.OutboxEntry{Lane: store.LaneCourtesy, ID: "c1", Data: []byte("plain")})
	if d, _ := q.Depths(ctx); d[store.LaneCourtesy] != 4 {
		t.Errorf("courtesy depth %d, want 4", d[store.LaneCourtesy])
	}
	p, ok, err := q.Next(ctx, t0)
	if err != nil || !ok || !p.Batch() || p.Group != "一支部群" || len(p.Items) != 3 || string(p.Items[2]) != "刘" {
		t.Fatalf("first pick = %+v %v %v", p, ok, err)
	}
	_ = q.PushAck(ctx, "一支部群", []byte("杨"), t0.Add(time.Second), every) // arrives while the batch is out
	if err := q.Done(ctx, p, t0.Add(2*time.Second), every); err != nil {
		t.Fatal(err)
	}
	if p, _, _ := q.Next(ctx, t0.Add(time.Minute)); p.Batch() || p.ID != "c1" {
		t.Errorf("within the interval the pick is %+v, want the plain entry", p)
	}
	_ = q.Done(ctx, store.Picked{OutboxEntry: store.OutboxEntry{Lane: store.LaneCourtesy, ID: "c1"}}, t0, every)
	if _, ok, _ := q.Next(ctx, t0.Add(time.Minute)); ok {
		t.Error("a batch went before its interval")
	}
	p, ok, _ = q.Next(ctx, t0.Add(every+2*time.Second))
	if !ok || len(p.Items) != 1 || string(p.Items[0]) != "杨" {
		t.Errorf("second batch = %+v", p)
	}
	_ = q.Done(ctx, p, t0.Add(every+2*time.Second), every)
	if d, _ := q.Depths(ctx); d.Total() != 0 {
		t.Errorf("left %v", d)
	}
	// A quiet group's first item goes at once, however long ago its last batch.
	_ = q.PushAck(ctx, "一支部群", []byte("周"), t0.Add(time.Hour), every)
	if p, ok, _ := q.Next(ctx, t0.Add(time.Hour)); !ok || string(p.Items[0]) != "周" {
		t.Errorf("a quiet group's ack waits: %+v", p)
	}
}

func TestClaimTickOnce(t *testing.T) {
	s, _ := setup(t)
	ctx := context.Background()
	wins := 0
	for i := 0; i < 3; i++ {
		ok, err := s.ClaimTick(ctx, "report", t0, "p", time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			wins++
		}
	}
	if ok, _ := s.ClaimTick(ctx, "report", t0.Add(24*time.Hour), "p", time.Hour); !ok || wins != 1 {
		t.Errorf("wins = %d, next tick ok = %v", wins, ok)
	}
}
