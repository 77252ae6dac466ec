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

func (s *Service) register() {
	s.mux.Handle(bot.Command{Name: "help", Aliases: []string{"帮助", "幫助", "h"}, Help: "查看指令", Fn: s.cmdHelp})
	s.mux.Handle(bot.Command{Name: "status", Aliases: []string{"状态", "狀態"}, Help: "今日报平安进度、健康统计、超时人数", Fn: s.cmdStatus})
	s.mux.Handle(bot.Command{Name: "todo", Aliases: []string{"待办", "待辦"}, Help: "我需要联系的老同志（最急的在前）", Fn: s.cmdTodo})
	s.mux.Handle(bot.Command{Name: "contact", Aliases: []string{"已联系", "联系", "聯繫"}, Usage: "<姓名> [电话|上门|家属] [情况]",
		Help: "记录一次电话/上门/家属联系", Fn: s.cmdContact})
	s.mux.Handle(bot.Command{Name: "who", Aliases: []string{"查询", "查詢"}, Usage: "<姓名>", Help: "查看老同志档案和最近五次联系", Fn: s.cmdWho})
	s.mux.Handle(bot.Command{Name: "bind", Aliases: []string{"绑定", "綁定"}, Usage: "<群昵称> <老同志姓名>",
		Help: "把群昵称绑定到老同志，补记此前的回复", Fn: s.cmdBind})
	s.mux.Handle(bot.Command{Name: "unmatched", Aliases: []string{"未识别", "未識別"}, Help: "还未绑定的群昵称", Fn: s.cmdUnmatched})
	s.mux.Handle(bot.Command{Name: "report", Aliases: []string{"日报", "日報"}, Help: "今日报表（管理员）", Admin: true, Fn: s.cmdReport})
	s.mux.Handle(bot.Command{Name: "export", Aliases: []string{"导出", "導出"}, Usage: "[天数]", Help: "导出台账 Excel（管理员）", Admin: true, Fn: s.cmdExport})
	s.mux.Handle(bot.Command{Name: "reload", Aliases: []string{"重新加载", "重新載入", "重载"}, Help: "重新读取配置、名单和通知文件（管理员）", Admin: true,
		Fn: func(ctx context.Context, r bot.Request) string {
			if s.OnReload == nil {
				return "这个进程不能重新加载，请重启机器人。"
			}
			return s.OnReload(ctx)
		}})
	s.registerAid()
	s.registerAway()
	s.registerPlans()
	s.registerImport()
	s.registerBulletins()
}

func (s *Service) cmdHelp(ctx context.Context, r bot.Request) string {
	var b strings.Builder
	b.WriteString("报平安助手指令（斜杠可省略，中文或英文都行）：\n")
	staff, _ := s.cfg.StaffByRemark(r.Msg.From.Remark)
	for _, c := range s.mux.Commands() {
		if c.Admin && staff.Role != config.RoleAdmin {
			continue
		}
		name := c.Name
		if len(c.Aliases) > 0 {
			name = c.Aliases[0]
		}
		fmt.Fprintf(&b, "/%s", name)
		if c.Usage != "" {
			b.WriteString(" " + c.Usage)
		}
		fmt.Fprintf(&b, " — %s（/%s）\n", c.Help, c.Name)
	}
	b.WriteString("例：/已联系 张建国 电话 平安，药够吃")
	return b.String()
}

func (s *Service) cmdStatus(ctx context.Context, r bot.Request) string {
	st, err := s.Status(ctx)
	if err != nil {
		s.log.Error("status", "err", err)
		return internalFail
	}
	text := st.Text(false)
	if staff, _ := s.actor(r); staff.Role == config.RoleAdmin {
		if q := s.backlogText(ctx); q != "" {
			text += "\n" + q
		}
	}
	return text
}

func (s *Service) cmdReport(ctx context.Context, r bot.Request) string {
	st, err := s.Status(ctx)
	if err != nil {
		s.log.Error("report", "err", err)
		return internalFail
	}
	s.reportReply(ctx, r.Msg.From.Remark, st) // text and chart, queued in order
	return ""
}

// todoShown is how many elders /待办 lists of each kind (to contact, away),
// most urgent first; the others are counted. A city's admin would
// otherwise get thousands of lines, which the paced outbox would take hours
// to send, in the staff lane.
const todoShown = 100

func (s *Service) cmdTodo(ctx context.Context, r bot.Request) string {
	staff, _ := s.cfg.StaffByRemark(r.Msg.From.Remark)
	var items []TodoItem
	var more int // not heard from today, not listed
	var err error
	if staff.Role == config.RoleAdmin {
		items, more, err = s.officeTodo(ctx, staff, todoShown)
	} else {
		items, err = s.todoRanked(ctx, staff)
	}
	if err != nil {
		s.log.Error("todo", "err", err)
		return internalFail
	}
	var todo, away []TodoItem
	for _, it := range items {
		if it.Away {
			away = append(away, it)
		} else {
			todo = append(todo, it)
		}
	}
	shown := todo[:min(len(todo), todoShown)]
	if err := s.readStatuses(ctx, shown); err != nil { // the others are not shown
		s.log.Error("todo", "err", err)
		return internalFail
	}
	now := s.now()
	var b strings.Builder
	if len(todo) == 0 {
		b.WriteString("暂无待办：您负责的老同志都已按时联系。\n")
	} else {
		fmt.Fprintf(&b, "待办 %d 位（最急的在前）：\n", len(todo)+more)
	}
	for i, it := range shown {
		fmt.Fprintf(&b, "%d. %s【%s】%s｜电话 %s%s｜%s\n", i+1, it.Elder.Name, it.Reason, tierLabel(it.Elder),
			orDash(it.Elder.Phone), planHint(it.Elder), lastLine(now, it.Status))
	}
	if n := len(todo) + more - len(shown); n > 0 {
		fmt.Fprintf(&b, "……另有 %d 位未列出（最急的 %d 位已列在上面；全部名单请用 /导出）\n", n, len(shown))
	}
	if len(away) > 0 {
		fmt.Fprintf(&b, "外出/住院 %d 位（到期前不列入超时）：\n", len(away))
		for _, it := range away[:min(len(away), todoShown)] {
			fmt.Fprintf(&b, "· %s【%s】\n", it.Elder.Name, it.Reason)
		}
		if n := len(away) - todoShown; n > 0 {
			fmt.Fprintf(&b, "……另有 %d 位\n", n)
		}
	}
	if len(todo) > 0 {
		b.WriteString("联系后请发：/已联系 姓名 电话 情况")
	}
	return strings.TrimRight(b.String(), "\n")
}

// contactMethods maps the method word of /contact to a source.
var contactMethods = map[string]store.Source{
	"电话": store.SourceCall, "電話": store.SourceCall, "call": store.SourceCall, "phone": store.SourceCall,
	"上门": store.SourceVisit, "上門": store.SourceVisit, "visit": store.SourceVisit, "走访": store.SourceVisit,
	"家属": store.SourceKin, "家屬": store.SourceKin, "family": store.SourceKin,
}

func (s *Service) cmdContact(ctx context.Context, r bot.Request) string {
	usage := "用法：/已联系 <姓名> [电话|上门|家属] [情况]\n例：/已联系 张建国 电话 平安，三针已打"
	if len(r.Args) == 0 {
		return usage
	}
	e, msg := s.pickElder(r.Args[0])
	if msg != "" {
		return msg
	}
	source := store.SourceCall
	rest := strings.TrimSpace(strings.TrimPrefix(r.Rest, r.Args[0]))
	if len(r.Args) > 1 {
		if src, ok := contactMethods[strings.ToLower(r.Args[1])]; ok {
			source = src
			rest = strings.TrimSpace(strings.TrimPrefix(rest, r.Args[1]))
		}
	}
	reply := parse.Parse(rest)
	c := contactFromReply(reply)
	staff, _ := s.cfg.StaffByRemark(r.Msg.From.Remark)
	c.Source, c.By, c.Text, c.At = source, staff.Name, rest, s.now()
	if err := s.st.RecordContact(ctx, e, c, s.openRound(ctx, c.At)); err != nil {
		s.log.Error("record logged contact", "err", err)
		return internalFail
	}
	st, _ := s.st.StatusOf(ctx, e.ID)
	return fmt.Sprintf("已记录：%s，%s（%s）。当前：%s", e.Name, contactVerb(source), when(c.At), statusLine(st))
}

// contactVerb says what a liaison did: 电话联系, 上门看望, 联系了家属.
func contactVerb(src store.Source) string {
	switch src {
	case store.SourceVisit:
		return "上门看望"
	case store.SourceKin:
		return "联系了家属"
	}
	return "电话联系"
}

// pickElder finds the one elder a command that changes the ledger names:
// the id, the full name or an alias, never a part of a name, so a typo
// cannot record a contact for the wrong person. Namesakes are told apart
// by id.
func (s *Service) pickElder(name string) (store.Elder, string) {
	if e, ok := s.byID(name); ok {
		return e, ""
	}
	switch found := s.idx().named(parse.Normalize(name)); len(found) {
	case 1:
		return found[0], ""
	case 0:
	default:
		return store.Elder{}, namesakes(name, found)
	}
	if found := s.findByName(name); len(found) > 0 {
		return store.Elder{}, fmt.Sprintf("「%s」不是完整姓名，您是指：%s？请写全名或编号。", name, elderIDs(found))
	}
	return store.Elder{}, fmt.Sprintf("名单里没有「%s」，请核对姓名或编号。", name)
}

// namesakes asks which of several elders of one name is meant, by id.
func namesakes(name string, found []store.Elder) string {
	return fmt.Sprintf("名单里有 %d 位「%s」：%s。请用编号指明，例：%s", len(found), name, elderIDs(found), found[len(found)-1].ID)
}

// searchElder finds one elder by id, name, alias or part of a name, for
// commands that only read.
func (s *Service) searchElder(name string) (store.Elder, string) {
	found := s.findByName(name)
	switch len(found) {
	case 0:
		return store.Elder{}, fmt.Sprintf("名单里没有「%s」，请核对姓名或编号。", name)
	case 1:
		return found[0], ""
	}
	if exact := s.idx().named(parse.Normalize(name)); len(exact) > 1 {
		return store.Elder{}, namesakes(name, exact)
	}
	return store.Elder{}, fmt.Sprintf("「%s」对应多位老同志：%s，请写全名或编号。", name, elderIDs(found))
}

func (s *Service) cmdWho(ctx context.Context, r bot.Request) string {
	if len(r.Args) == 0 {
		return "用法：/查询 <姓名>"
	}
	e, msg := s.searchElder(r.Args[0])
	if msg != "" {
		return msg
	}
	st, err := s.st.StatusOf(ctx, e.ID)
	if err != nil {
		return internalFail
	}
	hist, err := s.st.History(ctx, e.ID, 5)
	if err != nil {
		return internalFail
	}
	now := s.now()
	var b strings.Builder
	fmt.Fprintf(&b, "%s（%s，%s）\n", e.Name, e.ID, e.Branch)
	if age := e.Age(now); age > 0 {
		fmt.Fprintf(&b, "年龄：%d　", age)
	}
	fmt.Fprintf(&b, "风险：%s　联络员：%s\n电话：%s\n家属：%s\n", tierLabel(e), e.Liaison, orDash(e.Phone), orDash(strings.Join(e.Family, "；")))
	if len(e.Aliases) > 0 {
		fmt.Fprintf(&b, "群昵称/别名：%s\n", strings.Join(e.Aliases, "、"))
	}
	fmt.Fprintf(&b, "计划：%s\n", planText(e))
	if a, ok := s.awayOf(ctx, []string{e.ID})[e.ID]; ok {
		fmt.Fprintf(&b, "外出：%s（%s 登记）\n", awayLabel(a, s.cfg.Location), a.By)
	}
	if st.Last.IsZero() {
		b.WriteString("最新情况：从未联系\n")
	} else {
		fmt.Fprintf(&b, "最新情况：%s（%s）\n", statusLine(st), ago(now, st.Last))
		b.WriteString(readingText(st.LastText))
	}
	if len(hist) == 0 {
		b.WriteString("还没有联系记录。")
	} else {
		b.WriteString("最近联系：")
		for _, c := range hist {
			by := "" // a reply from the elder's own account is stored without its writer
			if c.By != "" {
				by = " " + c.By
			}
			fmt.Fprintf(&b, "\n· %s %s%s：%s", when(c.At.In(s.cfg.Location)), c.Source.Label(), by, shorten(c.Text, 40))
		}
	}
	b.WriteString(s.casesText(ctx, e.ID))
	return b.String()
}

// casesText lists an elder's latest cases with who took or closed each.
func (s *Service) casesText(ctx context.Context, elderID string) string {
	nums, err := s.st.CasesOf(ctx, elderID, 5)
	if err != nil || len(nums) == 0 {
		return ""
	}
	loc := s.cfg.Location
	var b strings.Builder
	b.WriteString("\n求助与紧急：")
	for _, id := range nums {
		if em, err := s.st.Emergency(ctx, id); err == nil {
			kind := "紧急"
			if em.Confirm || (!em.Promoted.IsZero()) {
				kind = "需确认"
			}
			fmt.Fprintf(&b, "\n· #%d %s %s「%s」", id, kind, when(em.Opened.In(loc)), shorten(em.Text, 20))
			if em.Signs != "" {
				fmt.Fprintf(&b, "（%s）", shorten(em.Signs, 30))
			}
			b.WriteString("：")
			switch em.Status {
			case store.EmergencyResolved:
				fmt.Fprintf(&b, "已由 %s 于 %s 解除（%s）", em.ResolvedBy, when(em.ResolvedAt.In(loc)), orDash(em.Note))
			case store.EmergencyAcked:
				fmt.Fprintf(&b, "%s 已于 %s 确认跟进，尚未解除", em.AckBy, when(em.AckAt.In(loc)))
			default:
				fmt.Fprintf(&b, "尚无人确认！/收到 %d", id)
			}
			continue
		}
		if a, err := s.st.Aid(ctx, id); err == nil {
			fmt.Fprintf(&b, "\n· #%d 求助 %s %s%s：", id, when(a.Opened.In(loc)), needsLabel(a.Needs), detailSuffix(a.Detail))
			switch a.Status {
			case store.AidDone:
				fmt.Fprintf(&b, "已由 %s 于 %s 完成（%s）", a.ClosedBy, when(a.ClosedAt.In(loc)), orDash(a.Note))
			case store.AidCancelled:
				fmt.Fprintf(&b, "已由 %s 于 %s 取消（%s）", a.ClosedBy, when(a.ClosedAt.In(loc)), orDash(a.Note))
			case store.AidClaimed:
				fmt.Fprintf(&b, "%s 已认领", a.Claimer)
			default:
				fmt.Fprintf(&b, "待认领 /认领 %d", id)
			}
		}
	}
	return b.String()
}

func (s *Service) cmdBind(ctx context.Context, r bot.Request) string {
	if len(r.Args) < 2 {
		return "用法：/绑定 <群昵称> <老同志姓名或编号>\n例：/绑定 夕阳红 张建国\n发送 /未识别 查看待绑定的昵称。"
	}
	name := r.Args[len(r.Args)-1]
	nick := strings.TrimSpace(strings.TrimSuffix(r.Rest, name))
	e, msg := s.pickElder(name)
	if msg != "" {
		return msg
	}
	owners := s.idx().named(nickKey(nick))
	switch {
	case len(owners) > 1 && containsElder(owners, e.ID):
		// Namesakes: their replies waiting under the shared name are
		// attributed, but the name is not bound to one of them for good.
		n, err := s.attribute(ctx, nick, e)
		if err != nil {
			s.log.Error("attribute", "err", err)
			return internalFail
		}
		return fmt.Sprintf("「%s」是名单里 %d 位同名老同志共用的姓名，不能固定绑定给其中一位；此前这个名字下的 %d 条回复已补记给 %s。以后按所在的群区分；在同一个群里请为他们在名单中加上不同的别名。",
			nick, len(owners), n, elderIDs([]store.Elder{e}))
	case len(owners) == 1 && owners[0].ID == e.ID:
		return fmt.Sprintf("「%s」已是 %s 在名单里的姓名或别名，无需绑定。", nick, e.Name)
	case len(owners) > 0:
		return fmt.Sprintf("「%s」是名单里 %s 的姓名或别名，不能绑定给 %s；如名单有误，请管理员修改名单。", nick, elderIDs(owners), e.Name)
	}
	n, err := s.Bind(ctx, nick, e)
	if err != nil {
		s.log.Error("bind", "err", err)
		return internalFail
	}
	text := fmt.Sprintf("已将群昵称「%s」绑定为 %s。", nick, e.Name)
	if n > 0 {
		text += fmt.Sprintf("此前的 %d 条回复已补记。", n)
	}
	return text
}

// Bind attributes a nickname to an elder and records the replies that
// waited under it; it returns how many were recorded.
func (s *Service) Bind(ctx context.Context, nick string, e store.Elder) (int, error) {
	return s.bind(ctx, nick, e, true)
}

// attribute records the replies that waited under a nickname for e,
// without binding the nickname.
func (s *Service) attribute(ctx context.Context, nick string, e store.Elder) (int, error) {
	return s.bind(ctx, nick, e, false)
}

func (s *Service) bind(ctx context.Context, nick string, e store.Elder, keep bool) (int, error) {
	norm := nickKey(nick)
	if norm == "" {
		return 0, fmt.Errorf("empty nickname")
	}
	pending, err := s.st.Bind(ctx, norm, e.ID, keep)
	if err != nil {
		return 0, err
	}
	for i, c := range pending {
		// A reply recorded by an earlier, interrupted bind is a duplicate
		// now, and is skipped.
		if err := s.st.RecordContact(ctx, e, c, s.openRound(ctx, c.At)); err != nil && !store.IsDuplicate(err) {
			_ = s.st.DropUnmatched(ctx, norm, i)
			return i, err
		}
	}
	return len(pending), s.st.DropUnmatched(ctx, norm, len(pending))
}

func (s *Service) cmdUnmatched(ctx context.Context, r bot.Request) string {
	list, err := s.st.UnmatchedList(ctx)
	if err != nil {
		return internalFail
	}
	if len(list) == 0 {
		return "没有待绑定的群昵称。"
	}
	var b strings.Builder
	b.WriteString("以下群昵称还未对应到老同志（绑定：/绑定 昵称 姓名）：")
	for _, u := range list {
		fmt.Fprintf(&b, "\n· %s（%d 条，最近 %s）", u.Nick, u.Messages, when(u.Last.In(s.cfg.Location)))
	}
	return b.String()
}

func shorten(s string, n int) string {
	r := []rune(strings.ReplaceAll(s, "\n", " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n]) + "…"
}

// quote is a message as staff read it in a notice: whole when short; a
// long one by its start and its end, where the news usually is.
func quote(s string, n int) string {
	r := []rune(strings.ReplaceAll(s, "\n", " "))
	if len(r) <= n {
		return string(r)
	}
	half := n / 2
	return string(r[:half]) + "……" + string(r[len(r)-half:])
}

func containsElder(es []store.Elder, id string) bool {
	for _, e := range es {
		if e.ID == id {
			return true
		}
	}
	return false
}
