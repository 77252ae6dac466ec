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

// urgentWithoutStore is the emergency path when Redis is down: the message
// will be spooled and raised properly (with a #N and repeats) when the
// store is back, but the second channel hears of it now. The WeChat
// outbox lives in Redis too, so it is tried but may fail.
func (s *Service) urgentWithoutStore(ctx context.Context, m bot.Message) {
	if m.Kind != bot.KindText || parse.Parse(m.Text).Intent != parse.IntentUrgent {
		return
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
		return
	}
	e, ok := s.namedIn(parse.Normalize(m.From.DisplayName + " " + m.From.NickName + " " + m.Text))
	if !ok {
		e = store.Elder{Name: "未识别成员「" + m.From.Name() + "」"}
	}
	to := s.urgentRecipients(e, false)
	text := fmt.Sprintf("【紧急·系统存储故障，暂无编号】%s（「%s」）在群「%s」说：\n「%s」\n电话：%s\n家属：%s\n请立即电话联系！系统恢复后会补发编号。",
		e.Name, m.From.Name(), m.Group, shorten(m.Text, 300), orDash(e.Phone), orDash(strings.Join(e.Family, "；")))
	s.sendEach(ctx, to, "", text)
	em := store.Emergency{ElderID: e.ID, ElderName: e.Name, Text: m.Text, Group: m.Group, By: m.From.Name(), Opened: s.now(), Round: 1}
	s.alertOut(ctx, s.alertOf(em, e, alert.EventAlert, text, to, ""))
}
