package fakewechat

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"
)

const cgi = "/cgi-bin/mmwebwx-bin/"

type baseRequest struct {
	BaseRequest struct {
		Uin      int64
		Sid      string
		Skey     string
		DeviceID string
	}
}

type baseResponse struct {
	Ret    int
	ErrMsg string
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	s.mu.Lock()
	defer s.mu.Unlock()
	path := r.URL.Path
	switch {
	case path == "/jslogin":
		s.jslogin(w)
	case path == cgi+"login":
		s.checkLogin(w, r)
	case path == cgi+"webwxnewloginpage":
		s.newLoginPage(w, r)
	case path == cgi+"webwxinit":
		s.webInit(w, body)
	case path == cgi+"synccheck":
		s.syncCheck(w, r)
	case path == cgi+"webwxsync":
		s.webSync(w, r, body)
	case path == cgi+"webwxgetcontact":
		s.getContact(w, r)
	case path == cgi+"webwxbatchgetcontact":
		s.batchGetContact(w, body)
	case path == cgi+"webwxsendmsg", path == cgi+"webwxsendmsgimg", path == cgi+"webwxsendappmsg":
		s.sendMsg(w, body)
	case path == cgi+"webwxgetmedia":
		s.getMedia(w, r)
	case path == cgi+"webwxuploadmedia":
		s.upload(w, r)
	case path == cgi+"webwxpushloginurl":
		s.pushLogin(w, r)
	case path == cgi+"webwxlogout":
		if s.sess != nil {
			s.sess.alive, s.sess.code = false, 1101
		}
		s.broadcast()
		writeJSON(w, map[string]any{"BaseResponse": baseResponse{}})
	default: // statusnotify, oplog, ...
		writeJSON(w, map[string]any{"BaseResponse": baseResponse{}, "MsgID": "0"})
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) newUUID() string {
	s.nextID++
	return fmt.Sprintf("Q%x==", s.nextID)
}

func (s *Server) jslogin(w http.ResponseWriter) {
	s.stats.QRLogins++
	// The fake serves one client: a new QR code supersedes older ones.
	for _, p := range s.pending {
		if !p.confirmed {
			p.used = true
		}
	}
	u := s.newUUID()
	p := &pendingLogin{n: s.nextID, uuid: u}
	if s.autoConfirm {
		p.scanned, p.confirmed = true, true
	}
	s.pending[u] = p
	s.broadcast()
	fmt.Fprintf(w, `window.QRLogin.code = 200; window.QRLogin.uuid = "%s";`, u)
}

func (s *Server) checkLogin(w http.ResponseWriter, r *http.Request) {
	p := s.pending[r.URL.Query().Get("uuid")]
	if p == nil || p.used {
		fmt.Fprint(w, `window.code=400;`)
		return
	}
	deadline := time.Now().Add(s.opts.LoginHold)
	for {
		switch {
		case p.confirmed:
			fmt.Fprintf(w, "window.code=200;\nwindow.redirect_uri=\"https://wx.qq.com/cgi-bin/mmwebwx-bin/webwxnewloginpage?ticket=T%s&uuid=%s&lang=zh_CN&scan=%d\";",
				p.uuid, p.uuid, time.Now().Unix())
			return
		case p.scanned && !p.reported:
			p.reported = true
			fmt.Fprint(w, `window.code=201;window.userAvatar = 'data:img/jpg;base64,';`)
			return
		}
		left := time.Until(deadline)
		if left <= 0 || r.Context().Err() != nil {
			fmt.Fprint(w, `window.code=408;`)
			return
		}
		s.wait(r, left)
	}
}

func (s *Server) newLoginPage(w http.ResponseWriter, r *http.Request) {
	p := s.pending[r.URL.Query().Get("uuid")]
	if p == nil || !p.confirmed || p.used {
		fmt.Fprint(w, `<error><ret>1</ret><message>invalid ticket</message></error>`)
		return
	}
	p.used = true
	s.epoch++
	s.stats.NewLogins++
	s.sess = &session{
		sid:    "sid" + strconv.Itoa(s.epoch),
		skey:   "@crypt_" + s.id("skey", "")[:16],
		ticket: "pt%2B" + strconv.Itoa(s.epoch),
		alive:  true,
	}
	for _, c := range []*http.Cookie{
		{Name: "webwx_data_ticket", Value: "ticket" + strconv.Itoa(s.epoch), Domain: ".qq.com", Path: "/"},
		{Name: "wxuin", Value: strconv.FormatInt(s.uin, 10), Domain: "wx.qq.com", Path: "/"},
		{Name: "wxsid", Value: s.sess.sid, Domain: "wx.qq.com", Path: "/"},
	} {
		http.SetCookie(w, c)
	}
	s.broadcast()
	fmt.Fprintf(w, `<error><ret>0</ret><message></message><skey>%s</skey><wxsid>%s</wxsid><wxuin>%d</wxuin><pass_ticket>%s</pass_ticket><isgrayscale>1</isgrayscale></error>`,
		s.sess.skey, s.sess.sid, s.uin, s.sess.ticket)
}

// valid reports whether skey belongs to the live session, and otherwise the
// retcode to answer with.
func (s *Server) valid(skey string) (bool, int) {
	if s.sess == nil || s.sess.skey != skey {
		return false, 1101
	}
	if !s.sess.alive {
		return false, s.sess.code
	}
	return true, 0
}

func (s *Server) syncKey() map[string]any {
	return map[string]any{"Count": 1, "List": []map[string]int64{{"Key": 1, "Val": s.seq}}}
}

func (s *Server) webInit(w http.ResponseWriter, body []byte) {
	var req baseRequest
	_ = json.Unmarshal(body, &req)
	if ok, _ := s.valid(req.BaseRequest.Skey); !ok {
		writeJSON(w, map[string]any{"BaseResponse": baseResponse{Ret: 1101}})
		return
	}
	s.stats.Inits++
	writeJSON(w, map[string]any{
		"BaseResponse": baseResponse{},
		"User":         map[string]any{"UserName": s.selfName(), "NickName": s.opts.Nick, "Uin": s.uin},
		"SyncKey":      s.syncKey(),
		"ContactList":  []any{},
		"SKey":         s.sess.skey,
	})
}

func parseSyncKey(v string) int64 {
	for _, kv := range strings.Split(v, "|") {
		if k, val, ok := strings.Cut(kv, "_"); ok && k == "1" {
			n, _ := strconv.ParseInt(val, 10, 64)
			return n
		}
	}
	return 0
}

func (s *Server) syncCheck(w http.ResponseWriter, r *http.Request) {
	s.stats.SyncChecks++
	q := r.URL.Query()
	have := parseSyncKey(q.Get("synckey"))
	deadline := time.Now().Add(s.opts.SyncHold)
	for {
		if ok, code := s.valid(q.Get("skey")); !ok {
			fmt.Fprintf(w, `window.synccheck={retcode:"%d",selector:"0"}`, code)
			return
		}
		if s.seq > have {
			fmt.Fprint(w, `window.synccheck={retcode:"0",selector:"2"}`)
			return
		}
		left := time.Until(deadline)
		if left <= 0 || r.Context().Err() != nil {
			fmt.Fprint(w, `window.synccheck={retcode:"0",selector:"0"}`)
			return
		}
		s.wait(r, left)
	}
}

func (s *Server) webSync(w http.ResponseWriter, r *http.Request, body []byte) {
	var req struct {
		SyncKey struct {
			List []struct{ Key, Val int64 }
		}
	}
	_ = json.Unmarshal(body, &req)
	var have int64
	for _, kv := range req.SyncKey.List {
		if kv.Key == 1 {
			have = kv.Val
		}
	}
	if ok, code := s.valid(r.URL.Query().Get("skey")); !ok {
		writeJSON(w, map[string]any{"BaseResponse": baseResponse{Ret: code}, "AddMsgList": []any{},
			"SyncKey": map[string]any{"Count": 0, "List": []any{}}})
		return
	}
	msgs := []wireMsg{}
	for _, l := range s.log {
		if l.seq > have {
			msgs = append(msgs, s.render(l.msg))
		}
	}
	writeJSON(w, map[string]any{
		"BaseResponse": baseResponse{},
		"AddMsgCount":  len(msgs),
		"AddMsgList":   msgs,
		"SyncKey":      s.syncKey(),
		"SyncCheckKey": s.syncKey(),
	})
}

// render fills in the session ids of the current login.
func (s *Server) render(m wireMsg) wireMsg {
	m.ToUserName = s.selfName()
	switch {
	case m.self:
		m.FromUserName, m.ToUserName = s.selfName(), s.groupName(m.group)
	case m.group != nil:
		m.FromUserName = s.groupName(m.group)
		if m.prefix {
			m.Content = s.personName(m.from) + ":<br/>" + m.Content
		}
	case m.from != nil:
		m.FromUserName = s.personName(m.from)
	}
	return m
}

func (s *Server) contactOf(p *person) map[string]any {
	c := map[string]any{"UserName": s.personName(p), "NickName": p.nick, "VerifyFlag": 0}
	if p.friend {
		c["RemarkName"] = p.remark
		c["ContactFlag"] = 3
	}
	return c
}

func (s *Server) groupOf(g *group, members bool) map[string]any {
	c := map[string]any{"UserName": s.groupName(g), "NickName": g.name, "VerifyFlag": 0, "MemberCount": len(g.members)}
	if members {
		list := []map[string]any{}
		for _, m := range g.members {
			list = append(list, map[string]any{"UserName": s.personName(m.p), "NickName": m.p.nick, "DisplayName": m.display, "AttrStatus": 0})
		}
		c["MemberList"] = list
	}
	return c
}

func (s *Server) getContact(w http.ResponseWriter, r *http.Request) {
	if ok, code := s.valid(r.URL.Query().Get("skey")); !ok {
		writeJSON(w, map[string]any{"BaseResponse": baseResponse{Ret: code}})
		return
	}
	list := []map[string]any{}
	for _, p := range s.people {
		if p.friend {
			list = append(list, s.contactOf(p))
		}
	}
	for _, g := range s.groups {
		if g.saved {
			list = append(list, s.groupOf(g, false))
		}
	}
	writeJSON(w, map[string]any{"BaseResponse": baseResponse{}, "MemberCount": len(list), "MemberList": list, "Seq": 0})
}

func (s *Server) batchGetContact(w http.ResponseWriter, body []byte) {
	var req struct {
		baseRequest
		List []struct{ UserName string }
	}
	_ = json.Unmarshal(body, &req)
	if ok, code := s.valid(req.BaseRequest.Skey); !ok {
		writeJSON(w, map[string]any{"BaseResponse": baseResponse{Ret: code}})
		return
	}
	// Exactly the requested users, in request order.
	list := []map[string]any{}
	for _, it := range req.List {
		p, g := s.byUserName(it.UserName)
		switch {
		case g != nil:
			list = append(list, s.groupOf(g, true))
		case p != nil:
			list = append(list, s.contactOf(p))
		case it.UserName == s.selfName():
			list = append(list, map[string]any{"UserName": it.UserName, "NickName": s.opts.Nick})
		default:
			list = append(list, map[string]any{"UserName": it.UserName})
		}
	}
	writeJSON(w, map[string]any{"BaseResponse": baseResponse{}, "Count": len(list), "ContactList": list})
}

func (s *Server) sendMsg(w http.ResponseWriter, body []byte) {
	var req struct {
		baseRequest
		Msg struct {
			Type       int
			Content    string
			ToUserName string
			MediaId    string
		}
	}
	_ = json.Unmarshal(body, &req)
	if ok, code := s.valid(req.BaseRequest.Skey); !ok {
		writeJSON(w, map[string]any{"BaseResponse": baseResponse{Ret: code}})
		return
	}
	if s.throttle > 0 {
		s.throttle--
		writeJSON(w, map[string]any{"BaseResponse": baseResponse{Ret: 1205, ErrMsg: "发送消息过于频繁"}})
		return
	}
	rec := Sent{Type: req.Msg.Type, Text: req.Msg.Content, MediaID: req.Msg.MediaId, At: time.Now()}
	p, g := s.byUserName(req.Msg.ToUserName)
	switch {
	case g != nil:
		rec.Group = g.name
	case p != nil && p.remark != "":
		rec.To = p.remark
	case p != nil:
		rec.To = p.nick
	default:
		writeJSON(w, map[string]any{"BaseResponse": baseResponse{Ret: 1, ErrMsg: "no such user"}})
		return
	}
	if rec.Type == 6 { // file: the media id is inside the app message XML
		rec.MediaID = between(req.Msg.Content, "<attachid>", "</attachid>")
	}
	s.sent = append(s.sent, rec)
	s.nextID++
	s.broadcast()
	writeJSON(w, map[string]any{"BaseResponse": baseResponse{}, "MsgID": strconv.FormatInt(s.nextID, 10), "LocalID": "1"})
}

func between(s, a, b string) string {
	_, rest, ok := strings.Cut(s, a)
	if !ok {
		return ""
	}
	v, _, _ := strings.Cut(rest, b)
	return v
}

func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	if _, err := r.Cookie("webwx_data_ticket"); err != nil {
		writeJSON(w, map[string]any{"BaseResponse": baseResponse{Ret: 1, ErrMsg: "no webwx_data_ticket cookie"}})
		return
	}
	name, size := "", 0
	if mr, err := r.MultipartReader(); err == nil {
		for {
			part, err := mr.NextPart()
			if err != nil {
				break
			}
			if part.FormName() == "filename" {
				name = part.FileName()
				b, _ := io.ReadAll(part)
				size = len(b)
			}
		}
	}
	s.uploads = append(s.uploads, Upload{Name: name, Size: size, Host: r.Host})
	s.nextID++
	writeJSON(w, map[string]any{"BaseResponse": baseResponse{}, "MediaId": fmt.Sprintf("@crypt_media_%d", s.nextID), "StartPos": size})
}

func (s *Server) pushLogin(w http.ResponseWriter, r *http.Request) {
	s.stats.PushLogins++
	uin, _ := strconv.ParseInt(r.URL.Query().Get("uin"), 10, 64)
	if !s.pushAllowed || uin != s.uin {
		writeJSON(w, map[string]string{"ret": "1", "msg": "push login refused"})
		return
	}
	u := s.newUUID()
	s.pending[u] = &pendingLogin{n: s.nextID, uuid: u, push: true, scanned: s.pushConfirm, confirmed: s.pushConfirm}
	s.broadcast()
	writeJSON(w, map[string]string{"ret": "0", "msg": "all ok", "uuid": u})
}

// getMedia serves a file pushed with PushPrivateFile; like WeChat it wants
// the webwx_data_ticket cookie. serve holds mu.
func (s *Server) getMedia(w http.ResponseWriter, r *http.Request) {
	if _, err := r.Cookie("webwx_data_ticket"); err != nil {
		http.Error(w, "no ticket", http.StatusForbidden)
		return
	}
	data, ok := s.media[r.URL.Query().Get("mediaid")] // serve holds mu
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	_, _ = w.Write(data)
}
