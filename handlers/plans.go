package handlers

import (
	"context"
	"fmt"
	"strings"
	"time"

	"pingan/bot"
	"pingan/config"
	"pingan/store"
)

// One plan per person (一人一策): the roster's columns contact_every,
// prefer, notes and helper, and /计划 in chat over them. The contact
// interval replaces the tier's; the preferred way and the notes are shown
// to staff in /待办 and /查询 (never in a group); the helper also gets the
// elder's aid notices.

const planUsage = "用法：/计划 <姓名|编号> [每 12h|每 2d] [电话|上门|家属] [帮手 姓名] [备注 文字]\n" +
	"例：/计划 张建国 每 12h 家属 备注 耳背，先打女儿电话\n/计划 张建国 查看当前计划；/计划 张建国 清除 恢复名单上的计划"

func (s *Service) registerPlans() {
	s.mux.Handle(bot.Command{Name: "plan", Aliases: []string{"计划", "計劃", "一人一策"}, Usage: "<姓名|编号> [每 12h] [电话|上门|家属] [帮手 姓名] [备注 文字]",
		Help: "一人一策：联系频率、方式、备注、帮手", Fn: s.cmdPlan})
}

// applyPlans re-indexes the roster with the plans set in chat over the
// roster's own.
func (s *Service) applyPlans(ctx context.Context) error {
	changes, err := s.st.Plans(ctx)
	if err != nil {
		return err
	}
	now := s.now()
	elders := make([]store.Elder, 0, len(s.cfg.Elders))
	for _, e := range s.cfg.Elders {
		if c, ok := changes[e.ID]; ok {
			e.Plan = e.Plan.Over(c.Plan)
			s.cfg.ApplyTier(&e, now)
		}
		elders = append(elders, e)
	}
	s.index(elders)
	return nil
}

func (s *Service) cmdPlan(ctx context.Context, r bot.Request) string {
	if len(r.Args) == 0 {
		return planUsage
	}
	e, msg := s.pickElder(r.Args[0])
	if msg != "" {
		return msg
	}
	args := r.Args[1:]
	if len(args) == 0 {
		return fmt.Sprintf("%s 的计划：%s", e.Name, planText(e))
	}
	staff, _ := s.actor(r)
	var every, prefer, notes, helper string
	clear := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		next := func() string {
			if i+1 < len(args) {
				i++
				return args[i]
			}
			return ""
		}
		switch {
		case a == "清除" || a == "恢复":
			clear = true
		case a == store.PreferPhone || a == store.PreferVisit || a == store.PreferFamily:
			prefer = a
		case strings.HasPrefix(a, "每"):
			if every = strings.TrimPrefix(a, "每"); every == "" {
				every = next()
			}
			every = dayWords(every)
		case strings.HasPrefix(a, "帮手"):
			if helper = strings.TrimPrefix(a, "帮手"); helper == "" {
				helper = next()
			}
		case strings.HasPrefix(a, "备注"):
			rest := strings.TrimPrefix(a, "备注")
			notes = strings.TrimSpace(rest + " " + strings.Join(args[i+1:], " "))
			i = len(args)
		default:
			return fmt.Sprintf("看不懂「%s」。\n%s", a, planUsage)
		}
	}
	chg := store.PlanChange{By: staff.Name, At: s.now()}
	if !clear {
		p, probs := s.cfg.ParsePlan(every, prefer, notes, helper)
		if len(probs) > 0 {
			return fmt.Sprintf("%s：%s\n%s", probs[0].Field, planProblemText(probs[0].Field), planUsage)
		}
		old, err := s.st.Plans(ctx)
		if err != nil {
			s.log.Error("read plans", "err", err)
			return internalFail
		}
		chg.Plan = old[e.ID].Plan.Over(p)
	}
	if err := s.st.SetPlan(ctx, e.ID, chg); err != nil {
		s.log.Error("set plan", "elder", e.ID, "err", err)
		return internalFail
	}
	if err := s.applyPlans(ctx); err != nil {
		s.log.Error("apply plans", "err", err)
		return internalFail
	}
	e, _ = s.elder(e.ID)
	if st, err := s.st.StatusOf(ctx, e.ID); err == nil && !st.Last.IsZero() {
		if err := s.st.Reschedule(ctx, e, st.Last); err != nil {
			s.log.Error("reschedule", "elder", e.ID, "err", err)
		}
	}
	if clear {
		return fmt.Sprintf("已恢复 %s 名单上的计划：%s", e.Name, planText(e))
	}
	return fmt.Sprintf("已更新 %s 的计划：%s", e.Name, planText(e))
}

// planProblemText says in Chinese what a plan field wants.
func planProblemText(field string) string {
	switch field {
	case "contact_every":
		return "联系频率请写成 每 12h、每 24h 或 每 2d（1 小时到 30 天）"
	case "prefer":
		return "联系方式请写 电话、上门 或 家属"
	case "helper":
		return "帮手必须是配置里的工作人员（志愿者也要列入 staff），才能认领求助"
	}
	return "写法不对"
}

// dayWords turns 天/小时 into d/h: 「2天」→ 2d, 「12小时」→ 12h, 「天」→ 1d.
func dayWords(s string) string {
	s = strings.NewReplacer("小时", "h", "个小时", "h", "天", "d").Replace(s)
	if s == "d" || s == "h" {
		s = "1" + s
	}
	return s
}

// planText renders an elder's plan for staff.
func planText(e store.Elder) string {
	parts := []string{"每 " + everyText(e.ContactEvery) + " 联系"}
	if e.Plan.Every == 0 {
		parts[0] += "（按" + tierLabel(e) + "）"
	}
	if e.Plan.Prefer != "" {
		parts = append(parts, "方式："+e.Plan.Prefer)
	}
	if e.Plan.Helper != "" {
		parts = append(parts, "帮手："+e.Plan.Helper)
	}
	if e.Plan.Notes != "" {
		parts = append(parts, "备注："+e.Plan.Notes)
	}
	return strings.Join(parts, "；")
}

// planHint is the way and the note for a /待办 line; "" when none.
func planHint(e store.Elder) string {
	var parts []string
	if e.Plan.Prefer != "" {
		parts = append(parts, "宜"+e.Plan.Prefer)
	}
	if e.Plan.Notes != "" {
		parts = append(parts, e.Plan.Notes)
	}
	if len(parts) == 0 {
		return ""
	}
	return "｜" + strings.Join(parts, "：")
}

// everyText is 12小时, 1天, 3天.
func everyText(d time.Duration) string {
	if d%(24*time.Hour) == 0 {
		return fmt.Sprintf("%d 天", int(d/(24*time.Hour)))
	}
	return fmt.Sprintf("%g 小时", d.Hours())
}

// helperOf is the staff member the elder's plan names as helper.
func (s *Service) helperOf(e store.Elder) (config.Staff, bool) {
	if e.Plan.Helper == "" {
		return config.Staff{}, false
	}
	return s.cfg.StaffByName(e.Plan.Helper)
}
