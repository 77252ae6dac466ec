package handlers

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"pingan/bot"
	"pingan/config"
	"pingan/handlers/parse"
	"pingan/store"
)

// Aid requests (急难愁盼): a group reply or a liaison's /求助 opens #N; the
// elder's liaison and the volunteers hear of it privately; a staff member
// claims it and closes it; Escalate chases what waits too long.

func (s *Service) aidTimes() store.AidTimes {
	return store.AidTimes{ClaimWithin: s.cfg.Aid.ClaimWithin.D(), DoneWithin: s.cfg.Aid.DoneWithin.D()}
}

// onAid opens (or adds to) an aid request read from a group reply.
func (s *Service) onAid(ctx context.Context, m bot.Message, e store.Elder, who string, c store.Contact, r parse.Reply) {
	asked := store.AskedByElder
	if c.Source == store.SourceFamily {
		asked = store.AskedByFamily
	}
	req := store.AidRequest{ElderID: e.ID, ElderName: e.Name, Needs: c.Needs, Detail: r.Detail, Texts: []string{m.Text},
		AskedBy: m.From.Name(), AskedAs: asked, Group: m.Group, Opened: c.At.In(s.cfg.Location)}
	if _, _, err := s.OpenAid(ctx, req, e, ""); err != nil {
		// Nothing asked for is forgotten: without a number, still tell people now.
		s.log.Error("open aid request", "elder", e.ID, "err", err)
		s.notify(ctx, e, true, fmt.Sprintf("【求助】%s 需要：%s%s\n原话：%s\n电话：%s\n（系统未能登记编号，请人工跟进）",
			who, needsLabel(c.Needs), detailSuffix(r.Detail), m.Text, orDash(e.Phone)))
	}
}

// OpenAid opens request req for elder e, or folds it into the elder's
// active request for the same need, and tells the people who should act.
// by is the staff member who logged it, not told again; "" for a group reply.
func (s *Service) OpenAid(ctx context.Context, req store.AidRequest, e store.Elder, by string) (store.AidRequest, bool, error) {
	a, fresh, err := s.st.OpenAid(ctx, req, s.aidTimes())
	if err != nil {
		return a, false, fmt.Errorf("open aid request: %w", err)
	}
	cands := s.caseElders(a.Candidates)
	if fresh {
		s.indexCase(ctx, a.ElderID, a.Candidates, a.ID)
		s.sendEach(ctx, s.aidRecipients(e, cands), by, s.aidNotice(a, e))
		return a, true, nil
	}
	// Added to an open request: whoever holds it hears what was added.
	text := fmt.Sprintf("【求助 #%d 补充】%s 又说：「%s」\n现在需要：%s%s\n%s", a.ID, a.ElderName, quote(firstText(req), 200),
		needsLabel(a.Needs), detailSuffix(a.Detail), aidActions(a))
	to := s.aidRecipients(e, cands)
	if a.Status == store.AidClaimed {
		if st, ok := s.cfg.StaffByName(a.Claimer); ok {
			to = []config.Staff{st}
		}
	}
	s.sendEach(ctx, to, by, text)
	return a, false, nil
}

func firstText(a store.AidRequest) string {
	if len(a.Texts) == 0 {
		return ""
	}
	return a.Texts[0]
}

// aidRecipients are the elder's liaison (or each candidate's) and the
// volunteers, each once; the admins too when no liaison is known (a
// sender the roster does not know), so that someone owns every request.
func (s *Service) aidRecipients(e store.Elder, candidates []store.Elder) []config.Staff {
	out := s.liaisonsOf(e, candidates)
	known := len(out) > 0
	if h, ok := s.helperOf(e); ok {
		out = append(out, h)
	}
	out = append(out, s.cfg.Volunteers()...)
	if !known || len(candidates) > 1 {
		out = append(out, s.cfg.Admins()...)
	}
	return out
}

// sendEach sends text privately to each staff member once, except the
// one named skip, in the staff lane.
func (s *Service) sendEach(ctx context.Context, to []config.Staff, skip, text string) {
	s.sendEachAs(ctx, bot.Outgoing{Lane: bot.LaneStaff}, to, skip, text)
}

// sendEachAs is sendEach with the lane and origin of like.
func (s *Service) sendEachAs(ctx context.Context, like bot.Outgoing, to []config.Staff, skip, text string) {
	seen := map[string]bool{}
	var msgs []bot.Outgoing
	for _, st := range to {
		if seen[st.Remark] || (skip != "" && st.Name == skip) {
			continue
		}
		seen[st.Remark] = true
		m := like
		m.To, m.Text = st.Remark, text
		msgs = append(msgs, m)
	}
	s.send(ctx, msgs...)
}

// alarmLike is the template of an alarm caused by a message that arrived at origin.
func alarmLike(origin time.Time) bot.Outgoing {
	return bot.Outgoing{Lane: bot.LaneAlarm, Origin: origin}
}

// aidNotice is the private notice of a new request.
func (s *Service) aidNotice(a store.AidRequest, e store.Elder) string {
	var b strings.Builder
	fmt.Fprintf(&b, "【求助 #%d】%s（%s）需要：%s%s\n", a.ID, a.ElderName, tierLabel(e), needsLabel(a.Needs), detailSuffix(a.Detail))
	if t := firstText(a); t != "" {
		fmt.Fprintf(&b, "原话：「%s」\n", quote(t, 200))
	}
	fmt.Fprintf(&b, "来自：%s（%s）\n", s.askedLabel(a), when(a.Opened.In(s.cfg.Location)))
	cands := s.caseElders(a.Candidates)
	b.WriteString(s.elderContacts(e, cands))
	if len(cands) < 2 {
		fmt.Fprintf(&b, "联络员：%s\n", orDash(e.Liaison))
	}
	b.WriteString(bindHint(e, cands))
	b.WriteString(aidActions(a))
	return b.String()
}

// elderContacts renders what aid notices are configured to show, for the
// elder or each candidate.
func (s *Service) elderContacts(e store.Elder, candidates []store.Elder) string {
	return s.contactsOf(e, candidates, s.cfg.Aid.Shows(config.ShowPhone), s.cfg.Aid.Shows(config.ShowFamily))
}

func (s *Service) askedLabel(a store.AidRequest) string {
	switch a.AskedAs {
	case store.AskedByFamily:
		return "家属「" + a.AskedBy + "」" + s.where(a.Group) + "代报"
	case store.AskedByLiaison:
		return a.AskedBy + " 电话登记"
	}
	if strings.HasPrefix(a.ElderID, unmatchedPrefix) {
		return "「" + a.AskedBy + "」" + s.where(a.Group)
	}
	return "本人" + s.where(a.Group)
}

// aidActions tells staff which commands move the request on.
func aidActions(a store.AidRequest) string {
	if a.Status == store.AidClaimed {
		return fmt.Sprintf("已由 %s 认领。完成：/完成 %d 备注", a.Claimer, a.ID)
	}
	return fmt.Sprintf("认领：/认领 %d　完成：/完成 %d 备注　取消：/取消 %d 原因", a.ID, a.ID, a.ID)
}

// aidTitle is "#3 胡文斌 配药（降压药）".
func aidTitle(a store.AidRequest) string {
	return fmt.Sprintf("#%d %s %s%s", a.ID, a.ElderName, needsLabel(a.Needs), detailSuffix(a.Detail))
}

// aidNeedWords maps the need word of /求助 to a need.
var aidNeedWords = map[string]parse.Need{
	"买菜": parse.NeedFood, "菜": parse.NeedFood, "食品": parse.NeedFood, "吃的": parse.NeedFood, "买菜/食品": parse.NeedFood, "food": parse.NeedFood,
	"配药": parse.NeedMedicine, "药": parse.NeedMedicine, "买药": parse.NeedMedicine, "medicine": parse.NeedMedicine,
	"就医": parse.NeedMedical, "看病": parse.NeedMedical, "就诊": parse.NeedMedical, "medical": parse.NeedMedical,
	"代办": parse.NeedErrand, "跑腿": parse.NeedErrand, "errand": parse.NeedErrand,
	"帮助": "", "其他": "", "other": "",
}

// parseNeeds reads "配药" or "买菜、配药" into needs; ok is false for an unknown word.
func parseNeeds(word string) ([]parse.Need, bool) {
	var out []parse.Need
	for _, w := range strings.FieldsFunc(word, func(r rune) bool { return strings.ContainsRune("、,，/+", r) }) {
		n, ok := aidNeedWords[strings.ToLower(w)]
		if !ok {
			return nil, false
		}
		if n != "" {
			out = append(out, n)
		}
	}
	return out, true
}

// caseNumber reads "3", "#3" or "＃3".
func caseNumber(arg string) (int64, bool) {
	arg = strings.TrimLeft(arg, "#＃")
	var n int64
	if _, err := fmt.Sscan(arg, &n); err != nil || n <= 0 || fmt.Sprint(n) != arg {
		return 0, false
	}
	return n, true
}

// actor is the staff member behind a command.
func (s *Service) actor(r bot.Request) (config.Staff, store.Actor) {
	st, _ := s.cfg.StaffByRemark(r.Msg.From.Remark)
	return st, store.Actor{Name: st.Name, Admin: st.Role == config.RoleAdmin}
}

// aidRefusal says in Chinese why a change was refused.
func (s *Service) aidRefusal(err error, a store.AidRequest) string {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return fmt.Sprintf("没有 #%d 这个求助，请核对编号（/求助列表）。", a.ID)
	case errors.Is(err, store.ErrClosed):
		if a.Status == store.AidCancelled {
			return fmt.Sprintf("#%d 已由 %s 取消（%s），不能再操作。", a.ID, a.ClosedBy, orDash(a.Note))
		}
		return fmt.Sprintf("#%d 已由 %s 完成，不能再操作。", a.ID, a.ClosedBy)
	case errors.Is(err, store.ErrAlreadyYours):
		return fmt.Sprintf("#%d 您已认领。完成后请发 /完成 %d", a.ID, a.ID)
	case errors.Is(err, store.ErrClaimedByOther):
		return fmt.Sprintf("#%d 已由 %s 认领。如需接手，请先与 %s 或管理员商量。", a.ID, a.Claimer, a.Claimer)
	case errors.Is(err, store.ErrNotYours):
		return fmt.Sprintf("#%d 由 %s 认领，只有认领人或管理员可以完成或取消。", a.ID, a.Claimer)
	}
	s.log.Error("aid request change", "id", a.ID, "err", err)
	return internalFail
}
