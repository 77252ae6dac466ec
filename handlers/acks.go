package handlers

import (
	"context"
	"fmt"
	"strings"

	"pingan/bot"
	"pingan/config"
	"pingan/handlers/parse"
	"pingan/store"
)

// Acknowledgements in groups. An emergency or a request for help is
// answered at once, personally, in the alarm or staff lane. Everyone else
// heard in a group joins the group's next acknowledgement: in batch mode
// one message per ack.every naming who was heard (报平安接龙) with the
// day's count; in each mode one message per reply, merged by the outbox
// when the budget is short. Group messages never carry a health word.

// ackNames is how many names a batch lists before 「等 N 位」.
const ackNames = 50

// Answer kinds: what the writer of a reply is told.
const (
	ackPlain            = ""
	ackKindSign         = "sign"
	ackKindUnwell       = "unwell"        // the liaison was told
	ackKindUnwellFamily = "unwell-family" // the liaison was told; a relative wrote
	ackKindUnwellUntold = "unwell-untold" // nobody could be told (no liaison known)
	ackKindAid          = "aid"
	ackKindConfirm      = "confirm" // a reading the liaison is asked to confirm
	ackKindUrgent       = "urgent"  // an alarm; "urgent:<sign>" chooses the words
)

// ackText is the wording of one answer, which claims nothing that did not happen.
func ackText(kind string) string {
	switch kind {
	case ackKindUnwell:
		return ackUnwell
	case ackKindUnwellFamily:
		return "收到，已转告联络员，请代我们问候老人家，祝早日康复。"
	case ackKindUnwellUntold:
		return "收到，请多保重。"
	case ackKindAid:
		return ackAid
	case ackKindConfirm:
		return "收到，已转告联络员，会尽快和您联系。"
	case ackKindUrgent + ":" + string(parse.SignDespair):
		return "收到您的消息，我们都很挂念您，工作人员马上会和您联系。"
	case ackKindUrgent + ":" + string(parse.SignFraud):
		return "收到，已马上转告工作人员，会尽快和您联系。"
	case ackKindUrgent + ":" + string(parse.SignViolence):
		return "收到，已马上转告工作人员，会尽快和您联系。如有危险，请先到安全的地方。"
	case ackKindUrgent + ":" + string(parse.SignLost):
		return "收到，工作人员马上会联系您。请留在原地，留意手机。"
	case ackKindUrgent:
		return ackUrgent
	case ackKindSign:
		return ackSign
	}
	return ackWell
}

// answer tells the writer of a reply that it was heard. An emergency or a
// request for help is answered at once, personally (alarm or staff lane);
// in private chat every reply is answered plainly, to a sender with a
// remark only (a nickname can be copied, and the answer would reach
// someone else); in a configured group everyone else joins the group's
// next acknowledgement. In a group the config does not know only
// emergencies and requests for help are answered. name is who the
// acknowledgement names (the elder heard of, or the sender).
func (s *Service) answer(ctx context.Context, m bot.Message, kind, name string) {
	urgent := strings.HasPrefix(kind, ackKindUrgent)
	lane := bot.LaneStaff
	if urgent {
		lane = bot.LaneAlarm
	}
	switch personal := personalKind(kind); {
	case personal && m.AlertedOffline:
		return // answered while the store was down
	case m.Private():
		if m.From.Remark != "" {
			s.send(ctx, bot.Outgoing{To: m.From.Remark, Text: ackText(kind), Lane: lane, Origin: m.Time})
		}
		return
	case personal:
		s.send(ctx, bot.Outgoing{Group: m.Group, Mention: m.From.DisplayName, Text: ackText(kind), Lane: lane, Origin: m.Time})
		return
	case !s.batched(m, kind):
		return
	}
	if err := s.out.Ack(ctx, m.Group, ackItem(m, kind, name)); err != nil {
		s.log.Error("could not queue an acknowledgement", "group", m.Group, "err", err)
	}
}

// personalKind reports whether an answer of kind goes to the writer at
// once, personally: an emergency, a request for help, a reading to confirm.
func personalKind(kind string) bool {
	return strings.HasPrefix(kind, ackKindUrgent) || kind == ackKindAid || kind == ackKindConfirm
}

// batched reports whether answer puts m's writer in their group's next
// acknowledgement batch (rather than answering them at once, or not at all).
func (s *Service) batched(m bot.Message, kind string) bool {
	return !personalKind(kind) && !m.Private() && s.knownGroup(m.Group) && s.cfg.Ack.Mode != config.AckOff
}

// ackItem is m's writer as an acknowledgement batch names them.
func ackItem(m bot.Message, kind, name string) bot.AckItem {
	item := bot.AckItem{Name: name, Mention: m.From.DisplayName, Kind: kind, At: m.Time}
	if item.Name == "" {
		item.Name = m.From.Name()
	}
	return item
}

// batchedAck is the acknowledgement answer would put in m's group's batch,
// for the ledger to queue with the reply in one step; nil when answer
// would do anything else.
func (s *Service) batchedAck(m bot.Message, kind, name string) *store.AckPush {
	if !s.batched(m, kind) {
		return nil
	}
	a, err := s.out.AckPush(m.Group, ackItem(m, kind, name))
	if err != nil {
		return nil // answer tries, and logs
	}
	return &a
}

// AckMessage renders a group's acknowledgement batch; the outbox calls it
// when the batch goes. One item in each mode is a personal answer; more
// items, or batch mode, name who was heard and give the day's count.
func (s *Service) AckMessage(ctx context.Context, group string, items []bot.AckItem) bot.Outgoing {
	if len(items) == 1 && s.cfg.Ack.Mode != config.AckBatch {
		return bot.Outgoing{Mention: items[0].Mention, Text: ackText(items[0].Kind)}
	}
	var names []string
	seen := map[string]bool{}
	for _, it := range items {
		if it.Name != "" && !seen[it.Name] {
			seen[it.Name] = true
			names = append(names, it.Name)
		}
	}
	var b strings.Builder
	b.WriteString("【报平安接龙】收到 ")
	if len(names) > ackNames {
		fmt.Fprintf(&b, "%s等 %d 位", strings.Join(names[:ackNames], "、"), len(names))
	} else {
		b.WriteString(strings.Join(names, "、"))
	}
	b.WriteString("的回复，谢谢大家！")
	if heard, total, ok := s.groupCount(ctx, group); ok {
		fmt.Fprintf(&b, "\n今天已有 %d/%d 位报平安。", heard, total)
	}
	return bot.Outgoing{Text: b.String()}
}

// groupCount is how many of the group's elders were heard in today's
// round, of how many; ok is false when no round is open today.
func (s *Service) groupCount(ctx context.Context, group string) (heard, total int, ok bool) {
	now := s.now()
	r := s.openRound(ctx, now)
	if r == nil || !sameDay(r.Opened.In(s.cfg.Location), now) {
		return 0, 0, false
	}
	branch := s.groupBranch(group)
	x := s.idx()
	counts, err := s.roundCounts(ctx, r.ID, x)
	if err != nil {
		s.log.Error("read round coverage", "round", r.ID, "err", err)
		return 0, 0, false
	}
	for _, b := range x.branches {
		if branch == "" || b == branch {
			total += len(x.byBranch[b])
			heard += min(counts[b], len(x.byBranch[b]))
		}
	}
	return heard, total, true
}

// backlogText is the outbox's state for an admin's /状态 when anything
// waits; "" when nothing does.
func (s *Service) backlogText(ctx context.Context) string {
	b, err := s.out.Backlog(ctx)
	if err != nil && b.Local == 0 {
		return "发送队列：无法读取（" + storeDownWords + "）"
	}
	if b.Total() == 0 {
		return ""
	}
	var parts []string
	for _, l := range bot.Lanes {
		parts = append(parts, fmt.Sprintf("%s %d", l.Label(), b.Depth[l]))
	}
	text := "发送队列：" + strings.Join(parts, "，")
	if b.Local > 0 {
		text += fmt.Sprintf("；存储故障期间待发紧急 %d 条", b.Local)
	}
	if b.PerMinute > 0 {
		mins := (b.Total() + int64(b.PerMinute) - 1) / int64(b.PerMinute)
		text += fmt.Sprintf("（按每分钟 %d 条约需 %d 分钟发完；紧急消息总是先发）", b.PerMinute, mins)
	}
	return text
}

// storeDownWords says, for staff, that the store cannot be reached.
const storeDownWords = "数据库暂时连不上"
