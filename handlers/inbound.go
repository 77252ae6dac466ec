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
func (s *Service) Process(ctx context.Context, m bot.Message) error {
	if m.From.Self {
		return nil
	}
	if m.Private() {
		return s.handlePrivate(ctx, m)
	}
	if !s.knownGroup(m.Group) {
		s.log.Debug("message from a group not in the config", "group", m.Group)
		return nil
	}
	return s.handleGroup(ctx, m)
}

func storeErr(what string, err error) error {
	return fmt.Errorf("%s: %w: %w", what, ErrStore, err)
}

func (s *Service) knownGroup(name string) bool {
	for _, g := range s.cfg.Groups {
		if g.Name == name {
			return true
		}
	}
	return false
}

// handlePrivate answers staff commands; anyone else gets one short refusal.
func (s *Service) handlePrivate(ctx context.Context, m bot.Message) error {
	if m.Kind != bot.KindText {
		return nil
	}
	staff, ok := s.cfg.StaffByRemark(m.From.Remark)
	reply := func(text string) {
		if text != "" {
			s.send(ctx, bot.Outgoing{To: m.From.Remark, Text: text})
		}
	}
	if !ok {
		s.log.Info("refused a private message from someone not on the staff", "nick", m.From.NickName, "remark", m.From.Remark)
		// Only a friend with a remark can be answered: a nickname may be a
		// copy of a staff member's remark and would reach the wrong person.
		// One refusal a day each, so that nobody can fill the paced outbox.
		if m.From.Remark != "" {
			if first, err := s.st.Once(ctx, "refuse:"+m.From.Remark+":"+s.now().Format("20060102"), 25*time.Hour); err != nil || first {
				s.send(ctx, bot.Outgoing{To: m.From.Remark, Text: refuseText})
			}
		}
		return nil
	}
	if fresh, err := s.st.MarkSeen(ctx, m.ID); err != nil {
		return storeErr("dedupe", err)
	} else if !fresh {
		return nil // delivered twice
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

// handleGroup reads a message in an elders' group into the ledger.
func (s *Service) handleGroup(ctx context.Context, m bot.Message) error {
	if m.Oversized {
		s.log.Info("ignored an oversized group message", "group", m.Group, "bytes", len(m.Text))
		return nil
	}
	var c store.Contact
	var r parse.Reply
	switch m.Kind {
	case bot.KindText:
		r = parse.Parse(m.Text)
		if r.Intent == parse.IntentOther {
			s.rumourHint(ctx, m)
			return nil // chatter, greetings, forwards: nothing to record
		}
		c = contactFromReply(r)
		c.Source = store.SourceReply
	case bot.KindSticker, bot.KindVoice:
		c = store.Contact{Health: string(parse.HealthUnknown), Doses: -1, Test: string(parse.TestUnknown), Flag: true, Source: store.SourceSticker}
		if m.Kind == bot.KindVoice {
			c.Source = store.SourceVoice
		}
		r = parse.Reply{Intent: parse.IntentCheckin, Health: parse.HealthUnknown}
	default:
		return nil
	}
	c.At, c.By, c.Group, c.Text, c.MsgID = m.Time, m.From.Name(), m.Group, m.Text, m.ID
	if c.At.IsZero() {
		c.At = s.now()
	}
	e, proxy, ok, err := s.identify(ctx, m, r)
	if err != nil {
		return err
	}
	if !ok {
		return s.keepUnmatched(ctx, m, c, r)
	}
	if proxy && c.Source == store.SourceReply {
		c.Source = store.SourceFamily
	}
	round := s.openRound(ctx, c.At)
	if err := s.st.RecordContact(ctx, e, c, round); err != nil {
		if store.IsDuplicate(err) {
			return nil
		}
		return storeErr("record contact of "+e.ID, err)
	}
	s.afterContact(ctx, m, e, c, r)
	return nil
}

// identify finds whom a group message is about: the sender by binding or
// alias; for a family writer, the elder named in the text or in the
// writer's own nickname. proxy is true when someone else wrote for the elder.
func (s *Service) identify(ctx context.Context, m bot.Message, r parse.Reply) (e store.Elder, proxy, ok bool, err error) {
	for _, nick := range []string{m.From.DisplayName, m.From.NickName} {
		n := nickKey(nick)
		if n == "" {
			continue
		}
		id, err := s.st.Resolve(ctx, n)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return e, false, false, storeErr("resolve sender", err)
		}
		if e, ok := s.elder(id); ok {
			if r.Proxy { // the elder's own account, written by family about them or about another elder
				if other, ok := s.namedIn(parse.Normalize(m.Text)); ok && other.ID != e.ID {
					return other, true, true, nil
				}
				return e, true, true, nil
			}
			return e, false, true, nil
		}
	}
	// Not a known sender: a family member writing about an elder they name,
	// or whose name their own nickname carries ("张建国女儿").
	if e, ok := s.namedIn(parse.Normalize(m.Text)); ok && r.Proxy {
		return e, true, true, nil
	}
	for _, nick := range []string{m.From.DisplayName, m.From.NickName} {
		if e, ok := s.namedIn(parse.Normalize(nick)); ok {
			// "张建国女儿" is family; "张建国（一支部）" is the elder.
			return e, r.Proxy || hasKinWord(nick), true, nil
		}
	}
	return e, false, false, nil
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

// keepUnmatched stores a reply from an unknown sender until a liaison binds it.
func (s *Service) keepUnmatched(ctx context.Context, m bot.Message, c store.Contact, r parse.Reply) error {
	nick := nickKey(m.From.DisplayName)
	if nick == "" {
		nick = nickKey(m.From.NickName)
	}
	if nick == "" {
		s.log.Warn("group message with no usable sender name", "group", m.Group)
		return nil
	}
	if err := s.st.AddUnmatched(ctx, nick, c); err != nil {
		if store.IsDuplicate(err) {
			return nil
		}
		return storeErr("keep unmatched reply", err)
	}
	// Staff hear first; the group's answer follows.
	defer s.groupAck(ctx, m, r, m.From.Name())
	if r.Intent == parse.IntentUrgent {
		s.onUrgentUnmatched(ctx, m) // numbered, repeated until acknowledged (urgent.go)
		return nil
	}
	if r.Intent == parse.IntentAid {
		// Nobody known to alert by roster: every admin hears it at once.
		text := fmt.Sprintf("【%s·未识别成员】群「%s」里的「%s」说：%s\n该昵称还未绑定老同志，请尽快核实；绑定：/绑定 %s 老同志姓名",
			intentLabel(r.Intent), m.Group, m.From.Name(), m.Text, m.From.Name())
		for _, a := range s.cfg.Admins() {
			s.send(ctx, toStaff(a, text))
		}
	}
	return nil
}

// afterContact tells staff what they must know now, then answers in the group.
func (s *Service) afterContact(ctx context.Context, m bot.Message, e store.Elder, c store.Contact, r parse.Reply) {
	defer s.groupAck(ctx, m, r, e.Name)
	who := e.Name
	if c.Source == store.SourceFamily {
		who += "（家属「" + m.From.Name() + "」代报）"
	}
	switch {
	case r.Intent == parse.IntentUrgent:
		s.onUrgent(ctx, m, e, who, r)
	case r.Intent == parse.IntentAid:
		s.onAid(ctx, m, e, who, c, r)
	case r.Health == parse.HealthUnwell:
		s.notify(ctx, e, false, fmt.Sprintf("【身体不适】%s：%s\n电话：%s，请及时关心。", who, m.Text, orDash(e.Phone)))
	}
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
	c := store.Contact{Health: string(r.Health), Doses: r.Doses, Test: string(r.Test)}
	for _, n := range r.Needs {
		c.Needs = append(c.Needs, string(n))
	}
	return c
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
