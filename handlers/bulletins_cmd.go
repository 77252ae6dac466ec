package handlers

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	"pingan/bot"
	"pingan/config"
	"pingan/store"
)

// registerBulletins adds the bulletin commands to the mux.
func (s *Service) registerBulletins() {
	s.mux.Handle(bot.Command{Name: "notice", Aliases: []string{"通知"}, Usage: "<标题> | <来源> | <时间或立即> | [群名、群名 |] <正文>",
		Help: "发布官方通知（管理员）", Admin: true, Fn: s.cmdNotice})
	s.mux.Handle(bot.Command{Name: "approve", Aliases: []string{"批准"}, Usage: "<编号>", Help: "批准另一位管理员提交的通知（管理员）", Admin: true, Fn: s.cmdApprove})
	s.mux.Handle(bot.Command{Name: "notices", Aliases: []string{"通知列表"}, Help: "待批准、已排期、已发送的通知（管理员）", Admin: true, Fn: s.cmdNotices})
}

const noticeUsage = "用法：/通知 标题 | 来源 | 时间 | 正文\n" +
	"时间写「立即」或 10:00、11-25 10:00、2026-11-25 10:00；只发部分群时在正文前加一段：| 一支部群、二支部群 |\n" +
	"例：/通知 寒潮预警 | 上海发布 | 立即 | 明起气温骤降，请注意保暖。"

var barRe = regexp.MustCompile(`\s*[|｜]\s*`)

// noticeDraft is what an admin's /notice says, before checks.
type noticeDraft struct {
	Title, Source, When, Body string
	// Groups are the named groups; empty for all.
	Groups []string
}

// parseNotice reads "/通知 标题 | 来源 | 时间 | [群 |] 正文". The body may
// run over several lines and hold bars of its own.
func (s *Service) parseNotice(rest string) (noticeDraft, bool) {
	parts := barRe.Split(strings.TrimSpace(rest), 5)
	if len(parts) < 4 {
		return noticeDraft{}, false
	}
	d := noticeDraft{Title: strings.TrimSpace(parts[0]), Source: strings.TrimSpace(parts[1]), When: strings.TrimSpace(parts[2])}
	body := parts[3:]
	if len(parts) == 5 {
		if gs, ok := s.groupList(parts[3]); ok {
			d.Groups, body = gs, parts[4:]
		}
	}
	d.Body = strings.TrimSpace(strings.Join(body, " | "))
	if d.Title == "" || d.Source == "" || d.When == "" || d.Body == "" {
		return d, false
	}
	return d, true
}

// groupList reads "一支部群、二支部群" or "全部"; ok only when every name is a group.
func (s *Service) groupList(text string) ([]string, bool) {
	var out []string
	for _, g := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("、,，;；", r) }) {
		g = strings.TrimSpace(g)
		if g == "全部" || g == "all" {
			return s.cfg.GroupNames(), true
		}
		if !s.knownGroup(g) {
			return nil, false
		}
		out = append(out, g)
	}
	return out, len(out) > 0
}

// parseWhen reads a chat publish time in the office's zone.
func parseWhen(w string, now time.Time) (time.Time, error) {
	switch strings.ToLower(w) {
	case "立即", "马上", "现在", "now":
		return now, nil
	}
	loc := now.Location()
	if t, err := time.ParseInLocation("15:04", w, loc); err == nil {
		return time.Date(now.Year(), now.Month(), now.Day(), t.Hour(), t.Minute(), 0, 0, loc), nil
	}
	if rest, ok := strings.CutPrefix(w, "明天"); ok {
		if t, err := time.ParseInLocation("15:04", strings.TrimSpace(rest), loc); err == nil {
			d := now.AddDate(0, 0, 1)
			return time.Date(d.Year(), d.Month(), d.Day(), t.Hour(), t.Minute(), 0, 0, loc), nil
		}
	}
	if t, err := time.ParseInLocation("01-02 15:04", w, loc); err == nil {
		return time.Date(now.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), 0, 0, loc), nil
	}
	if t, err := time.ParseInLocation("2006-01-02 15:04", w, loc); err == nil {
		return t, nil
	}
	return time.Time{}, fmt.Errorf("看不懂时间「%s」：请写「立即」或 10:00、明天 10:00、11-25 10:00、2026-11-25 10:00", w)
}

func (s *Service) cmdNotice(ctx context.Context, r bot.Request) string {
	if !s.cfg.Bulletins.Enabled() {
		return "本办未配置官方通知（bulletins.allowed_sources 为空）。"
	}
	d, ok := s.parseNotice(r.Rest)
	if !ok {
		return noticeUsage
	}
	now := s.now()
	at, err := parseWhen(d.When, now)
	if err != nil {
		return err.Error()
	}
	if at.Before(now.Add(-time.Minute)) {
		return fmt.Sprintf("发布时间 %s 已过，请写「立即」或以后的时间。", at.Format("01-02 15:04"))
	}
	if why := s.cfg.Bulletins.CheckBulletin(d.Source, d.Body+" "+d.Title); why != "" {
		return "未发布：" + why
	}
	staff, _ := s.cfg.StaffByRemark(r.Msg.From.Remark)
	b := store.Bulletin{Title: d.Title, Body: d.Body, Source: d.Source, PublishAt: at, Groups: d.Groups,
		Author: staff.Name, Created: now, State: store.BulletinApproved, ApprovedAt: now}
	if len(b.Groups) == 0 {
		b.Groups = s.cfg.GroupNames()
	}
	if s.cfg.Bulletins.Approval {
		b.State, b.ApprovedAt = store.BulletinPending, time.Time{}
	}
	b, err = s.st.AddBulletin(ctx, b)
	if err != nil {
		s.log.Error("add bulletin", "err", err)
		return internalFail
	}
	if b.State == store.BulletinPending {
		text := fmt.Sprintf("【待批准通知】%s 提交了通知 %s：\n%s\n（来源：%s，%s，发往 %s）\n批准请发：/批准 %s",
			staff.Name, b.ID, shorten(b.Title+"："+b.Body, 120), b.Source, whenText(at, now), groupsText(b.Groups, s.cfg), b.ID)
		for _, a := range s.cfg.Admins() {
			if a.Remark != staff.Remark {
				s.send(ctx, toStaff(a, text))
			}
		}
		return fmt.Sprintf("已提交通知 %s「%s」，需另一位管理员批准后才会发送（/批准 %s）。", b.ID, b.Title, b.ID)
	}
	return s.publishReply(ctx, b, "已发布")
}

// publishReply sends b now if it is due and says what happened.
func (s *Service) publishReply(ctx context.Context, b store.Bulletin, verb string) string {
	now := s.now()
	n, err := s.deliverBulletin(ctx, b, now)
	if err != nil {
		s.log.Error("deliver bulletin", "bulletin", b.ID, "err", err)
		return fmt.Sprintf("%s通知 %s「%s」，但发送时出错，稍后自动重试。", verb, b.ID, b.Title)
	}
	if n > 0 {
		return fmt.Sprintf("%s通知 %s「%s」，已发往 %d 个群。", verb, b.ID, b.Title, n)
	}
	return fmt.Sprintf("%s通知 %s「%s」，将于 %s 发往 %s。", verb, b.ID, b.Title, b.Due().In(s.cfg.Location).Format("01-02 15:04"), groupsText(b.Groups, s.cfg))
}

func (s *Service) cmdApprove(ctx context.Context, r bot.Request) string {
	const usage = "用法：/批准 <通知编号>，发送 /通知列表 查看待批准的通知。"
	if len(r.Args) != 1 {
		return usage
	}
	id := strings.TrimLeft(r.Args[0], "#＃")
	if s.fileBulletin(id) {
		return fmt.Sprintf("通知 %s 来自通知文件，加载时已核对来源，无需批准。", id)
	}
	if _, ok := caseNumber(id); !ok {
		return fmt.Sprintf("「%s」不是通知编号（在群里添加的通知编号是数字）。%s", r.Args[0], usage)
	}
	staff, _ := s.cfg.StaffByRemark(r.Msg.From.Remark)
	b, err := s.st.Bulletin(ctx, id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return fmt.Sprintf("没有编号为 %s 的通知，发送 /通知列表 查看。", id)
	case err != nil:
		s.log.Error("read bulletin", "err", err)
		return internalFail
	case b.State != store.BulletinPending:
		return fmt.Sprintf("通知 %s 已经批准过了（%s）。", id, orDash(b.ApprovedBy))
	case b.Author == staff.Name:
		return "不能批准自己提交的通知，请另一位管理员批准。"
	}
	b, err = s.st.ApproveBulletin(ctx, id, staff.Name, s.now())
	if errors.Is(err, store.ErrConflict) {
		return fmt.Sprintf("通知 %s 已经批准过了（%s）。", id, orDash(b.ApprovedBy))
	}
	if err != nil {
		s.log.Error("approve bulletin", "err", err)
		return internalFail
	}
	reply := s.publishReply(ctx, b, "已批准")
	if a, ok := s.cfg.StaffByName(b.Author); ok {
		s.send(ctx, toStaff(a, fmt.Sprintf("您提交的通知 %s「%s」已由 %s 批准。", b.ID, b.Title, staff.Name)))
	}
	return reply
}

// fileBulletin reports whether id names a bulletin loaded from bulletins.dir.
func (s *Service) fileBulletin(id string) bool {
	for _, b := range s.cfg.Bulletins.Files {
		if b.ID == id {
			return true
		}
	}
	return false
}

func whenText(at, now time.Time) string {
	if !at.After(now) {
		return "立即发送"
	}
	return at.Format("01-02 15:04") + " 发送"
}

func groupsText(groups []string, cfg *config.Config) string {
	if len(groups) == len(cfg.Groups) {
		return "全部 " + fmt.Sprint(len(groups)) + " 个群"
	}
	return strings.Join(groups, "、")
}
