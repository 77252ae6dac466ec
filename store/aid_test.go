package store_test

import (
	"context"
	"errors"
	"pingan/handlers/parse"
	"sync"
	"testing"
	"time"

	"pingan/store"
)

var aidTimes = store.AidTimes{ClaimWithin: 2 * time.Hour, DoneWithin: 24 * time.Hour}

func newAid(elder string, needs ...parse.Need) store.AidRequest {
	return store.AidRequest{ElderID: elder, ElderName: "张建国", Needs: needs, Detail: "降压药", Texts: []string{"降压药快吃完了"},
		AskedBy: "老张", AskedAs: store.AskedByElder, Opened: t0}
}

// TestOpenAidFoldsAndIndexes opens, folds a duplicate, claims and closes a
// request, checking the indexes Redis holds at each step.
func TestOpenAidFoldsAndIndexes(t *testing.T) {
	s, _ := setup(t)
	ctx := context.Background()
	a, fresh, err := s.OpenAid(ctx, newAid("E1", "medicine"), aidTimes)
	if err != nil || !fresh || a.ID != 1 || a.Status != store.AidOpen {
		t.Fatalf("open: %+v fresh=%v err=%v", a, fresh, err)
	}
	// Another elder's request gets the next number.
	b, fresh, err := s.OpenAid(ctx, newAid("E2", "food"), aidTimes)
	if err != nil || !fresh || b.ID != 2 {
		t.Fatalf("second elder: %+v %v %v", b, fresh, err)
	}
	// The same elder asks again for medicine and food: folded into #1.
	dup := newAid("E1", "food", "medicine")
	dup.Texts, dup.Detail = []string{"还要买点菜"}, "买菜"
	f, fresh, err := s.OpenAid(ctx, dup, aidTimes)
	if err != nil || fresh || f.ID != 1 || len(f.Needs) != 2 || f.Detail != "降压药、买菜" || len(f.Texts) != 2 {
		t.Fatalf("fold: %+v fresh=%v err=%v", f, fresh, err)
	}
	due, _ := s.DueAids(ctx, t0.Add(2*time.Hour-time.Second))
	if len(due) != 0 {
		t.Errorf("due before claim_within: %d", len(due))
	}
	due, _ = s.DueAids(ctx, t0.Add(2*time.Hour))
	if len(due) != 2 {
		t.Errorf("due at claim_within: %d, want 2", len(due))
	}
	// Claim #1: no longer due for a reminder until done_within.
	claimAt := t0.Add(time.Hour)
	c, err := s.UpdateAid(ctx, 1, aidTimes, claimAt, func(r store.AidRequest) (store.AidRequest, string, error) {
		n, err := r.Transition(store.AidClaimed, store.Actor{Name: "李娜"}, claimAt, "")
		return n, "claimed", err
	})
	if err != nil || c.Claimer != "李娜" {
		t.Fatalf("claim: %+v %v", c, err)
	}
	if due, _ := s.DueAids(ctx, t0.Add(3*time.Hour)); len(due) != 1 || due[0].ID != 2 {
		t.Errorf("after claim, due = %+v", due)
	}
	if due, _ := s.DueAids(ctx, claimAt.Add(24*time.Hour)); len(due) != 2 {
		t.Errorf("done reminder not indexed: %d", len(due))
	}
	// Someone else may not finish it.
	_, err = s.UpdateAid(ctx, 1, aidTimes, claimAt, func(r store.AidRequest) (store.AidRequest, string, error) {
		n, err := r.Transition(store.AidDone, store.Actor{Name: "王强"}, claimAt, "")
		return n, "done", err
	})
	if !errors.Is(err, store.ErrNotYours) {
		t.Errorf("other's done: %v", err)
	}
	// The claimer finishes it: out of every index, the need released.
	_, err = s.UpdateAid(ctx, 1, aidTimes, claimAt, func(r store.AidRequest) (store.AidRequest, string, error) {
		n, err := r.Transition(store.AidDone, store.Actor{Name: "李娜"}, claimAt, "已送到")
		return n, "done", err
	})
	if err != nil {
		t.Fatal(err)
	}
	act, _ := s.ActiveAids(ctx)
	if len(act) != 1 || act[0].ID != 2 {
		t.Errorf("active = %+v", act)
	}
	if due, _ := s.DueAids(ctx, t0.Add(100*time.Hour)); len(due) != 1 {
		t.Errorf("closed request still due: %d", len(due))
	}
	again, fresh, err := s.OpenAid(ctx, newAid("E1", "medicine"), aidTimes)
	if err != nil || !fresh || again.ID != 3 {
		t.Errorf("a new request after done: %+v %v %v", again, fresh, err)
	}
	counts, _ := s.AidDay(ctx, t0)
	if counts != (store.AidCounts{Opened: 3, Claimed: 1, Done: 1}) {
		t.Errorf("day counts = %+v", counts)
	}
}

// TestOpenAidConcurrent: many copies of one request at once open exactly one.
func TestOpenAidConcurrent(t *testing.T) {
	s, _ := setup(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	ids := make(chan int64, 20)
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a, fresh, err := s.OpenAid(ctx, newAid("E1", "medicine"), aidTimes)
			if err != nil {
				t.Error(err)
				return
			}
			if fresh {
				ids <- a.ID
			}
		}()
	}
	wg.Wait()
	close(ids)
	n := 0
	for range ids {
		n++
	}
	act, _ := s.ActiveAids(ctx)
	if n != 1 || len(act) != 1 || len(act[0].Texts) != 5 {
		t.Errorf("opened %d, active %d, texts %d; want 1, 1, 5 (capped)", n, len(act), len(act[0].Texts))
	}
}
