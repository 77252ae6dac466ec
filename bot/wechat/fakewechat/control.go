package fakewechat

import (
	"context"
	"fmt"
	"html"
	"strconv"
	"time"
)

// AddFriend adds a friend of the bot account with the remark name (备注) the
// account gave them, and returns the person's key.
func (s *Server) AddFriend(nick, remark string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addPerson(nick, remark, true)
}

// AddStranger adds someone who is not the account's friend (they can still
// write to it, e.g. from a group), and returns their key.
func (s *Server) AddStranger(nick string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addPerson(nick, "", false)
}

func (s *Server) addPerson(nick, remark string, friend bool) string {
	p := &person{key: "p" + strconv.Itoa(len(s.people)+1), nick: nick, remark: remark, friend: friend}
	s.people = append(s.people, p)
	return p.key
}

// AddGroup adds a group the account is in. saved says whether it is saved
// to contacts (保存到通讯录): only saved groups are listed by webwxgetcontact.
func (s *Server) AddGroup(name string, saved bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.groups = append(s.groups, &group{key: "g" + strconv.Itoa(len(s.groups)+1), name: name, saved: saved})
}

// AddMember puts the person with this key into the group with a group
// display name (群昵称, may be empty).
func (s *Server) AddMember(groupName, key, display string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.mustGroup(groupName)
	for _, p := range s.people {
		if p.key == key {
			g.members = append(g.members, &membership{p: p, display: display})
			return
		}
	}
	panic("fakewechat: no person " + key)
}

// AddGroupMember creates a non-friend with this nickname in the group and
// returns their key.
func (s *Server) AddGroupMember(groupName, nick, display string) string {
	key := s.AddStranger(nick)
	s.AddMember(groupName, key, display)
	return key
}

func (s *Server) mustGroup(name string) *group {
	g := s.findGroup(name)
	if g == nil {
		panic("fakewechat: no group " + name)
	}
	return g
}

// SetAutoConfirm makes every QR login succeed without ScanAndConfirm.
func (s *Server) SetAutoConfirm(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.autoConfirm = on
	if on {
		for _, p := range s.pending {
			p.scanned, p.confirmed = true, true
		}
	}
	s.broadcast()
}

// SetPushLogin says whether push login (confirm on the phone) is offered,
// and whether the phone confirms it at once.
func (s *Server) SetPushLogin(allowed, confirm bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pushAllowed, s.pushConfirm = allowed, confirm
}

// ScanAndConfirm waits for a QR login to be pending, then scans and
// confirms the newest one as the account owner would on the phone.
func (s *Server) ScanAndConfirm(ctx context.Context) error {
	for {
		s.mu.Lock()
		var newest *pendingLogin
		for _, p := range s.pending {
			if !p.push && !p.confirmed && !p.used && (newest == nil || p.n > newest.n) {
				newest = p
			}
		}
		if newest != nil {
			newest.scanned, newest.confirmed = true, true
			s.broadcast()
			s.mu.Unlock()
			return nil
		}
		ch := s.changed
		s.mu.Unlock()
		select {
		case <-ctx.Done():
			return fmt.Errorf("fakewechat: no QR login pending: %w", ctx.Err())
		case <-ch:
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// ForceLogout ends the current session: the next synccheck answers retcode
// code (1101 "failed login check", 1102 "cookie invalid", ...), and the old
// skey is refused from then on, so a hot login from it fails.
func (s *Server) ForceLogout(code int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sess != nil {
		s.sess.alive = false
		s.sess.code = code
	}
	s.broadcast()
}

// Throttle answers the next n sends with Ret 1205 (operate too often).
func (s *Server) Throttle(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.throttle = n
}

// Sent returns every message the bot sent, in order.
func (s *Server) Sent() []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Sent(nil), s.sent...)
}

// Uploads returns every file the bot uploaded.
func (s *Server) Uploads() []Upload {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Upload(nil), s.uploads...)
}

// WaitSent waits until at least n messages were sent and returns them.
func (s *Server) WaitSent(ctx context.Context, n int) ([]Sent, error) {
	for {
		s.mu.Lock()
		if len(s.sent) >= n {
			out := append([]Sent(nil), s.sent...)
			s.mu.Unlock()
			return out, nil
		}
		ch := s.changed
		got := len(s.sent)
		s.mu.Unlock()
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("fakewechat: %d of %d messages sent: %w", got, n, ctx.Err())
		case <-ch:
		}
	}
}

// Stats returns the login counters.
func (s *Server) Stats() Stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stats
}

// LoggedIn reports whether a session is alive.
func (s *Server) LoggedIn() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sess != nil && s.sess.alive
}

// wireMsg is a message as webwxsync returns it in AddMsgList.
type wireMsg struct {
	MsgId        string
	NewMsgId     int64
	MsgType      int
	FromUserName string
	ToUserName   string
	Content      string
	CreateTime   int64
	Status       int
	ImgStatus    int
	VoiceLength  int
	Url          string
	FileName     string
	FileSize     string
	MediaId      string
	AppMsgType   int
	// Refs to resolve session ids at delivery time (ids change per login).
	group  *group
	from   *person
	prefix bool
	self   bool // sent by the account itself (from the phone)
}

// pushGroup queues a message from a member in a group. The content is sent
// as WeChat does: "@<member id>:<br/>" then the HTML-escaped body.
func (s *Server) pushGroup(groupName, member string, typ int, body string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := s.mustGroup(groupName)
	var from *person
	if member != "" {
		m := g.member(member)
		if m == nil {
			panic("fakewechat: no member " + member + " in " + groupName)
		}
		from = m.p
	}
	return s.queue(wireMsg{MsgType: typ, Content: body, group: g, from: from, prefix: from != nil})
}

func (s *Server) queue(m wireMsg) string {
	s.nextID++
	m.MsgId = strconv.FormatInt(s.nextID, 10)
	m.NewMsgId = s.nextID
	m.CreateTime = time.Now().Unix()
	m.Status = 3
	s.seq++
	s.log = append(s.log, logged{seq: s.seq, msg: m})
	s.broadcast()
	return m.MsgId
}

// PushGroupText queues a text from the group member with this display name
// (or nickname, when they set no display name) and returns its MsgId.
func (s *Server) PushGroupText(groupName, member, text string) string {
	return s.pushGroup(groupName, member, 1, html.EscapeString(text))
}

// PushGroupSticker queues a custom sticker (MsgType 47).
func (s *Server) PushGroupSticker(groupName, member string) string {
	return s.pushGroup(groupName, member, 47,
		html.EscapeString(`<msg><emoji fromusername="x" tousername="y" type="2" md5="2d1c6b6e4f" len="1024" cdnurl="http://emoji.qpic.cn/x/0"/></msg>`))
}

// PushGroupVoice queues a voice note (MsgType 34).
func (s *Server) PushGroupVoice(groupName, member string) string {
	return s.pushGroup(groupName, member, 34,
		html.EscapeString(`<msg><voicemsg endflag="1" length="3200" voicelength="3000" clientmsgid="c" fromusername="x" /></msg>`))
}

// PushGroupImage queues a picture (MsgType 3).
func (s *Server) PushGroupImage(groupName, member string) string {
	return s.pushGroup(groupName, member, 3,
		html.EscapeString(`<msg><img length="52012" hdlength="0" md5="9ad1" /></msg>`))
}

// PushGroupSystem queues a system message (MsgType 10000) in the group,
// e.g. `"张三"邀请"李四"加入了群聊`.
func (s *Server) PushGroupSystem(groupName, text string) string {
	return s.pushGroup(groupName, "", 10000, html.EscapeString(text))
}

// RenameMember changes a member's group display name and queues the
// system message that announces it.
func (s *Server) RenameMember(groupName, member, newDisplay string) string {
	s.mu.Lock()
	g := s.mustGroup(groupName)
	m := g.member(member)
	if m == nil {
		s.mu.Unlock()
		panic("fakewechat: no member " + member)
	}
	m.display = newDisplay
	s.mu.Unlock()
	return s.PushGroupSystem(groupName, fmt.Sprintf("\"%s\"修改群昵称为\"%s\"", member, newDisplay))
}

// JoinMember adds a new non-friend member to the group and queues the
// join system message; it returns the person's key.
func (s *Server) JoinMember(groupName, nick, display string) string {
	key := s.AddGroupMember(groupName, nick, display)
	s.PushGroupSystem(groupName, fmt.Sprintf("\"%s\"邀请\"%s\"加入了群聊", "管理员", nick))
	return key
}

// Revoke queues the notice that a member took back the message with msgID
// (MsgType 10002).
func (s *Server) Revoke(groupName, member, msgID string) string {
	body := fmt.Sprintf(`<sysmsg type="revokemsg"><revokemsg><session>x</session><oldmsgid>1</oldmsgid><msgid>%s</msgid><replacemsg><![CDATA["%s" 撤回了一条消息]]></replacemsg></revokemsg></sysmsg>`, msgID, member)
	return s.pushGroup(groupName, member, 10002, html.EscapeString(body))
}

// PushPrivateText queues a private text from the friend with this remark.
func (s *Server) PushPrivateText(fromRemark, text string) string {
	s.mu.Lock()
	var from *person
	for _, p := range s.people {
		if p.friend && p.remark == fromRemark {
			from = p
		}
	}
	s.mu.Unlock()
	if from == nil {
		panic("fakewechat: no friend with remark " + fromRemark)
	}
	return s.PushPrivateTextFrom(from.key, text)
}

// PushPrivateTextFrom queues a private text from the person with this key
// (a friend or a stranger).
func (s *Server) PushPrivateTextFrom(key, text string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.people {
		if p.key == key {
			return s.queue(wireMsg{MsgType: 1, Content: html.EscapeString(text), from: p})
		}
	}
	panic("fakewechat: no person " + key)
}

// Redeliver queues the message with this MsgId again, same id and content,
// as a replay after a hot login would.
func (s *Server) Redeliver(msgID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, l := range s.log {
		if l.msg.MsgId == msgID {
			s.seq++
			s.log = append(s.log, logged{seq: s.seq, msg: l.msg})
			s.broadcast()
			return
		}
	}
	panic("fakewechat: no message " + msgID)
}

// ConfirmPush confirms every pending push login, as the owner tapping
// "log in" on the phone would.
func (s *Server) ConfirmPush() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.pending {
		if p.push {
			p.scanned, p.confirmed = true, true
		}
	}
	s.broadcast()
}

// PendingPush reports whether a push login waits for the phone.
func (s *Server) PendingPush() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.pending {
		if p.push && !p.confirmed && !p.used {
			return true
		}
	}
	return false
}

// PushSelfText queues a text the account itself sent to the group (from
// the phone); WeChat syncs these back to the web client.
func (s *Server) PushSelfText(groupName, text string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.queue(wireMsg{MsgType: 1, Content: html.EscapeString(text), group: s.mustGroup(groupName), self: true})
}

// RenameGroup renames the group and queues the system message about it.
func (s *Server) RenameGroup(oldName, newName string) string {
	s.mu.Lock()
	s.mustGroup(oldName).name = newName
	s.mu.Unlock()
	return s.PushGroupSystem(newName, fmt.Sprintf("\"管理员\"修改群名为\"%s\"", newName))
}

// PushPrivateFile queues a file (附件, MsgType 49, AppMsgType 6) sent
// privately by the friend with this remark; the bot fetches it from
// webwxgetmedia.
func (s *Server) PushPrivateFile(fromRemark, fileName string, data []byte) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.people {
		if p.friend && p.remark == fromRemark {
			s.mediaSeq++
			id := "media" + strconv.Itoa(s.mediaSeq)
			if s.media == nil {
				s.media = map[string][]byte{}
			}
			s.media[id] = append([]byte(nil), data...)
			content := html.EscapeString("<msg><appmsg><title>" + fileName + "</title><type>6</type><appattach><totallen>" +
				strconv.Itoa(len(data)) + "</totallen></appattach></appmsg></msg>")
			return s.queue(wireMsg{MsgType: 49, AppMsgType: 6, FileName: fileName, FileSize: strconv.Itoa(len(data)), MediaId: id,
				Content: content, from: p})
		}
	}
	panic("fakewechat: no friend with remark " + fromRemark)
}
