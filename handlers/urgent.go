package handlers

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"pingan/alert"
	"pingan/bot"
	"pingan/config"
	"pingan/handlers/parse"
	"pingan/store"
)

// Emergencies: an urgent reply alerts the elder's liaison and every admin
// at once, repeats every urgent.repeat_every, widens to all staff after
// urgent.widen_after, until someone sends /收到; /解除 closes it.

// Alerter is the second channel for emergency alerts (WeCom robot, SMS
// webhook); *alert.Dispatcher implements it. Send must not block.
type Alerter interface {
	Send(ctx context.Context, a alert.Alert)
}

// UseAlerts sends every emergency alert to staff through a as well; nil
// turns the second channel off. Call it before handling messages.
func (s *Service) UseAlerts(a Alerter) { s.alerts = a }

func (s *Service) alertOut(ctx context.Context, a alert.Alert) {
	if s.alerts != nil {
		s.alerts.Send(ctx, a)
	}
}

func (s *Service) urgentTimes() store.UrgentTimes {
	return store.UrgentTimes{RepeatEvery: s.cfg.Urgent.RepeatEvery.D(), WidenAfter: s.cfg.Urgent.WidenAfter.D(), ConfirmWithin: s.cfg.Urgent.ConfirmWithin.D()}
}

// urgentRecipients are the elder's liaison (or each candidate's, for a
// sender who fits several elders) and every admin; all staff when wide.
func (s *Service) urgentRecipients(e store.Elder, candidates []store.Elder, wide bool) []config.Staff {
	if wide {
		return append([]config.Staff(nil), s.cfg.Staff...)
	}
	out := s.liaisonsOf(e, candidates)
	seen := map[string]bool{}
	for _, l := range out {
		seen[l.Remark] = true
	}
	for _, a := range s.cfg.Admins() {
		if !seen[a.Remark] {
			seen[a.Remark] = true
			out = append(out, a)
		}
	}
	return out
}

func remarks(staff []config.Staff) []string {
	out := make([]string, len(staff))
	for i, st := range staff {
		out[i] = st.Remark
	}
	return out
}

func names(staff []config.Staff) []string {
	out := make([]string, len(staff))
	for i, st := range staff {
		out[i] = st.Name
	}
	return out
}

// onUrgent raises an emergency read from a reply: the first alert goes
// out now, while the message is handled, not at the next job.
func (s *Service) onUrgent(ctx context.Context, m bot.Message, e store.Elder, who string, r parse.Reply) {
	s.raise(ctx, m, e, nil, who, r, false)
}

// onUrgentUnmatched raises an emergency from a sender the roster does not
// know, or who fits several elders: the admins are alerted, and every
// candidate's liaison, with the same repeats.
func (s *Service) onUrgentUnmatched(ctx context.Context, m bot.Message, candidates []store.Elder, r parse.Reply) {
	e := unknownElder(m.From.Name(), candidates)
	s.raise(ctx, m, e, candidates, e.Name, r, alertLevel(r) == parse.AlertConfirm)
}

// raise opens the case and sends the first alert: an alarm to the
// liaison and the admins, or, when confirm, a request to the liaison to
// look now and confirm.
func (s *Service) raise(ctx context.Context, m bot.Message, e store.Elder, candidates []store.Elder, who string, r parse.Reply, confirm bool) {
	now := s.now()
	to := s.urgentRecipients(e, candidates, false)
	like := alarmLike(m.Time)
	if confirm {
		to = s.confirmRecipients(e, candidates)
		like = bot.Outgoing{Lane: bot.LaneStaff, Origin: m.Time}
	}
	em := store.Emergency{ElderID: e.ID, ElderName: e.Name, Candidates: ids(candidates), Text: m.Text, Group: m.Group, By: m.From.Name(), Opened: now,
		Confirm: confirm, Signs: signsText(r), Hotlines: r.Hotlines()}
	em = em.Alert(remarks(to), false, now)
	em, err := s.st.OpenEmergency(ctx, em, s.urgentTimes())
	if err != nil {
		// No number and no repeats, but the alert itself must not wait.
		s.log.Error("open emergency", "elder", e.ID, "err", err)
		em.ID = 0
	} else {
		s.indexCase(ctx, em.ElderID, em.Candidates, em.ID)
	}
	if m.AlertedOffline {
		// Alarmed from the process while the store was down: staff now get
		// its number, not the alarm again; repeats follow until /收到.
		if em.ID > 0 {
			s.sendEachAs(ctx, alarmLike(time.Time{}), to, "", fmt.Sprintf(
				"【紧急 #%d·补登编号】存储故障期间已通知过的紧急情况：%s 说「%s」。系统已恢复，现编号 #%d；尚无人确认，已有人处理请回复 /收到 %d",
				em.ID, who, shorten(m.Text, 100), em.ID, em.ID))
		}
		return
	}
	text := s.urgentText(em, e, who)
	s.sendEachAs(ctx, like, to, "", text)
	if !confirm {
		s.alertOut(ctx, s.alertOf(em, e, alert.EventAlert, text, to, ""))
	}
}

// urgentText is the private alert: name, message as written, contacts, group.
func (s *Service) urgentText(em store.Emergency, e store.Elder, who string) string {
	var b strings.Builder
	num := ""
	if em.ID > 0 {
		num = fmt.Sprintf(" #%d", em.ID)
	}
	switch {
	case em.Confirm:
		fmt.Fprintf(&b, "【请确认%s】", num)
	case !em.Promoted.IsZero() && em.Promoted.Equal(em.Last):
		fmt.Fprintf(&b, "【紧急%s·%s内无人确认，已升级】", num, waitedFor(em.Promoted.Sub(em.Opened)))
	case em.Round <= 1:
		fmt.Fprintf(&b, "【紧急%s】", num)
	case em.Widened:
		fmt.Fprintf(&b, "【紧急%s·第%d次提醒·已通知全体工作人员】尚无人确认！", num, em.Round)
	default:
		fmt.Fprintf(&b, "【紧急%s·第%d次提醒】尚无人确认！", num, em.Round)
	}
	fmt.Fprintf(&b, "%s %s说：\n「%s」\n", who, s.where(em.Group), quote(em.Text, 300))
	if em.Signs != "" {
		fmt.Fprintf(&b, "判读依据：%s\n", em.Signs)
	}
	b.WriteString(hotlineText(em.Hotlines))
	cands := s.caseElders(em.Candidates)
	b.WriteString(s.contactsOf(e, cands, true, true))
	if len(cands) < 2 {
		fmt.Fprintf(&b, "联络员：%s\n", orDash(e.Liaison))
	}
	b.WriteString(bindHint(e, cands))
	switch {
	case em.Confirm && em.ID > 0:
		fmt.Fprintf(&b, "可能情况严重，请马上联系确认；确认后回复 /收到 %d。%s内无人确认将升级通知管理员。", em.ID, waitedFor(s.cfg.Urgent.ConfirmWithin.D()))
	case em.ID > 0:
		fmt.Fprintf(&b, "请立即电话联系！已有人处理请回复 /收到 %d", em.ID)
	default:
		b.WriteString("请立即电话联系！")
	}
	return b.String()
}

// alertOf is the second channel's view of an alert.
func (s *Service) alertOf(em store.Emergency, e store.Elder, ev alert.Event, text string, to []config.Staff, by string) alert.Alert {
	return alert.Alert{ID: em.ID, Event: ev, Round: em.Round, Office: s.cfg.Office, OfficeName: s.cfg.Name,
		Elder: e.Name, Text: em.Text, Group: em.Group, Phone: e.Phone, Family: e.Family, Liaison: e.Liaison,
		Opened: em.Opened, At: s.now(), Recipients: names(to), AckBy: by, Content: s.cfg.Name + " " + text,
		Brief: s.briefOf(em, e, ev, by)}
}

// briefOf is the second channel's notice without the elder's name, words or
// contacts: which emergency, whose elder, what to do. Details stay in staff's
// private chats.
func (s *Service) briefOf(em store.Emergency, e store.Elder, ev alert.Event, by string) string {
	kind, id := "紧急", "·系统存储故障，暂无编号"
	if em.Confirm {
		kind = "待确认"
	}
	if em.ID > 0 {
		id = fmt.Sprintf(" #%d", em.ID)
	}
	head := fmt.Sprintf("%s【%s%s】", s.cfg.Name, kind, id)
	switch ev {
	case alert.EventAck:
		return fmt.Sprintf("%s已由%s确认，正在处理。", head, by)
	case alert.EventResolve:
		return fmt.Sprintf("%s已由%s办结。", head, by)
	}
	round := ""
	if ev == alert.EventRepeat && em.Round > 1 {
		round = fmt.Sprintf("（第%d次提醒）", em.Round)
	}
	ask := "请在微信查看。"
	if em.ID > 0 {
		ask = fmt.Sprintf("请在微信查看；已有人处理请在微信回复 /收到 %d。", em.ID)
	}
	return fmt.Sprintf("%s联络员%s名下一位老人需要马上联系%s。姓名、原话和电话只发给工作人员的微信私聊，%s", head, orDash(e.Liaison), round, ask)
}

// escalateUrgent repeats every alert due at at; of two processes, or two
// runs, only the one whose write lands sends.
func (s *Service) escalateUrgent(ctx context.Context, at time.Time) error {
	due, err := s.st.DueEmergencies(ctx, at)
	if err != nil {
		return err
	}
	times := s.urgentTimes()
	var errs []error
	for _, d := range due {
		e := s.caseSubject(d.ElderID, d.ElderName)
		cands := s.caseElders(d.Candidates)
		var to []config.Staff
		em, err := s.st.UpdateEmergency(ctx, d.ID, times, func(cur store.Emergency) (store.Emergency, error) {
			to = nil
			t, wide, ok := cur.NextAlert(times)
			if !ok || t.After(at) {
				return cur, nil // done by another run, or the config moved it: re-index only
			}
			to = s.urgentRecipients(e, cands, wide)
			if cur.Confirm { // nobody confirmed in time: an alarm now
				return cur.Promote(remarks(to), at), nil
			}
			return cur.Alert(remarks(to), wide, at), nil
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("repeat emergency #%d: %w", d.ID, err))
			continue
		}
		if to == nil {
			continue
		}
		text := s.urgentText(em, e, em.ElderName)
		s.sendEachAs(ctx, alarmLike(time.Time{}), to, "", text)
		ev := alert.EventRepeat
		if em.Promoted.Equal(em.Last) { // the first alarm of a case nobody confirmed
			ev = alert.EventAlert
		}
		s.alertOut(ctx, s.alertOf(em, e, ev, text, to, ""))
	}
	return errors.Join(errs...)
}

// emergencyArg finds the emergency an /ack names, or without a number the
// newest unacknowledged one the sender was alerted to.
func (s *Service) emergencyArg(ctx context.Context, r bot.Request, staff config.Staff) (int64, string) {
	if len(r.Args) > 0 {
		id, ok := caseNumber(r.Args[0])
		if !ok {
			return 0, fmt.Sprintf("「%s」不是编号。用法：/收到 [编号]", r.Args[0])
		}
		return id, ""
	}
	ems, err := s.st.ActiveEmergencies(ctx)
	if err != nil {
		s.log.Error("list emergencies", "err", err)
		return 0, internalFail
	}
	for i := len(ems) - 1; i >= 0; i-- {
		if ems[i].Status == store.EmergencyAlerting && ems[i].WasAlerted(staff.Remark) {
			return ems[i].ID, ""
		}
	}
	return 0, "没有等待您确认的紧急情况。（/求助列表 查看全部）"
}

// errNotAlerted refuses /收到 and /解除 to staff an alert did not reach.
var errNotAlerted = errors.New("not alerted")

// mayClose reports whether staff may acknowledge or close em: the people
// its alerts reached (the elder's liaison, the admins, everyone once it
// widened), and any admin.
func mayClose(em store.Emergency, staff config.Staff) bool {
	return staff.Role == config.RoleAdmin || em.Widened || em.WasAlerted(staff.Remark)
}

// emergencyRefusal says why an ack or resolve was refused.
func (s *Service) emergencyRefusal(ctx context.Context, err error, id int64, em store.Emergency) string {
	switch {
	case errors.Is(err, errNotAlerted):
		var who []string
		for _, rm := range em.Alerted {
			if st, ok := s.cfg.StaffByRemark(rm); ok {
				who = append(who, st.Name)
			}
		}
		return fmt.Sprintf("#%d 的紧急提醒没有发给您，不能由您确认或解除（请核对编号）。已收到提醒的是：%s；如需协助请与他们联系。",
			id, orDash(strings.Join(who, "、")))
	case errors.Is(err, store.ErrNotFound):
		if _, aerr := s.st.Aid(ctx, id); aerr == nil {
			return fmt.Sprintf("#%d 是求助，不是紧急情况：认领请发 /认领 %d。", id, id)
		}
		return fmt.Sprintf("没有 #%d 这个紧急情况，请核对编号（/求助列表）。", id)
	case errors.Is(err, store.ErrAlreadyAcked):
		return fmt.Sprintf("#%d %s 的紧急情况已由 %s 于 %s 确认。处理完请发 /解除 %d 说明", id, em.ElderName, em.AckBy, when(em.AckAt.In(s.cfg.Location)), id)
	case errors.Is(err, store.ErrClosed):
		return fmt.Sprintf("#%d 已由 %s 解除：%s", id, em.ResolvedBy, orDash(em.Note))
	}
	s.log.Error("emergency change", "id", id, "err", err)
	return internalFail
}

func (s *Service) cmdAck(ctx context.Context, r bot.Request) string {
	staff, _ := s.actor(r)
	id, msg := s.emergencyArg(ctx, r, staff)
	if msg != "" {
		return msg
	}
	now := s.now()
	var before store.Emergency
	em, err := s.st.UpdateEmergency(ctx, id, s.urgentTimes(), func(cur store.Emergency) (store.Emergency, error) {
		before = cur
		if !mayClose(cur, staff) {
			return cur, errNotAlerted
		}
		return cur.Ack(staff.Name, now)
	})
	if err != nil {
		return s.emergencyRefusal(ctx, err, id, before)
	}
	text := fmt.Sprintf("【已确认 #%d】%s 已于 %s 收到 %s 的紧急情况并跟进，提醒已停止。", em.ID, staff.Name, when(now), em.ElderName)
	s.announce(ctx, em, staff, alert.EventAck, text)
	return fmt.Sprintf("已确认 #%d：%s。提醒已停止，已告知其他工作人员。处理完请发 /解除 %d 说明", em.ID, em.ElderName, em.ID)
}

func (s *Service) cmdResolve(ctx context.Context, r bot.Request) string {
	usage := "用法：/解除 <编号> <说明>，例：/解除 4 误报，已电话确认平安"
	if len(r.Args) == 0 {
		return usage
	}
	id, ok := caseNumber(r.Args[0])
	if !ok {
		return fmt.Sprintf("「%s」不是编号。%s", r.Args[0], usage)
	}
	note := strings.TrimSpace(strings.TrimPrefix(r.Rest, r.Args[0]))
	if note == "" {
		return "解除需要写明说明（已送医、误报等）。" + usage
	}
	staff, _ := s.actor(r)
	now := s.now()
	var before store.Emergency
	em, err := s.st.UpdateEmergency(ctx, id, s.urgentTimes(), func(cur store.Emergency) (store.Emergency, error) {
		before = cur
		if !mayClose(cur, staff) {
			return cur, errNotAlerted
		}
		return cur.Resolve(staff.Name, note, now)
	})
	if err != nil {
		return s.emergencyRefusal(ctx, err, id, before)
	}
	text := fmt.Sprintf("【已解除 #%d】%s 的紧急情况已由 %s 解除：%s", em.ID, em.ElderName, staff.Name, note)
	s.announce(ctx, em, staff, alert.EventResolve, text)
	return fmt.Sprintf("已解除 #%d：%s。说明：%s", em.ID, em.ElderName, note)
}

// announce tells everyone alerted, except the sender, and the second channel.
func (s *Service) announce(ctx context.Context, em store.Emergency, by config.Staff, ev alert.Event, text string) {
	var to []config.Staff
	for _, rm := range em.Alerted {
		if st, ok := s.cfg.StaffByRemark(rm); ok {
			to = append(to, st)
		}
	}
	s.sendEach(ctx, to, by.Name, text)
	e, ok := s.elder(em.ElderID)
	if !ok {
		e = store.Elder{ID: em.ElderID, Name: em.ElderName}
	}
	s.alertOut(ctx, s.alertOf(em, e, ev, text, to, by.Name))
}
