package handlers

import (
	"context"
	"fmt"
	"strings"

	"pingan/bot"
	"pingan/handlers/parse"
	"pingan/store"
)

// Replies: what an elder or a family member writes — in a configured
// group or in private chat — goes into the ledger for the elder it is
// about, and staff hear at once what they must act on.

// sender is whom a message is about, as far as everything known tells.
type sender struct {
	elder store.Elder
	ok    bool // one elder fits
	proxy bool // someone else wrote for the elder
	// own is set when the message came from the elder's own account
	// (their name, alias or binding), whoever typed it.
	own bool
	// candidates are the elders it may be about when several fit
	// (namesakes, or a text naming two people): nobody is guessed.
	candidates []store.Elder
}

// handleReply reads one reply into the ledger in two round trips to
// Redis: one reads the sender's bindings, the round and the status of the
// elder the roster says it is about (store.Lookup), the other writes.
func (s *Service) handleReply(ctx context.Context, m bot.Message) error {
	c, r, ok := s.readReply(ctx, m)
	if !ok {
		return nil
	}
	nicks := senderKeys(m)
	who := s.identify(m, r, nicks, nil) // as if nobody were bound
	guess := ""
	if who.ok {
		guess = who.elder.ID
	}
	l, err := s.st.Lookup(ctx, nicks, c.At, guess)
	if err != nil {
		return storeErr("look up reply", err)
	}
	for _, id := range l.Bound {
		if id != "" { // a liaison bound one of the nicknames: that comes first
			who = s.identify(m, r, nicks, l.Bound)
			break
		}
	}
	if !who.ok {
		return s.keepUnmatched(ctx, m, c, r, who.candidates)
	}
	if who.proxy && c.Source == store.SourceReply {
		c.Source = store.SourceFamily
	}
	// A plain acknowledgement is queued with the contact, in one step.
	kind := s.replyKind(m, who, r)
	ack := s.batchedAck(m, kind, who.elder.Name)
	if err := s.st.RecordLooked(ctx, l, who.elder, c, ack); err != nil {
		if store.IsDuplicate(err) {
			return nil
		}
		return storeErr("record contact of "+who.elder.ID, err)
	}
	if ack != nil {
		s.out.Wake()
	}
	s.afterContact(ctx, m, who, c, r, kind, ack != nil)
	return nil
}

// readReply parses m into a contact; ok is false for chatter, greetings
// and forwards, which change nothing.
func (s *Service) readReply(ctx context.Context, m bot.Message) (store.Contact, parse.Reply, bool) {
	var c store.Contact
	var r parse.Reply
	switch m.Kind {
	case bot.KindText:
		r = parse.Parse(strings.Replace(m.Text, bot.OmittedMark, "\n", 1)) // a long text: its head and tail
		if r.Intent == parse.IntentOther {
			if !m.Private() {
				s.rumourHint(ctx, m)
			}
			return c, r, false
		}
		c = contactFromReply(r)
		c.Source = store.SourceReply
	case bot.KindSticker, bot.KindVoice:
		c = store.Contact{Health: parse.HealthUnknown, Doses: -1, Test: parse.TestUnknown, Flag: true, Source: store.SourceSticker}
		if m.Kind == bot.KindVoice {
			c.Source = store.SourceVoice
		}
		r = parse.Reply{Intent: parse.IntentCheckin, Health: parse.HealthUnknown}
	default:
		return c, r, false
	}
	c.At, c.By, c.Group, c.Text, c.MsgID = m.Time, m.From.Name(), m.Group, m.Text, m.ID
	if c.At.IsZero() {
		c.At = s.now()
	}
	return c, r, true
}

// senderNames are the names a sender is known by: in a group their group
// nickname and WeChat nickname; in private chat only the remark the bot's
// account gave them (a nickname can be copied by anyone).
func senderNames(m bot.Message) []string {
	if m.Private() {
		return []string{m.From.Remark}
	}
	return []string{m.From.DisplayName, m.From.NickName}
}

// senderKeys are the sender's names (senderNames) as they are matched and
// bound (nickKey), in the same order; "" for a name that leaves nothing.
func senderKeys(m bot.Message) []string {
	names := senderNames(m)
	out := make([]string, len(names))
	for i, nick := range names {
		out[i] = nickKey(nick)
	}
	return out
}

// identifyStored is identify with the bindings read from the store.
func (s *Service) identifyStored(ctx context.Context, m bot.Message, r parse.Reply) (sender, error) {
	nicks := senderKeys(m)
	l, err := s.st.Lookup(ctx, nicks, s.now(), "")
	if err != nil {
		return sender{}, storeErr("resolve sender", err)
	}
	return s.identify(m, r, nicks, l.Bound), nil
}

// identify finds whom a message is about: the sender by binding, id, name
// or alias — among namesakes the one of the group's branch; for a family
// writer, the elder named in the text or in the writer's own nickname.
// nicks are senderKeys(m), and bound the elder ids they are bound to (""
// or nil for none). It reads only the roster in memory.
func (s *Service) identify(m bot.Message, r parse.Reply, nicks, bound []string) sender {
	x := s.idx()
	branch := s.groupBranch(m.Group)
	var amb []store.Elder
	consider := func(c []store.Elder) (store.Elder, bool) {
		switch len(c) {
		case 1:
			return c[0], true
		case 0:
		default:
			if amb == nil {
				amb = c
			}
		}
		return store.Elder{}, false
	}
	own := func(e store.Elder) sender {
		if !r.Proxy {
			return sender{elder: e, ok: true, own: true}
		}
		// The elder's own account, written about them or about another elder.
		if other, ok := consider(inBranch(x.namedIn(parse.Normalize(m.Text)), branch)); ok && other.ID != e.ID {
			return sender{elder: other, ok: true, proxy: true}
		}
		return sender{elder: e, ok: true, proxy: true, own: true}
	}
	for i, nick := range senderNames(m) {
		n := nicks[i]
		if n == "" {
			continue
		}
		// A binding, or a name or alias of one elder only.
		if i < len(bound) && bound[i] != "" {
			if e, ok := x.elders[bound[i]]; ok {
				return own(e)
			}
		}
		if ids := x.byName[n]; len(ids) == 1 {
			return own(x.elders[ids[0]])
		}
		if m.Private() {
			if e, ok := s.byID(nick); ok {
				return own(e)
			}
		}
		if e, ok := consider(inBranch(x.named(n), branch)); ok {
			return own(e)
		}
	}
	// Not a known sender: a family member writing about an elder they
	// name, or whose name their own nickname carries ("张建国女儿").
	if r.Proxy {
		if e, ok := consider(inBranch(x.namedIn(parse.Normalize(m.Text)), branch)); ok {
			return sender{elder: e, ok: true, proxy: true}
		}
	}
	for _, nick := range senderNames(m) {
		if e, ok := consider(inBranch(x.namedIn(parse.Normalize(nick)), branch)); ok {
			// "张建国女儿" is family; "张建国（一支部）" is the elder.
			kin := r.Proxy || hasKinWord(nick)
			return sender{elder: e, ok: true, proxy: kin, own: !kin}
		}
	}
	return sender{candidates: amb}
}

// keepUnmatched stores a reply from a sender the roster does not know (or
// who fits several elders) until a liaison binds it; an emergency or a
// request for help opens a numbered case all the same.
func (s *Service) keepUnmatched(ctx context.Context, m bot.Message, c store.Contact, r parse.Reply, candidates []store.Elder) error {
	nick := ""
	for _, n := range senderNames(m) {
		if nick = nickKey(n); nick != "" {
			break
		}
	}
	if nick == "" && m.Private() {
		nick = nickKey(m.From.NickName)
	}
	if nick == "" {
		s.log.Warn("message with no usable sender name", "group", m.Group)
		nick = "无名成员"
	}
	if err := s.st.AddUnmatched(ctx, nick, c); err != nil {
		if store.IsDuplicate(err) {
			return nil
		}
		return storeErr("keep unmatched reply", err)
	}
	kind := answerKind(r)
	if kind != "" {
		s.onUrgentUnmatched(ctx, m, candidates, r) // an alarm, or a reading to confirm
	}
	if r.Intent == parse.IntentAid {
		s.onAidUnmatched(ctx, m, c, r, candidates)
		if kind == "" {
			kind = ackKindAid
		}
	}
	s.answer(ctx, m, kind, m.From.Name())
	return nil
}

// onAidUnmatched opens a numbered request for a sender the roster does not
// know: the admins own it (and every candidate's liaison), with the same
// reminders as any other.
func (s *Service) onAidUnmatched(ctx context.Context, m bot.Message, c store.Contact, r parse.Reply, candidates []store.Elder) {
	e := unknownElder(m.From.Name(), candidates)
	req := store.AidRequest{ElderID: e.ID, ElderName: e.Name, Candidates: ids(candidates), Needs: c.Needs, Detail: r.Detail,
		Texts: []string{m.Text}, AskedBy: m.From.Name(), AskedAs: store.AskedByElder, Group: m.Group, Opened: c.At.In(s.cfg.Location)}
	if _, _, err := s.OpenAid(ctx, req, e, ""); err != nil {
		s.log.Error("open aid request", "sender", m.From.Name(), "err", err)
		s.sendEach(ctx, s.aidRecipients(e, candidates), "", fmt.Sprintf("【求助】%s %s说：%s\n（系统未能登记编号，请人工跟进）",
			e.Name, s.where(m.Group), m.Text))
	}
}

// replyKind is how the writer of a reply about who is answered (ackText).
func (s *Service) replyKind(m bot.Message, who sender, r parse.Reply) string {
	switch {
	case alertLevel(r) == parse.AlertAlarm, alertLevel(r) == parse.AlertConfirm:
		return answerKind(r)
	case r.Intent == parse.IntentAid:
		return ackKindAid
	case r.Health == parse.HealthUnwell:
		if _, ok := s.liaisonOf(who.elder); !ok {
			return ackKindUnwellUntold
		}
		if who.proxy {
			return ackKindUnwellFamily
		}
		return ackKindUnwell
	case m.Kind != bot.KindText:
		return ackKindSign
	}
	return answerKind(r)
}

// afterContact tells staff what they must know now, then answers the
// writer with kind (replyKind) unless answered is set (the acknowledgement
// was queued with the contact).
func (s *Service) afterContact(ctx context.Context, m bot.Message, who sender, c store.Contact, r parse.Reply, kind string, answered bool) {
	e := who.elder
	if m.Kind == bot.KindText {
		defer s.offerAway(ctx, e, m.Text)
	}
	label := e.Name
	switch {
	case who.proxy && who.own:
		label += "（本人微信，家人代写）"
	case who.proxy:
		label += "（家属「" + m.From.Name() + "」代报）"
	}
	switch {
	case alertLevel(r) == parse.AlertAlarm:
		s.onUrgent(ctx, m, e, label, r)
	case alertLevel(r) == parse.AlertConfirm:
		s.onConfirm(ctx, m, e, label, r)
		if r.Intent == parse.IntentAid {
			s.onAid(ctx, m, e, label, c, r)
		}
	case r.Intent == parse.IntentAid:
		s.onAid(ctx, m, e, label, c, r)
	case r.Health == parse.HealthUnwell && kind != ackKindUnwellUntold:
		s.notify(ctx, e, false, fmt.Sprintf("【身体不适】%s：%s\n电话：%s，请及时关心。", label, m.Text, orDash(e.Phone)))
	}
	if !answered {
		s.answer(ctx, m, kind, e.Name)
	}
}
