package handlers

import (
	"context"
	"fmt"
	"time"

	"pingan/bot"
	"pingan/handlers/parse"
)

// A group the config does not know — renamed, or new — is still read: an
// emergency or a request for help in it reaches the admins (and the
// elder's liaison when the sender is known) with a number, naming the
// group. Other messages there change nothing. The admins are told once a
// day that the group exists and how to add it.
func (s *Service) handleUnknownGroup(ctx context.Context, m bot.Message) error {
	s.noteUnknownGroup(ctx, m.Group)
	if m.Kind != bot.KindText {
		return nil
	}
	r := parse.Parse(m.Text)
	if alertLevel(r) == parse.AlertNone && r.Intent != parse.IntentAid {
		return nil
	}
	if fresh, err := s.st.MarkSeen(ctx, m.ID); err != nil {
		return storeErr("dedupe", err)
	} else if !fresh {
		return nil
	}
	c, _, _ := s.readReply(ctx, m)
	who, err := s.identifyStored(ctx, m, r)
	if err != nil {
		return err
	}
	kind := answerKind(r)
	switch {
	case kind != "" && who.ok:
		s.raise(ctx, m, who.elder, nil, who.elder.Name, r, alertLevel(r) == parse.AlertConfirm)
	case kind != "":
		s.onUrgentUnmatched(ctx, m, who.candidates, r)
	case who.ok:
		s.onAid(ctx, m, who.elder, who.elder.Name, c, r)
		kind = ackKindAid
	default:
		s.onAidUnmatched(ctx, m, c, r, who.candidates)
		kind = ackKindAid
	}
	s.answer(ctx, m, kind, m.From.Name())
	return nil
}

// noteUnknownGroup tells the admins, once a day per group, that the bot
// reads a group the config does not list.
func (s *Service) noteUnknownGroup(ctx context.Context, group string) {
	day := s.now().Format("20060102")
	first, err := s.st.Once(ctx, "unknown-group:"+group+":"+day, 25*time.Hour)
	if err != nil || !first {
		return
	}
	s.log.Warn("a message came from a group not in the config", "group", group)
	text := fmt.Sprintf("【系统提示】机器人所在的群「%s」不在配置里（群改了名，或是新群）。这个群里的紧急情况和求助仍会转给管理员，其他回复不记入台账。\n如要纳入报平安，请在配置文件的 groups 里加上：\n  - {name: %s, branch: 支部名}\n然后重启机器人。",
		group, group)
	for _, a := range s.cfg.Admins() {
		s.send(ctx, toStaff(a, text))
	}
}
