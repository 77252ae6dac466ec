package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"pingan/clock"
	"pingan/store"
	"pingan/store/storetest"
)

// TestOfficesStayApart: several offices on one Redis — on a Cluster, make
// test's second run — each keep every key in their own slot, run their
// scripts there, and never see each other's elders, contacts, requests,
// bulletins, queue or dedupe marks, though their elders share ids.
func TestOfficesStayApart(t *testing.T) {
	ctx := context.Background()
	rdb := storetest.Client(t)
	cluster, isCluster := rdb.(*redis.ClusterClient)
	if storetest.Cluster(t) != isCluster {
		t.Fatalf("a %T for %s", rdb, storetest.URL(t))
	}
	// Three offices; on a Cluster, the first two on different masters.
	master := func(office string) string {
		if !isCluster {
			return ""
		}
		m, err := cluster.MasterForKey(ctx, "pg:{"+office+"}:")
		if err != nil {
			t.Fatal(err)
		}
		return m.Options().Addr
	}
	offices := []string{storetest.Office(t, rdb)}
	for len(offices) < 3 {
		o := storetest.Office(t, rdb)
		if len(offices) == 1 && isCluster && master(o) == master(offices[0]) {
			continue
		}
		offices = append(offices, o)
	}
	stores := make([]*store.Store, len(offices))
	for i, office := range offices {
		s := store.New(rdb, office, clock.NewSim(t0))
		stores[i] = s
		if err := s.SyncRoster(ctx, []store.Elder{high, normal}, map[string]string{"老张": "E1"}); err != nil {
			t.Fatal(err)
		}
		r := store.Round{ID: "r1", Opened: t0, Closes: t0.Add(8 * time.Hour)}
		prompt := store.OutboxEntry{Lane: store.LaneBroadcast, ID: "p-" + office, Data: []byte("prompt")}
		if ok, err := s.OpenRound(ctx, r, []store.OutboxEntry{prompt}); err != nil || !ok {
			t.Fatalf("%s: open round: %v %v", office, ok, err)
		}
		text := fmt.Sprintf("平安 from office %d", i)
		c := store.Contact{At: t0.Add(time.Hour), Source: store.SourceReply, Group: "一支部群", Text: text, Health: "well", Doses: i, Test: "unknown", MsgID: "same-msg"}
		if err := s.RecordContact(ctx, high, c, &r); err != nil {
			t.Fatalf("%s: record: %v", office, err)
		}
		if err := s.AddUnmatched(ctx, "夕阳红", store.Contact{At: t0, Text: text, Health: "well", Doses: -1, MsgID: "u-same"}); err != nil {
			t.Fatalf("%s: unmatched: %v", office, err)
		}
		if _, _, err := s.OpenAid(ctx, newAid("E1", "food"), aidTimes); err != nil {
			t.Fatalf("%s: aid: %v", office, err)
		}
		b, err := s.AddBulletin(ctx, store.Bulletin{Title: text, Body: "b", Source: "s", Groups: []string{"g"}, PublishAt: t0, State: store.BulletinPending})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.ApproveBulletin(ctx, b.ID, "刘科长", t0); err != nil {
			t.Fatalf("%s: approve: %v", office, err)
		}
		if err := s.Outbox().PushAck(ctx, "一支部群", []byte(text), t0, time.Minute); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveDay(ctx, t0, store.DayFigures{Well: i, At: t0}); err != nil {
			t.Fatal(err)
		}
		if ok, err := s.Once(ctx, "hint", time.Hour); err != nil || !ok {
			t.Fatalf("%s: once: %v %v", office, ok, err)
		}
		if ok, err := s.ClaimTick(ctx, "report", t0, "p", time.Hour); err != nil || !ok {
			t.Fatalf("%s: claim: %v %v", office, ok, err)
		}
		if err := s.Upkeep(ctx); err != nil {
			t.Fatalf("%s: upkeep: %v", office, err)
		}
	}
	for i, s := range stores {
		office, text := offices[i], fmt.Sprintf("平安 from office %d", i)
		if h, err := s.History(ctx, "E1", 10); err != nil || len(h) != 1 || h[0].Text != text || h[0].Doses != i || h[0].Group != "一支部群" {
			t.Errorf("%s: history %+v, %v", office, h, err)
		}
		if cs, err := s.Contacts(ctx, t0); err != nil || len(cs) != 1 || cs[0].Text != text {
			t.Errorf("%s: contacts %+v, %v", office, cs, err)
		}
		if seen, _ := s.RoundSeen(ctx, "r1"); len(seen) != 1 {
			t.Errorf("%s: round seen %v", office, seen)
		}
		if as, _ := s.ActiveAids(ctx); len(as) != 1 || as[0].ID != 1 {
			t.Errorf("%s: aid requests %+v", office, as)
		}
		if bs, _ := s.Bulletins(ctx); len(bs) != 1 || bs[0].Title != text || bs[0].State != store.BulletinApproved {
			t.Errorf("%s: bulletins %+v", office, bs)
		}
		if p, ok, err := s.Outbox().Next(ctx, t0); err != nil || !ok || p.ID != "p-"+office {
			t.Errorf("%s: next in the outbox %+v %v %v", office, p, ok, err)
		}
		if days, _ := s.Days(ctx, t0, 1); !days[0].Known || days[0].Figures.Well != i {
			t.Errorf("%s: day %+v", office, days)
		}
		if w, _ := s.Bind(ctx, "夕阳红", "E2", true); len(w) != 1 || w[0].Text != text {
			t.Errorf("%s: waiting replies %+v", office, w)
		}
		if fresh, err := s.MarkSeen(ctx, "other-msg"); err != nil || !fresh {
			t.Errorf("%s: a message another office saw is not new here: %v %v", office, fresh, err)
		}
		// Every key of the office is in one slot.
		keys := storetest.Keys(t, rdb, office)
		if len(keys) < 20 {
			t.Errorf("%s: only %d keys found: %v", office, len(keys), keys)
		}
		if !isCluster {
			continue
		}
		slots := map[int64]bool{}
		for _, k := range keys {
			slot, err := cluster.ClusterKeySlot(ctx, k).Result()
			if err != nil {
				t.Fatal(err)
			}
			slots[slot] = true
		}
		if len(slots) != 1 {
			t.Errorf("%s: keys in %d slots", office, len(slots))
		}
	}
}
