package handlers

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"pingan/bot"
	"pingan/handlers/parse"
	"pingan/store"
)

// Away and in care: an elder in hospital or staying with family leaves the
// overdue digests and escalations until a date, shows as 「住院至 12-05」
// in /待办 and /查询, and is counted apart. On the day after the date, at
// awayBackHour, the elder is back on the lists and the liaison is told.
// When a reply says 住院 or 去女儿家了, the liaison is offered the command;
// the bot never sets it by itself.

const (
	// awayDefaultDays is how long an absence without a date lasts.
	awayDefaultDays = 7
	// awayMaxDays bounds an absence: nobody leaves the lists for good.
	awayMaxDays = 180
	// awayBackHour is when, the day after the last day away, the elder is back.
	awayBackHour = 8
)

const awayUsage = "用法：/外出 <姓名|编号> [至 12-05] [住院|探亲|外出] [说明]\n例：/外出 张建国 至 12-05 住院 市六医院心内科"

func (s *Service) registerAway() {
	s.mux.Handle(bot.Command{Name: "away", Aliases: []string{"外出", "住院"}, Usage: "<姓名|编号> [至 12-05] [住院|探亲|外出] [说明]",
		Help: "老同志外出或住院：到期前不列入超时提醒", Fn: s.cmdAway})
	s.mux.Handle(bot.Command{Name: "back", Aliases: []string{"回来", "返回"}, Usage: "<姓名|编号>",
		Help: "外出或住院的老同志已回家", Fn: s.cmdBack})
}

func (s *Service) cmdAway(ctx context.Context, r bot.Request) string {
	if len(r.Args) == 0 {
		return awayUsage
	}
	e, msg := s.pickElder(r.Args[0])
	if msg != "" {
		return msg
	}
	now := s.now()
	kind, note := store.AwayTravel, []string{}
	if r.Name == "住院" {
		kind = store.AwayHospital
	}
	var last time.Time
	args := r.Args[1:]
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == store.AwayHospital || a == store.AwayFamily || a == store.AwayTravel:
			kind = a
		case last.IsZero() && (strings.HasPrefix(a, "至") || strings.HasPrefix(a, "到")):
			d := strings.TrimLeft(a, "至到")
			if d == "" && i+1 < len(args) {
				i++
				d = args[i]
			}
			t, ok := parseDay(d, now)
			if !ok {
				return fmt.Sprintf("「%s」不是日期，请写成 12-05 或 12月5日。\n%s", d, awayUsage)
			}
			last = t
		default:
			note = append(note, a)
		}
	}
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, s.cfg.Location)
	defaulted := last.IsZero()
	if defaulted {
		last = today.AddDate(0, 0, awayDefaultDays-1)
	}
	switch {
	case last.Before(today):
		return fmt.Sprintf("%s 已经过去了，请写今天或以后的日期。", last.Format("01-02"))
	case last.After(today.AddDate(0, 0, awayMaxDays)):
		return fmt.Sprintf("最长 %d 天（至 %s）；更久的请到期后再登记。", awayMaxDays, today.AddDate(0, 0, awayMaxDays).Format("01-02"))
	}
	staff, _ := s.actor(r)
	a := store.Absence{ElderID: e.ID, Kind: kind, Until: backAt(last), Note: strings.Join(note, " "), By: staff.Name, At: now}
	if err := s.st.SetAway(ctx, a); err != nil {
		s.log.Error("set away", "elder", e.ID, "err", err)
		return internalFail
	}
	text := fmt.Sprintf("已登记：%s %s。到期前不列入超时提醒；%s 上午会回到待联系名单并提醒联络员。提前回来请发 /回来 %s",
		e.Name, awayLabel(a, s.cfg.Location), a.Until.In(s.cfg.Location).Format("01-02"), e.ID)
	if defaulted {
		text += fmt.Sprintf("\n（没写日期，按 %d 天登记。）", awayDefaultDays)
	}
	return text
}

func (s *Service) cmdBack(ctx context.Context, r bot.Request) string {
	if len(r.Args) == 0 {
		return "用法：/回来 <姓名|编号>"
	}
	e, msg := s.pickElder(r.Args[0])
	if msg != "" {
		return msg
	}
	a, ok, err := s.st.ClearAway(ctx, e.ID)
	if err != nil {
		s.log.Error("clear away", "elder", e.ID, "err", err)
		return internalFail
	}
	if !ok {
		return fmt.Sprintf("%s 没有外出或住院的登记。", e.Name)
	}
	return fmt.Sprintf("已销假：%s（原登记 %s）。已回到待联系名单。", e.Name, awayLabel(a, s.cfg.Location))
}

// backAt is when an elder away through day last is back on the lists.
func backAt(last time.Time) time.Time {
	d := last.AddDate(0, 0, 1)
	return time.Date(d.Year(), d.Month(), d.Day(), awayBackHour, 0, 0, 0, last.Location())
}

// lastDay is the last day of an absence that ends at until.
func lastDay(until time.Time) time.Time { return until.AddDate(0, 0, -1) }

// awayLabel is 「住院至 12-05（市六医院）」.
func awayLabel(a store.Absence, loc *time.Location) string {
	l := a.Kind + "至 " + lastDay(a.Until.In(loc)).Format("01-02")
	if a.Note != "" {
		l += "（" + a.Note + "）"
	}
	return l
}

var dayPatterns = []*regexp.Regexp{
	regexp.MustCompile(`^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$`),
	regexp.MustCompile(`^(\d{1,2})[-/.月](\d{1,2})[日号]?$`),
}

// parseDay reads 12-05, 12/5, 12月5日 or 2026-12-05 as a day on or after
// now's year; a month and day already past this year is next year's.
func parseDay(s string, now time.Time) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for i, re := range dayPatterns {
		g := re.FindStringSubmatch(s)
		if g == nil {
			continue
		}
		n := make([]int, len(g))
		for j := 1; j < len(g); j++ {
			n[j], _ = strconv.Atoi(g[j])
		}
		y, m, d := now.Year(), 0, 0
		if i == 0 {
			y, m, d = n[1], n[2], n[3]
		} else {
			m, d = n[1], n[2]
		}
		if m < 1 || m > 12 || d < 1 || d > 31 {
			return time.Time{}, false
		}
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, now.Location())
		if t.Day() != d {
			return time.Time{}, false // 2-30
		}
		if i == 1 && t.Before(time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location()).AddDate(0, -1, 0)) {
			t = t.AddDate(1, 0, 0) // 01-05 written in December
		}
		return t, true
	}
	return time.Time{}, false
}

// awayOf reads the absences of the elders ids; on an error nobody counts
// as away (nobody is hidden from the lists by a failure).
func (s *Service) awayOf(ctx context.Context, ids []string) map[string]store.Absence {
	a, err := s.st.AwayOf(ctx, ids)
	if err != nil {
		s.log.Error("read absences", "err", err)
		return nil
	}
	return a
}

// awayReturns brings back the elders whose absence is over, and tells
// their liaisons; the escalation job calls it.
func (s *Service) awayReturns(ctx context.Context, at time.Time) error {
	ended, err := s.st.EndAways(ctx, at)
	if err != nil {
		return fmt.Errorf("end absences: %w", err)
	}
	for _, a := range ended {
		e, ok := s.elder(a.ElderID)
		if !ok {
			continue
		}
		text := fmt.Sprintf("【外出到期】%s 登记的「%s」已到期，已回到待联系名单。请联系确认是否已回家：电话 %s\n如仍在外，请再发 /外出 %s 至 日期",
			e.Name, awayLabel(a, s.cfg.Location), orDash(e.Phone), e.ID)
		if l, ok := s.liaisonOf(e); ok {
			s.send(ctx, toStaff(l, text))
		}
	}
	return nil
}

// awayHint matches a reply saying the elder is in hospital or staying elsewhere.
var awayHint = regexp.MustCompile(`住院|住进.{0,3}医院|在医院住|去(女儿|儿子|闺女|孩子|子女|亲戚)家|在(女儿|儿子|闺女|孩子|子女|亲戚)家|回老家|去外地|在外地`)

// offerAway offers the liaison the /外出 command when a reply says the
// elder is in hospital or away — once a day per elder; it never sets it.
func (s *Service) offerAway(ctx context.Context, e store.Elder, text string) {
	if !awayHint.MatchString(parse.Normalize(text)) || strings.Contains(text, "出院") {
		return
	}
	if _, away := s.awayOf(ctx, []string{e.ID})[e.ID]; away {
		return
	}
	l, ok := s.liaisonOf(e)
	if !ok {
		return
	}
	if first, err := s.st.Once(ctx, "away-offer:"+e.ID+":"+s.now().Format("20060102"), 25*time.Hour); err != nil || !first {
		return
	}
	kind := store.AwayFamily
	if strings.Contains(text, "院") {
		kind = store.AwayHospital
	}
	until := s.now().AddDate(0, 0, awayDefaultDays-1).Format("01-02")
	s.send(ctx, toStaff(l, fmt.Sprintf("【可能外出】%s：「%s」\n如属实，到期前可不列入超时提醒，请改好日期后发送：\n/外出 %s 至 %s %s",
		e.Name, quote(text, 80), e.ID, until, kind)))
}
