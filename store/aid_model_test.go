package store_test

import (
	"errors"
	"testing"
	"time"

	"pingan/store"
)

// TestAidCanTransition is the table of legal and illegal moves.
func TestAidCanTransition(t *testing.T) {
	liNa, wang := store.Actor{Name: "李娜"}, store.Actor{Name: "王强"}
	admin := store.Actor{Name: "陈主任", Admin: true}
	open := store.AidRequest{Status: store.AidOpen}
	claimed := store.AidRequest{Status: store.AidClaimed, Claimer: "李娜"}
	done := store.AidRequest{Status: store.AidDone, Claimer: "李娜"}
	cancelled := store.AidRequest{Status: store.AidCancelled}
	tests := []struct {
		name string
		req  store.AidRequest
		to   store.AidStatus
		by   store.Actor
		want error
	}{
		{"claim open", open, store.AidClaimed, wang, nil},
		{"finish open unclaimed", open, store.AidDone, wang, nil},
		{"cancel open", open, store.AidCancelled, liNa, nil},
		{"reopen", open, store.AidOpen, admin, store.ErrBadTransition},
		{"claim own claim", claimed, store.AidClaimed, liNa, store.ErrAlreadyYours},
		{"claim another's claim", claimed, store.AidClaimed, wang, store.ErrClaimedByOther},
		{"admin claims another's claim", claimed, store.AidClaimed, admin, store.ErrClaimedByOther},
		{"claimer finishes", claimed, store.AidDone, liNa, nil},
		{"other finishes", claimed, store.AidDone, wang, store.ErrNotYours},
		{"other cancels", claimed, store.AidCancelled, wang, store.ErrNotYours},
		{"admin finishes another's claim", claimed, store.AidDone, admin, nil},
		{"admin cancels another's claim", claimed, store.AidCancelled, admin, nil},
		{"claim done", done, store.AidClaimed, wang, store.ErrClosed},
		{"finish done", done, store.AidDone, liNa, store.ErrClosed},
		{"admin cancels done", done, store.AidCancelled, admin, store.ErrClosed},
		{"claim cancelled", cancelled, store.AidClaimed, liNa, store.ErrClosed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.req.CanTransition(tc.to, tc.by)
			if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Errorf("CanTransition = %v, want %v", err, tc.want)
			}
			if err != nil && !errors.Is(err, store.ErrConflict) {
				t.Errorf("%v is not an ErrConflict", err)
			}
		})
	}
}

func TestAidNextStage(t *testing.T) {
	opened := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	claimedAt := opened.Add(3 * time.Hour)
	sent := func(stages ...store.AidStage) map[store.AidStage]time.Time {
		m := map[store.AidStage]time.Time{}
		for _, s := range stages {
			m[s] = opened
		}
		return m
	}
	tests := []struct {
		name  string
		req   store.AidRequest
		stage store.AidStage
		at    time.Time
		ok    bool
	}{
		{"new", store.AidRequest{Status: store.AidOpen, Opened: opened}, store.StageRemind, opened.Add(2 * time.Hour), true},
		{"reminded", store.AidRequest{Status: store.AidOpen, Opened: opened, Sent: sent(store.StageRemind)}, store.StageAdmins, opened.Add(4 * time.Hour), true},
		{"admins told", store.AidRequest{Status: store.AidOpen, Opened: opened, Sent: sent(store.StageRemind, store.StageAdmins)}, "", time.Time{}, false},
		{"claimed", store.AidRequest{Status: store.AidClaimed, Opened: opened, ClaimedAt: claimedAt, Sent: sent(store.StageRemind)}, store.StageDone, claimedAt.Add(24 * time.Hour), true},
		{"claimer reminded", store.AidRequest{Status: store.AidClaimed, Opened: opened, ClaimedAt: opened, Sent: sent(store.StageDone)}, "", time.Time{}, false},
		{"done", store.AidRequest{Status: store.AidDone, Opened: opened}, "", time.Time{}, false},
	}
	for _, tc := range tests {
		stage, at, ok := tc.req.NextStage(2*time.Hour, 24*time.Hour)
		if stage != tc.stage || !at.Equal(tc.at) || ok != tc.ok {
			t.Errorf("%s: NextStage = %s %s %v, want %s %s %v", tc.name, stage, at, ok, tc.stage, tc.at, tc.ok)
		}
	}
}

func TestEmergencyNextAlert(t *testing.T) {
	o := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	m := func(n int) time.Time { return o.Add(time.Duration(n) * time.Minute) }
	tests := []struct {
		name          string
		e             store.Emergency
		repeat, widen int
		at            time.Time
		wide, ok      bool
	}{
		{"after first", store.Emergency{Status: store.EmergencyAlerting, Opened: o, Round: 1, Last: o}, 5, 15, m(5), false, true},
		{"after second", store.Emergency{Status: store.EmergencyAlerting, Opened: o, Round: 2, Last: m(5)}, 5, 15, m(10), false, true},
		{"late second", store.Emergency{Status: store.EmergencyAlerting, Opened: o, Round: 2, Last: m(7)}, 5, 15, m(10), false, true},
		{"third widens", store.Emergency{Status: store.EmergencyAlerting, Opened: o, Round: 3, Last: m(10)}, 5, 15, m(15), true, true},
		{"stays wide", store.Emergency{Status: store.EmergencyAlerting, Opened: o, Round: 4, Last: m(15), Widened: true}, 5, 15, m(20), true, true},
		{"widen between repeats", store.Emergency{Status: store.EmergencyAlerting, Opened: o, Round: 3, Last: m(10)}, 5, 12, m(12), true, true},
		{"repeat after off-beat widen", store.Emergency{Status: store.EmergencyAlerting, Opened: o, Round: 4, Last: m(12), Widened: true}, 5, 12, m(15), true, true},
		{"acked", store.Emergency{Status: store.EmergencyAcked, Opened: o, Round: 2}, 5, 15, time.Time{}, false, false},
		{"resolved", store.Emergency{Status: store.EmergencyResolved, Opened: o, Round: 2}, 5, 15, time.Time{}, false, false},
	}
	for _, tc := range tests {
		at, wide, ok := tc.e.NextAlert(store.UrgentTimes{RepeatEvery: time.Duration(tc.repeat) * time.Minute, WidenAfter: time.Duration(tc.widen) * time.Minute})
		if !at.Equal(tc.at) || wide != tc.wide || ok != tc.ok {
			t.Errorf("%s: NextAlert = %s %v %v, want %s %v %v", tc.name, at, wide, ok, tc.at, tc.wide, tc.ok)
		}
	}
}

func TestEmergencyAckResolve(t *testing.T) {
	e := store.Emergency{ID: 1, Status: store.EmergencyAlerting}
	acked, err := e.Ack("王强", t0)
	if err != nil || acked.AckBy != "王强" || acked.Status != store.EmergencyAcked {
		t.Fatalf("ack: %+v %v", acked, err)
	}
	if _, err := acked.Ack("李娜", t0); !errors.Is(err, store.ErrAlreadyAcked) {
		t.Errorf("second ack: %v", err)
	}
	res, err := acked.Resolve("李娜", "已送医", t0)
	if err != nil || res.AckBy != "王强" || res.ResolvedBy != "李娜" {
		t.Errorf("resolve: %+v %v", res, err)
	}
	if _, err := res.Resolve("李娜", "", t0); !errors.Is(err, store.ErrClosed) {
		t.Errorf("resolve twice: %v", err)
	}
	if _, err := res.Ack("李娜", t0); !errors.Is(err, store.ErrClosed) {
		t.Errorf("ack resolved: %v", err)
	}
}
