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

// Chinese replies the bot gives in groups and to strangers. Group replies
// never carry health details or names.
const (
	ackWell      = "收到，祝您安康！"
	ackUnwell    = "收到，已转告联络员，请多保重。"
	ackAid       = "收到，已转告工作人员，会尽快与您联系。"
	ackUrgent    = "已紧急通知工作人员！如情况危急，请立即拨打 120。"
	ackSign      = "收到，祝您安康！"
	refuseText   = "您好，这里是退管办报平安助手，只接受工作人员的指令。如需帮助，请在群里留言或直接联系您的联络员。"
	tooLongText  = "消息太长，无法处理，请分几条发送。"
	unknownCmd   = "没有这个指令。发送 /帮助 查看可用指令。"
	internalFail = "系统暂时出错，请稍后再试；如紧急请直接电话联系。"
)

// ErrStore wraps a failure of the store while handling a message: the
// message was not applied and should be kept and handled again later.
var ErrStore = errors.New("store unavailable")

// Handle is the bot.Handler for every inbound message; a message the store
// could not take is logged (App spools it through Process instead).
func (s *Service) Handle(ctx context.Context, m bot.Message) {
	if err := s.Process(ctx, m); err != nil {
		s.log.Error("message not applied", "msg", m.ID, "err", err)
	}
}

// Process handles one inbound message. An error wrapping ErrStore means
// nothing was applied and the message should be handled again when the
// store is back; handling it again is safe (messages are deduplicated).
//
// Staff drive the bot with commands in private chat. Everyone else — in a
// configured group, in a group the config does not know, or in private
// chat — is read as an elder or a family member: a cry for help is never
// refused or dropped for who sent it or where.
func (s *Service) Process(ctx context.Context, m bot.Message) error {
	if m.From.Self {
		return nil
	}
	if m.Private() {
		if staff, ok := s.cfg.StaffByRemark(m.From.Remark); ok {
			return s.handleStaff(ctx, m, staff)
		}
		return s.handleElderPrivate(ctx, m)
	}
	if !s.knownGroup(m.Group) {
		return s.handleUnknownGroup(ctx, m)
	}
	return s.handleReply(ctx, m)
}

func storeErr(what string, err error) error {
	return fmt.Errorf("%s: %w: %w", what, ErrStore, err)
}

func (s *Service) knownGroup(name string) bool {
	_, ok := s.branchOf[name]
	return ok
}

// handleStaff answers a staff member's command.
func (s *Service) handleStaff(ctx context.Context, m bot.Message, staff config.Staff) error {
	if m.Kind != bot.KindText && m.Kind != bot.KindFile {
		return nil
	}
	reply := func(text string) {
		if text != "" {
			s.send(ctx, bot.Outgoing{To: m.From.Remark, Text: text, Lane: bot.LaneStaff})
		}
	}
	if fresh, err := s.st.MarkSeen(ctx, m.ID); err != nil {
		return storeErr("dedupe", err)
	} else if !fresh {
		return nil // delivered twice
	}
	if m.Kind == bot.KindFile {
		reply(s.receiveFile(ctx, m, staff))
		return nil
	}
	if m.Oversized {
		reply(tooLongText)
		return nil
	}
	cmd, args, rest, isCmd := s.mux.Match(m.Text)
	switch {
	case !isCmd:
		reply("您好，" + staff.Name + "。发送 /帮助 查看可用指令。")
	case cmd == nil:
		reply(unknownCmd)
	case cmd.Admin && staff.Role != config.RoleAdmin:
		reply("这个指令只有管理员可以使用。")
	default:
		reply(cmd.Fn(ctx, bot.Request{Msg: m, Name: cmd.Name, Args: args, Rest: rest}))
	}
	return nil
}

// handleElderPrivate reads a private message from someone not on the
// staff like a group reply; only a command is refused.
func (s *Service) handleElderPrivate(ctx context.Context, m bot.Message) error {
	if m.Kind == bot.KindText {
		if _, _, _, isCmd := s.mux.Match(m.Text); isCmd {
			s.refuse(ctx, m)
			return nil
		}
	}
	return s.handleReply(ctx, m)
}

// refuse answers a command from someone not on the staff, once a day.
func (s *Service) refuse(ctx context.Context, m bot.Message) {
	s.log.Info("refused a command from someone not on the staff", "nick", m.From.NickName, "remark", m.From.Remark)
	// Only a friend with a remark can be answered: a nickname may be a
	// copy of a staff member's remark and would reach the wrong person.
	// One refusal a day each, so that nobody can fill the paced outbox.
	if m.From.Remark == "" {
		return
	}
	if first, err := s.st.Once(ctx, "refuse:"+m.From.Remark+":"+s.now().Format("20060102"), 25*time.Hour); err != nil || first {
		s.send(ctx, bot.Outgoing{To: m.From.Remark, Text: refuseText, Lane: bot.LaneStaff})
	}
}

// nickKey is how a group nickname is matched and kept: normalised, or as
// written when nothing is left after normalising (a nickname of emoji only).
func nickKey(nick string) string {
	if n := parse.Normalize(nick); n != "" {
		return n
	}
	return strings.TrimSpace(nick)
}

// kinWords mark a nickname as a relative's or a carer's ("张建国女儿").
var kinWords = []string{"女儿", "儿子", "儿媳", "女婿", "孙", "老伴", "爱人", "妻子", "丈夫", "家属", "家人", "保姆", "护工", "侄", "外甥", "媳妇", "闺女", "子女"}

func hasKinWord(nick string) bool {
	n := parse.Normalize(nick)
	for _, w := range kinWords {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// notify sends text privately to the elder's liaison, and to every admin
// when admins is true, each person once.
func (s *Service) notify(ctx context.Context, e store.Elder, admins bool, text string) {
	var recipients []config.Staff
	if l, ok := s.liaisonOf(e); ok {
		recipients = append(recipients, l)
	}
	if admins {
		recipients = append(recipients, s.cfg.Admins()...)
	}
	s.sendEach(ctx, recipients, "", text)
}

// openRound returns the latest round opened by t, or nil; the store counts
// a contact for it only inside its window.
func (s *Service) openRound(ctx context.Context, t time.Time) *store.Round {
	r, err := s.st.LatestRound(ctx, t)
	if err != nil {
		if !errors.Is(err, store.ErrNotFound) {
			s.log.Error("read round", "err", err)
		}
		return nil
	}
	return &r
}

func contactFromReply(r parse.Reply) store.Contact {
	return store.Contact{Health: r.Health, Doses: r.Doses, Test: r.Test, Needs: append([]parse.Need(nil), r.Needs...)}
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func detailSuffix(d string) string {
	if d == "" {
		return ""
	}
	return "（" + d + "）"
}
