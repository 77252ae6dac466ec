package handlers

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"pingan/bot"
	"pingan/config"
	"pingan/store"
)

// registerAid adds the aid and emergency commands to the mux.
func (s *Service) registerAid() {
	s.mux.Handle(bot.Command{Name: "aid", Aliases: []string{"求助"}, Usage: "<姓名> <买菜|配药|就医|代办> [说明]",
		Help: "电话里听到的求助，登记为 #编号", Fn: s.cmdAid})
	s.mux.Handle(bot.Command{Name: "claim", Aliases: []string{"认领", "認領"}, Usage: "<编号>", Help: "认领一件求助", Fn: s.cmdClaim})
	s.mux.Handle(bot.Command{Name: "done", Aliases: []string{"完成"}, Usage: "<编号> [备注]", Help: "求助已办好", Fn: s.cmdDone})
	s.mux.Handle(bot.Command{Name: "cancel", Aliases: []string{"取消"}, Usage: "<编号> <原因>", Help: "取消一件求助（需写原因）", Fn: s.cmdCancel})
	s.mux.Handle(bot.Command{Name: "aids", Aliases: []string{"求助列表"}, Help: "未完成的求助和紧急情况（最早的在前）", Fn: s.cmdAids})
	s.mux.Handle(bot.Command{Name: "ack", Aliases: []string{"收到"}, Usage: "[编号]", Help: "确认紧急情况，停止重复提醒", Fn: s.cmdAck})
	s.mux.Handle(bot.Command{Name: "resolve", Aliases: []string{"解除"}, Usage: "<编号> <说明>", Help: "关闭紧急情况（已处理或误报）", Fn: s.cmdResolve})
}

func (s *Service) cmdAid(ctx context.Context, r bot.Request) string {
	usage := "用法：/求助 <姓名> <买菜|配药|就医|代办> [说明]\n例：/求助 胡文斌 配药 降压药"
	if len(r.Args) < 2 {
		return usage
	}
	e, msg := s.pickElder(r.Args[0])
	if msg != "" {
		return msg
	}
	needs, ok := parseNeeds(r.Args[1])
	if !ok {
		return fmt.Sprintf("「%s」不是可登记的需要。\n%s", r.Args[1], usage)
	}
	detail := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(strings.TrimPrefix(r.Rest, r.Args[0])), r.Args[1]))
	staff, _ := s.actor(r)
	req := store.AidRequest{ElderID: e.ID, ElderName: e.Name, Needs: needs, Detail: detail, Texts: []string{r.Rest},
		AskedBy: staff.Name, AskedAs: store.AskedByLiaison, Opened: s.now()}
	a, fresh, err := s.OpenAid(ctx, req, e, staff.Name)
	if err != nil {
		s.log.Error("open aid request by command", "err", err)
		return internalFail
	}
	if !fresh {
		return fmt.Sprintf("%s 已有未完成的求助，已并入 %s。\n%s", e.Name, aidTitle(a), aidActions(a))
	}
	var told []string
	for _, st := range s.aidRecipients(e, nil) {
		if st.Name != staff.Name && !containsName(told, st.Name) {
			told = append(told, st.Name)
		}
	}
	if len(told) == 0 {
		return fmt.Sprintf("已登记 %s。没有其他需要通知的人（您是其联络员，名单上没有志愿者），请您跟进。\n%s", aidTitle(a), aidActions(a))
	}
	return fmt.Sprintf("已登记 %s，已通知：%s。\n%s", aidTitle(a), strings.Join(told, "、"), aidActions(a))
}

func containsName(list []string, name string) bool {
	for _, n := range list {
		if n == name {
			return true
		}
	}
	return false
}

// aidArg reads the request number of a command, or says why not.
func aidArg(r bot.Request, usage string) (int64, string) {
	if len(r.Args) == 0 {
		return 0, usage
	}
	id, ok := caseNumber(r.Args[0])
	if !ok {
		return 0, fmt.Sprintf("「%s」不是编号。%s", r.Args[0], usage)
	}
	return id, ""
}

// notEmergency refuses an aid command given an emergency's number.
func (s *Service) notEmergency(ctx context.Context, id int64) (string, bool) {
	if _, err := s.st.Emergency(ctx, id); err == nil {
		return fmt.Sprintf("#%d 是紧急情况，不是求助：确认请发 /收到 %d，处理完请发 /解除 %d 说明。", id, id, id), true
	}
	return "", false
}

// moveAid applies one transition by the command's sender and reports it.
func (s *Service) moveAid(ctx context.Context, r bot.Request, id int64, to store.AidStatus, note string) (store.AidRequest, string, bool) {
	if msg, ok := s.notEmergency(ctx, id); ok {
		return store.AidRequest{}, msg, false
	}
	_, by := s.actor(r)
	now := s.now()
	var before store.AidRequest
	a, err := s.st.UpdateAid(ctx, id, s.aidTimes(), now, func(cur store.AidRequest) (store.AidRequest, string, error) {
		before = cur
		next, err := cur.Transition(to, by, now, note)
		return next, string(to), err
	})
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			before.ID = id
		}
		return a, s.aidRefusal(err, before), false
	}
	return a, "", true
}

func (s *Service) cmdClaim(ctx context.Context, r bot.Request) string {
	id, msg := aidArg(r, "用法：/认领 <编号>，例：/认领 3")
	if msg != "" {
		return msg
	}
	a, msg, ok := s.moveAid(ctx, r, id, store.AidClaimed, "")
	if !ok {
		return msg
	}
	e := s.caseSubject(a.ElderID, a.ElderName)
	s.sendEach(ctx, s.aidRecipients(e, s.caseElders(a.Candidates)), a.Claimer, fmt.Sprintf("【求助已认领】%s 由 %s 认领。", aidTitle(a), a.Claimer))
	return fmt.Sprintf("已认领 #%d：%s %s%s。完成后请发 /完成 %d", a.ID, a.ElderName, needsLabel(a.Needs), detailSuffix(a.Detail), a.ID)
}

func (s *Service) cmdDone(ctx context.Context, r bot.Request) string {
	id, msg := aidArg(r, "用法：/完成 <编号> [备注]，例：/完成 3 药已送到")
	if msg != "" {
		return msg
	}
	note := strings.TrimSpace(strings.TrimPrefix(r.Rest, r.Args[0]))
	a, msg, ok := s.moveAid(ctx, r, id, store.AidDone, note)
	if !ok {
		return msg
	}
	s.tellClosed(ctx, a, fmt.Sprintf("【求助已完成】%s 由 %s 办好%s。", aidTitle(a), a.ClosedBy, noteSuffix(note)))
	return fmt.Sprintf("已完成 #%d：%s %s%s。谢谢！", a.ID, a.ElderName, needsLabel(a.Needs), detailSuffix(a.Detail))
}

func (s *Service) cmdCancel(ctx context.Context, r bot.Request) string {
	usage := "用法：/取消 <编号> <原因>，例：/取消 3 家属已买到"
	id, msg := aidArg(r, usage)
	if msg != "" {
		return msg
	}
	note := strings.TrimSpace(strings.TrimPrefix(r.Rest, r.Args[0]))
	if note == "" {
		return "取消求助需要写明原因。" + usage
	}
	a, msg, ok := s.moveAid(ctx, r, id, store.AidCancelled, note)
	if !ok {
		return msg
	}
	s.tellClosed(ctx, a, fmt.Sprintf("【求助已取消】%s 由 %s 取消：%s", aidTitle(a), a.ClosedBy, note))
	return fmt.Sprintf("已取消 #%d：%s %s。原因：%s", a.ID, a.ElderName, needsLabel(a.Needs), note)
}

// tellClosed tells the elder's liaison and the claimer, other than the closer.
func (s *Service) tellClosed(ctx context.Context, a store.AidRequest, text string) {
	var to []config.Staff
	if e, ok := s.elder(a.ElderID); ok {
		if l, ok := s.liaisonOf(e); ok {
			to = append(to, l)
		}
	}
	if st, ok := s.cfg.StaffByName(a.Claimer); ok {
		to = append(to, st)
	}
	s.sendEach(ctx, to, a.ClosedBy, text)
}

func noteSuffix(note string) string {
	if note == "" {
		return ""
	}
	return "：" + note
}

func (s *Service) cmdAids(ctx context.Context, r bot.Request) string {
	aids, err := s.st.ActiveAids(ctx)
	if err != nil {
		s.log.Error("list aid requests", "err", err)
		return internalFail
	}
	ems, err := s.st.ActiveEmergencies(ctx)
	if err != nil {
		s.log.Error("list emergencies", "err", err)
		return internalFail
	}
	if len(aids) == 0 && len(ems) == 0 {
		return "目前没有未完成的求助或紧急情况。"
	}
	now := s.now()
	var b strings.Builder
	if len(ems) > 0 {
		fmt.Fprintf(&b, "紧急情况 %d 件：", len(ems))
		for _, e := range ems {
			state := "未确认！请发 /收到 " + fmt.Sprint(e.ID)
			if e.Status == store.EmergencyAcked {
				state = e.AckBy + " 已确认，处理完请发 /解除 " + fmt.Sprint(e.ID) + " 说明"
			}
			fmt.Fprintf(&b, "\n#%d %s｜%s｜%s", e.ID, e.ElderName, ago(now, e.Opened), state)
		}
		if len(aids) > 0 {
			b.WriteString("\n")
		}
	}
	if len(aids) > 0 {
		fmt.Fprintf(&b, "未完成的求助 %d 件（最早的在前）：", len(aids))
		for _, a := range aids {
			state := "待认领"
			if a.Status == store.AidClaimed {
				state = a.Claimer + " 已认领"
			}
			fmt.Fprintf(&b, "\n%s｜%s｜%s", aidTitle(a), state, ago(now, a.Opened))
		}
		b.WriteString("\n认领：/认领 编号　完成：/完成 编号 备注")
	}
	return b.String()
}
