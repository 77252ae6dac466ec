package store_test

import (
	"pingan/handlers/parse"

	"context"
	"fmt"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"pingan/clock"
	"pingan/store"
	"pingan/store/storetest"
)

const day = 24 * time.Hour

func retentionStore(t *testing.T, retention time.Duration) (*store.Store, *clock.Sim, redis.UniversalClient, func(string) string) {
	s, clk, rdb, key, _ := retentionOffice(t, retention)
	return s, clk, rdb, key
}

func retentionOffice(t *testing.T, retention time.Duration) (*store.Store, *clock.Sim, redis.UniversalClient, func(string) string, string) {
	t.Helper()
	rdb := storetest.Client(t)
	office := storetest.Office(t, rdb)
	clk := clock.NewSim(t0)
	s := store.New(rdb, office, clk, store.WithRetention(retention))
	if err := s.SyncRoster(context.Background(), []store.Elder{high, normal}, map[string]string{"老张": "E1"}); err != nil {
		t.Fatal(err)
	}
	return s, clk, rdb, func(k string) string { return "pg:{" + office + "}:" + k }, office
}

// TestContactsReadBack: what the ledger gives back is what was recorded,
// less what it does not keep — the writer of a reply from the elder's own
// account, the message id — with the round worked out from the rounds.
func TestContactsReadBack(t *testing.T) {
	s, clk, _, _ := retentionStore(t, store.DefaultRetention)
	ctx := context.Background()
	r := store.Round{ID: "r1", Opened: t0, Closes: t0.Add(8 * time.Hour)}
	if _, err := s.OpenRound(ctx, r, nil); err != nil {
		t.Fatal(err)
	}
	clk.Set(t0.Add(10 * time.Hour))
	in := []store.Contact{
		{At: t0.Add(time.Hour), Source: store.SourceReply, By: "老张", Group: "一支部老同志群", Text: "平安，三针", Health: "well", Doses: 3, Test: "unknown", MsgID: "m1"},
		{At: t0.Add(2 * time.Hour), Source: store.SourceFamily, By: "张丽", Group: "一支部老同志群", Text: "我爸要配药", Health: "unwell", Doses: -1, Test: "negative", Needs: []parse.Need{parse.NeedMedicine}, MsgID: "m2"},
		{At: t0.Add(3 * time.Hour), Source: store.SourceSticker, By: "老张", Group: "二支部群", Health: "unknown", Doses: -1, Test: "unknown", Flag: true, MsgID: "m3"},
		{At: t0.Add(9 * time.Hour), Source: store.SourceCall, By: "李娜", Text: "电话说平安", Health: "well", Doses: -1, Test: "unknown"},
		// recorded late (a bound reply): its time is kept, not the log's
		{At: t0.Add(30 * time.Minute), Source: store.SourceReply, By: "夕阳红", Group: "二支部群", Text: "好", Health: "well", Doses: -1, Test: "unknown", MsgID: "bound:u1"},
	}
	for _, c := range in {
		if err := s.RecordContact(ctx, high, c, &r); err != nil {
			t.Fatal(err)
		}
	}
	want := func(c store.Contact) store.Contact {
		c.ElderID, c.MsgID = "E1", ""
		if c.Source == store.SourceReply {
			c.By = ""
		}
		if r.Open(c.At) {
			c.Round = "r1"
		}
		return c
	}
	same := func(got, want store.Contact) bool {
		return got.At.Equal(want.At) && fmt.Sprint(got.Needs) == fmt.Sprint(want.Needs) &&
			fmt.Sprintf("%v%v%v%v%v%v%v%v%v", got.ElderID, got.Source, got.By, got.Group, got.Text, got.Health, got.Doses, got.Test, got.Flag)+got.MsgID+got.Round ==
				fmt.Sprintf("%v%v%v%v%v%v%v%v%v", want.ElderID, want.Source, want.By, want.Group, want.Text, want.Health, want.Doses, want.Test, want.Flag)+want.MsgID+want.Round
	}
	h, err := s.History(ctx, "E1", 10)
	if err != nil || len(h) != len(in) {
		t.Fatalf("history: %d, %v", len(h), err)
	}
	for i, c := range h { // newest recorded first
		if w := want(in[len(in)-1-i]); !same(c, w) {
			t.Errorf("history[%d]\n got %+v\nwant %+v", i, c, w)
		}
	}
	all, err := s.Contacts(ctx, t0)
	if err != nil || len(all) != len(in) {
		t.Fatalf("contacts: %d, %v", len(all), err)
	}
	order := []int{4, 0, 1, 2, 3} // by time
	for i, c := range all {
		if w := want(in[order[i]]); !same(c, w) {
			t.Errorf("contacts[%d]\n got %+v\nwant %+v", i, c, w)
		}
	}
	if later, _ := s.Contacts(ctx, t0.Add(150*time.Minute)); len(later) != 2 {
		t.Errorf("contacts from 11:30: %d, want 2", len(later))
	}
}

// TestEarlierVersionsStillRead: an office upgraded in place reads the JSON
// its history, its contacts log and its waiting replies hold, beside the
// new entries, and dedupes against the message keys it wrote.
func TestEarlierVersionsStillRead(t *testing.T) {
	s, clk, rdb, key := retentionStore(t, store.DefaultRetention)
	ctx := context.Background()
	old := `{"elder":"E1","at":"2026-11-23T09:00:00Z","source":"reply","by":"老张","group":"一支部群","text":"旧的平安","health":"well","doses":3,"test":"unknown","msg":"m0","round":"20261123-0900"}`
	rdb.LPush(ctx, key("hist:E1"), old)
	rdb.XAdd(ctx, &redis.XAddArgs{Stream: key("contacts"), ID: fmt.Sprintf("%d-0", t0.Add(-day).UnixMilli()), Values: []string{"c", old}})
	rdb.RPush(ctx, key("unmatched:夕阳红"), `{"elder":"","at":"2026-11-23T10:00:00Z","source":"reply","by":"夕阳红","text":"平安","health":"well","doses":-1,"test":"unknown","msg":"u0"}`)
	rdb.ZAdd(ctx, key("unmatched"), redis.Z{Score: float64(t0.Add(-23 * time.Hour).Unix()), Member: "夕阳红"})
	rdb.Set(ctx, key("seen:m7"), "E1", time.Hour)
	clk.Set(t0.Add(time.Hour))
	if err := s.RecordContact(ctx, high, store.Contact{At: t0.Add(time.Hour), Source: store.SourceReply, Text: "新的平安", Health: "well", Doses: -1, Test: "unknown", MsgID: "m1"}, nil); err != nil {
		t.Fatal(err)
	}
	h, err := s.History(ctx, "E1", 10)
	if err != nil || len(h) != 2 || h[0].Text != "新的平安" || h[1].Text != "旧的平安" || h[1].By != "老张" || h[1].Round != "20261123-0900" {
		t.Errorf("history %+v, %v", h, err)
	}
	cs, err := s.Contacts(ctx, t0.Add(-2*day))
	if err != nil || len(cs) != 2 || cs[0].Text != "旧的平安" || cs[0].Group != "一支部群" || cs[1].Text != "新的平安" {
		t.Errorf("contacts %+v, %v", cs, err)
	}
	if from, _ := s.ContactsFrom(ctx); !from.Equal(t0.Add(-day)) {
		t.Errorf("contacts from %v, want the oldest entry's time %v", from, t0.Add(-day))
	}
	waiting, err := s.Bind(ctx, "夕阳红", "E2", true)
	if err != nil || len(waiting) != 1 || waiting[0].MsgID != "bound:u0" || waiting[0].Text != "平安" {
		t.Errorf("bind %+v, %v", waiting, err)
	}
	if fresh, _ := s.MarkSeen(ctx, "m7"); fresh {
		t.Error("a message an earlier version marked seen is new again")
	}
	if s.Corrupt() != 0 {
		t.Errorf("%d corrupt", s.Corrupt())
	}
}

// TestRetention: with a retention of a week, a month of contacts leaves a
// week of history and log; rounds, waiting replies and everything else
// carry an expiry; nothing grows.
func TestRetention(t *testing.T) {
	s, clk, rdb, key, office := retentionOffice(t, 7*day)
	ctx := context.Background()
	const days, perDay = 30, 10
	for d := 0; d < days; d++ {
		open := t0.Add(time.Duration(d) * day)
		clk.Set(open)
		r := store.Round{ID: store.RoundID(open), Opened: open, Closes: open.Add(8 * time.Hour)}
		if _, err := s.OpenRound(ctx, r, nil); err != nil {
			t.Fatal(err)
		}
		for i := 0; i < perDay; i++ {
			at := open.Add(time.Duration(i) * time.Minute)
			clk.Set(at)
			e := high
			if i%2 == 1 {
				e = normal
			}
			c := store.Contact{At: at, Source: store.SourceReply, Group: "一支部群", Text: "平安", Health: "well", Doses: -1, Test: "unknown", MsgID: fmt.Sprintf("m%d-%d", d, i)}
			if err := s.RecordContact(ctx, e, c, &r); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.AddUnmatched(ctx, fmt.Sprintf("路人%d", d), store.Contact{At: open, Text: "平安", Health: "well", Doses: -1, MsgID: fmt.Sprintf("u%d", d)}); err != nil {
			t.Fatal(err)
		}
	}
	now := clk.Now()
	cutoff := now.Add(-7 * day)
	h, _ := s.History(ctx, "E1", 1000)
	if len(h) == 0 || len(h) > 8*perDay/2 || h[len(h)-1].At.Before(cutoff) {
		t.Errorf("history keeps %d contacts, oldest %v (cutoff %v)", len(h), h[len(h)-1].At, cutoff)
	}
	if n := rdb.LLen(ctx, key("hist:E1")).Val(); n != int64(len(h)) {
		t.Errorf("history list holds %d pointers for %d contacts within the retention", n, len(h))
	}
	// The log is trimmed by time, a node of entries at a time.
	if n := rdb.XLen(ctx, key("contacts")).Val(); n > 7*perDay+200 {
		t.Errorf("contacts log holds %d entries, want about %d", n, 7*perDay)
	}
	from, _ := s.ContactsFrom(ctx)
	if !from.Equal(cutoff) {
		t.Errorf("contacts from %v, want %v", from, cutoff)
	}
	if cs, _ := s.Contacts(ctx, cutoff); len(cs) < 7*perDay-perDay {
		t.Errorf("%d contacts within the retention", len(cs))
	}
	rounds := rdb.ZRange(ctx, key("rounds"), 0, -1).Val()
	if len(rounds) != 8 {
		t.Errorf("rounds index holds %d rounds, want 8", len(rounds))
	}
	if nicks := rdb.ZCard(ctx, key("unmatched")).Val(); nicks != 7 {
		t.Errorf("unmatched index holds %d nicknames, want 7", nicks)
	}
	last := store.RoundID(t0.Add((days - 1) * day))
	for k, most := range map[string]time.Duration{
		"hist:E1":                                7 * day,
		"round:" + last:                          7 * day,
		"round:" + last + ":seen":                3 * day,
		"dedupe:" + now.UTC().Format("20060102"): 3 * day,
		"unmatched:路人29":                         7 * day,
	} {
		ttl := rdb.TTL(ctx, key(k)).Val()
		if ttl <= 0 || ttl > most {
			t.Errorf("%s expires in %v, want within %v", k, ttl, most)
		}
	}
	// Every key the office holds expires, but for the roster, the latest
	// status, the indexes and the group dictionary, which do not grow.
	fixed := map[string]bool{"elders": true, "aliases": true, "status": true, "due": true, "escalate": true, "flags": true,
		"well": true, "unwell": true, "contacts": true, "rounds": true, "unmatched": true, "groups": true}
	for _, full := range storetest.Keys(t, rdb, office) {
		if k := full[len(key("")):]; !fixed[k] && rdb.TTL(ctx, full).Val() < 0 {
			t.Errorf("%s never expires", k)
		}
	}
}

// TestDedupeWindow: a message id is known for at least two days after it
// was applied, and then forgotten with its day's set.
func TestDedupeWindow(t *testing.T) {
	s, clk, _, _ := retentionStore(t, store.DefaultRetention)
	ctx := context.Background()
	clk.Set(time.Date(2026, 11, 24, 23, 59, 0, 0, time.UTC))
	if fresh, err := s.MarkSeen(ctx, "m1"); err != nil || !fresh {
		t.Fatalf("first sight: %v %v", fresh, err)
	}
	for _, after := range []time.Duration{time.Minute, 24 * time.Hour, 48 * time.Hour} {
		clk.Set(time.Date(2026, 11, 24, 23, 59, 0, 0, time.UTC).Add(after))
		if fresh, _ := s.MarkSeen(ctx, "m1"); fresh {
			t.Errorf("seen again %v later: taken as new", after)
		}
	}
	clk.Set(time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)) // the 24th's set is no longer read
	if fresh, _ := s.MarkSeen(ctx, "m2"); !fresh {
		t.Error("a new message taken as seen")
	}
}

// TestUpkeepGivesExpiries: what an earlier version kept forever gets an
// expiry; rounds and waiting nicknames past the retention go at once.
func TestUpkeepGivesExpiries(t *testing.T) {
	s, clk, rdb, key := retentionStore(t, 30*day)
	ctx := context.Background()
	clk.Set(t0.Add(60 * day))
	oldRound, newRound := store.RoundID(t0), store.RoundID(t0.Add(50*day))
	rdb.HSet(ctx, key("round:"+oldRound), "data", "{}")
	rdb.SAdd(ctx, key("round:"+oldRound+":seen"), "E1")
	rdb.HSet(ctx, key("round:"+newRound), "data", "{}")
	rdb.SAdd(ctx, key("round:"+newRound+":seen"), "E1")
	rdb.ZAdd(ctx, key("rounds"), redis.Z{Score: float64(t0.Unix()), Member: oldRound}, redis.Z{Score: float64(t0.Add(50 * day).Unix()), Member: newRound})
	rdb.LPush(ctx, key("hist:E1"), "{}")
	rdb.RPush(ctx, key("unmatched:旧"), "{}")
	rdb.RPush(ctx, key("unmatched:新"), "{}")
	rdb.ZAdd(ctx, key("unmatched"), redis.Z{Score: float64(t0.Unix()), Member: "旧"}, redis.Z{Score: float64(t0.Add(55 * day).Unix()), Member: "新"})
	rdb.Expire(ctx, key("unmatched:新"), time.Hour) // an expiry already set is kept
	if err := s.Upkeep(ctx); err != nil {
		t.Fatal(err)
	}
	if n := rdb.Exists(ctx, key("round:"+oldRound), key("round:"+oldRound+":seen"), key("unmatched:旧")).Val(); n != 0 {
		t.Errorf("%d keys past the retention left", n)
	}
	if ids := rdb.ZRange(ctx, key("rounds"), 0, -1).Val(); len(ids) != 1 || ids[0] != newRound {
		t.Errorf("rounds %v", ids)
	}
	for k, want := range map[string]time.Duration{"round:" + newRound: 20 * day, "round:" + newRound + ":seen": 3 * day,
		"hist:E1": 30 * day, "unmatched:新": time.Hour} {
		if ttl := rdb.TTL(ctx, key(k)).Val(); ttl <= want-time.Minute || ttl > want {
			t.Errorf("%s expires in %v, want %v", k, ttl, want)
		}
	}
}
