package handlers

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"pingan/alert"
	"pingan/bot"
	"pingan/handlers/parse"
	"pingan/store"
)

// storeDownAlerts remembers the messages already alerted while the store
// was down, so that a spool replaying one (still failing) does not alert
// again. Bounded: it forgets everything past storeDownMemory entries.
type storeDownAlerts struct {
	sync.Mutex
	ids map[string]bool
}

const storeDownMemory = 1000

// AlarmWithoutStore is the emergency path when Redis is down: when m is
// an emergency, its alarm goes to staff now — through the outbox, which
// keeps alarms in the process while the store cannot take them, and the
// second channel — with the personal answer to the sender. The message
// itself waits in the spool and is raised properly (with a #N and
// repeats) when the store is back. It reports whether m was alarmed.
func (s *Service) AlarmWithoutStore(ctx context.Context, m bot.Message) bool {
	if m.From.Self || m.Kind != bot.KindText {
		return false
	}
	// A reading to confirm is alarmed too: without the store there is no
	// way to follow it up, and someone must look now.
	r := parse.Parse(strings.Replace(m.Text, bot.OmittedMark, "\n", 1))
	if alertLevel(r) == parse.AlertNone {
		return false
	}
	if m.Private() {
		if _, staff := s.cfg.StaffByRemark(m.From.Remark); staff {
			return false
		}
	}
	d := &s.downAlerted
	d.Lock()
	if d.ids == nil || len(d.ids) >= storeDownMemory {
		d.ids = map[string]bool{}
	}
	seen := m.ID != "" && d.ids[m.ID]
	d.ids[m.ID] = true
	d.Unlock()
	if seen {
		return true
	}
	// No bindings without the store: the names in the sender's name and text.
	x := s.idx()
	cands := inBranch(x.namedIn(parse.Normalize(m.From.Remark+" "+m.From.DisplayName+" "+m.From.NickName+" "+m.Text)), s.groupBranch(m.Group))
	e := unknownElder(m.From.Name(), cands)
	if len(cands) == 1 {
		e, cands = cands[0], nil
	}
	to := s.urgentRecipients(e, cands, false)
	text := fmt.Sprintf("【紧急·系统存储故障，暂无编号】%s（「%s」）%s说：\n「%s」\n%s%s%s请立即电话联系！系统恢复后会补发编号。",
		e.Name, m.From.Name(), s.where(m.Group), quote(m.Text, 300), signsLine(r), hotlineText(r.Hotlines()), s.contactsOf(e, cands, true, true))
	s.sendEachAs(ctx, alarmLike(m.Time), to, "", text)
	answer := bot.Outgoing{Group: m.Group, Mention: m.From.DisplayName, Text: ackText(answerKind(r)), Lane: bot.LaneAlarm, Origin: m.Time}
	if m.Private() {
		answer = bot.Outgoing{To: m.From.Remark, Text: answer.Text, Lane: bot.LaneAlarm, Origin: m.Time}
	}
	if answer.Group != "" || answer.To != "" {
		s.send(ctx, answer)
	}
	em := store.Emergency{ElderID: e.ID, ElderName: e.Name, Candidates: ids(cands), Text: m.Text, Group: m.Group, By: m.From.Name(), Opened: s.now(), Round: 1}
	s.alertOut(ctx, s.alertOf(em, e, alert.EventAlert, text, to, ""))
	return true
}
