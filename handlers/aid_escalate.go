package handlers

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"pingan/config"
	"pingan/store"
)

// Escalate runs the aid and emergency escalation checks for time at (the
// escalation job, every minute by default). It reads only the due indexes,
// and each step is recorded in the same write that claims it, so a run
// repeated, or run by two processes, sends nothing twice.
func (s *Service) Escalate(ctx context.Context, at time.Time) error {
	at = at.In(s.cfg.Location)
	return errors.Join(s.escalateUrgent(ctx, at), s.escalateAid(ctx, at), s.awayReturns(ctx, at))
}

// escalateAid sends each aid reminder due at at: to the liaison and the
// volunteers at open+claim_within, to the admins at twice that, to the
// claimer at claim+done_within.
func (s *Service) escalateAid(ctx context.Context, at time.Time) error {
	due, err := s.st.DueAids(ctx, at)
	if err != nil {
		return err
	}
	times := s.aidTimes()
	var errs []error
	for _, d := range due {
		var stage store.AidStage
		a, err := s.st.UpdateAid(ctx, d.ID, times, at, func(cur store.AidRequest) (store.AidRequest, string, error) {
			stage = ""
			st, t, ok := cur.NextStage(times.ClaimWithin, times.DoneWithin)
			if !ok || t.After(at) {
				return cur, "", nil // done by another run, or the config moved it: re-index only
			}
			stage = st
			return cur.MarkSent(st, at), "", nil
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("escalate aid request #%d: %w", d.ID, err))
			continue
		}
		if stage != "" {
			s.sendAidStage(ctx, a, stage, at)
		}
	}
	return errors.Join(errs...)
}

func (s *Service) sendAidStage(ctx context.Context, a store.AidRequest, stage store.AidStage, at time.Time) {
	e := s.caseSubject(a.ElderID, a.ElderName)
	cands := s.caseElders(a.Candidates)
	waited := waitedFor(at.Sub(a.Opened))
	switch stage {
	case store.StageRemind:
		text := fmt.Sprintf("【求助待认领 %s】已等 %s，还没有人认领。\n%s%s", aidTitle(a), waited, s.elderContacts(e, cands), aidActions(a))
		s.sendEach(ctx, s.aidRecipients(e, cands), "", text)
	case store.StageAdmins:
		text := fmt.Sprintf("【求助超时 %s】已等 %s 仍无人认领（联络员 %s）。请安排人员跟进：/认领 %d，或 /取消 %d 原因",
			aidTitle(a), waited, orDash(e.Liaison), a.ID, a.ID)
		s.sendEach(ctx, s.cfg.Admins(), "", text)
	case store.StageDone:
		st, ok := s.cfg.StaffByName(a.Claimer)
		if !ok {
			st = config.Staff{}
		}
		text := fmt.Sprintf("【求助未完成 %s】您认领已 %s，还没有完成。办好后请发 /完成 %d 备注；办不了请联系联络员或管理员。",
			aidTitle(a), waitedFor(at.Sub(a.ClaimedAt)), a.ID)
		if st.Remark == "" { // the claimer left the staff: the admins take it
			s.sendEach(ctx, s.cfg.Admins(), "", text)
			return
		}
		s.sendEach(ctx, []config.Staff{st}, "", text)
	}
}

// waitedFor renders a span for people: 2小时、1小时30分钟、45分钟.
func waitedFor(d time.Duration) string {
	d = d.Round(time.Minute)
	h, m := int(d.Hours()), int(d.Minutes())%60
	var b strings.Builder
	if h > 0 {
		fmt.Fprintf(&b, "%d小时", h)
	}
	if m > 0 || h == 0 {
		fmt.Fprintf(&b, "%d分钟", m)
	}
	return b.String()
}

// AidFigures are the aid and emergency numbers of the overview.
type AidFigures struct {
	// Today counts the day's requests opened, claimed, done and cancelled.
	Today store.AidCounts
	// Open and Claimed count the active requests now.
	Open, Claimed int
	// Oldest is the oldest active request, if any.
	Oldest *store.AidRequest
	// Unacked counts emergencies nobody has acknowledged; Acked those
	// acknowledged but not yet resolved.
	Unacked, Acked int
}

// aidFigures reads the figures at at from the indexes.
func (s *Service) aidFigures(ctx context.Context, at time.Time) (AidFigures, error) {
	var f AidFigures
	var err error
	if f.Today, err = s.st.AidDay(ctx, at.In(s.cfg.Location)); err != nil {
		return f, err
	}
	aids, err := s.st.ActiveAids(ctx)
	if err != nil {
		return f, err
	}
	for i, a := range aids {
		if i == 0 {
			f.Oldest = &aids[0]
		}
		if a.Status == store.AidClaimed {
			f.Claimed++
		} else {
			f.Open++
		}
	}
	ems, err := s.st.ActiveEmergencies(ctx)
	if err != nil {
		return f, err
	}
	for _, e := range ems {
		if e.Status == store.EmergencyAlerting {
			f.Unacked++
		} else {
			f.Acked++
		}
	}
	return f, nil
}

// abnormal reports whether anything waits.
func (f AidFigures) abnormal() bool {
	return f.Open+f.Claimed+f.Unacked+f.Acked > 0 || f.Today.Opened > 0
}

// write adds the aid lines to an overview text.
func (f AidFigures) write(b *strings.Builder, now time.Time) {
	t := f.Today
	fmt.Fprintf(b, "\n求助：今日新增 %d，认领 %d，完成 %d", t.Opened, t.Claimed, t.Done)
	if t.Cancelled > 0 {
		fmt.Fprintf(b, "，取消 %d", t.Cancelled)
	}
	fmt.Fprintf(b, "；未完成 %d 件（待认领 %d，办理中 %d）", f.Open+f.Claimed, f.Open, f.Claimed)
	if f.Oldest != nil {
		fmt.Fprintf(b, "\n最早未完成：%s，%s（/求助列表）", aidTitle(*f.Oldest), ago(now, f.Oldest.Opened))
	}
	if f.Unacked > 0 {
		fmt.Fprintf(b, "\n紧急情况未确认：%d 件！", f.Unacked)
	}
	if f.Acked > 0 {
		fmt.Fprintf(b, "\n紧急情况处理中：%d 件", f.Acked)
	}
}

// aidTodo adds the active requests and emergencies a staff member should
// act on to a to-do list: a liaison's own elders' and their own claims; an
// admin's, all. Emergencies rank before anything, aid right after.
func (s *Service) aidTodo(ctx context.Context, who config.Staff, add func(id string, rank int, reason string, since time.Time)) error {
	ems, err := s.st.ActiveEmergencies(ctx)
	if err != nil {
		return err
	}
	for _, e := range ems {
		if e.Status == store.EmergencyAlerting {
			add(e.ElderID, -2, fmt.Sprintf("紧急 #%d 未确认", e.ID), e.Opened)
		}
	}
	aids, err := s.st.ActiveAids(ctx)
	if err != nil {
		return err
	}
	for _, a := range aids {
		reason := fmt.Sprintf("求助 #%d %s 待认领", a.ID, needsLabel(a.Needs))
		if a.Status == store.AidClaimed {
			if a.Claimer != who.Name && who.Role != config.RoleAdmin {
				continue // someone else's claim
			}
			reason = fmt.Sprintf("求助 #%d %s %s 已认领", a.ID, needsLabel(a.Needs), a.Claimer)
		}
		add(a.ElderID, -1, reason, a.Opened)
	}
	return nil
}
