package handlers

import (
	"context"
	"fmt"
	"strings"

	"pingan/config"
	"pingan/store"
)

// A case (#N, an aid request or an emergency) is about one elder of the
// roster, or about a sender the roster does not know yet: then its elder
// id is unmatchedPrefix + the sender's name, and, when the sender fits
// several elders (namesakes), Candidates holds their ids so that every
// candidate's liaison hears of it.

// unmatchedPrefix marks the elder id of a case from a sender the roster
// does not know yet.
const unmatchedPrefix = "unmatched:"

// unknownElder is the stand-in of a sender the roster does not know.
func unknownElder(name string, candidates []store.Elder) store.Elder {
	label := "未识别成员「" + name + "」"
	if len(candidates) > 1 {
		label = "「" + name + "」（同名或无法确定，可能是 " + elderIDs(candidates) + " 之一）"
	}
	return store.Elder{ID: unmatchedPrefix + name, Name: label}
}

// ids lists elders' ids.
func ids(es []store.Elder) []string {
	if len(es) == 0 {
		return nil
	}
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}

// caseElders are the elders of a case's candidate ids that are still on the roster.
func (s *Service) caseElders(candidates []string) []store.Elder {
	var out []store.Elder
	for _, id := range candidates {
		if e, ok := s.elder(id); ok {
			out = append(out, e)
		}
	}
	return out
}

// caseSubject is a case's elder as the roster knows them now, or its stand-in.
func (s *Service) caseSubject(id, name string) store.Elder {
	if e, ok := s.elder(id); ok {
		return e
	}
	return store.Elder{ID: id, Name: name}
}

// liaisonsOf are the liaisons of e, or of each candidate when e is not on
// the roster; each once.
func (s *Service) liaisonsOf(e store.Elder, candidates []store.Elder) []config.Staff {
	var out []config.Staff
	seen := map[string]bool{}
	for _, x := range append([]store.Elder{e}, candidates...) {
		if l, ok := s.liaisonOf(x); ok && !seen[l.Remark] {
			seen[l.Remark] = true
			out = append(out, l)
		}
	}
	return out
}

// contactsOf is what staff need to call: the elder's phone and family,
// or each candidate's with their liaison.
func (s *Service) contactsOf(e store.Elder, candidates []store.Elder, phone, family bool) string {
	var b strings.Builder
	if len(candidates) > 1 {
		b.WriteString("可能是以下几位之一，请逐一电话确认：\n")
		for _, c := range candidates {
			fmt.Fprintf(&b, "· %s（%s，%s）电话 %s，联络员 %s", c.Name, orDash(c.Branch), c.ID, orDash(c.Phone), orDash(c.Liaison))
			if family && len(c.Family) > 0 {
				fmt.Fprintf(&b, "，家属 %s", strings.Join(c.Family, "；"))
			}
			b.WriteString("\n")
		}
		return b.String()
	}
	if len(candidates) == 1 {
		e = candidates[0]
	}
	if phone {
		fmt.Fprintf(&b, "电话：%s\n", orDash(e.Phone))
	}
	if family {
		fmt.Fprintf(&b, "家属：%s\n", orDash(strings.Join(e.Family, "；")))
	}
	return b.String()
}

// bindHint tells staff how to attribute an unknown sender's messages.
func bindHint(e store.Elder, candidates []store.Elder) string {
	nick, ok := strings.CutPrefix(e.ID, unmatchedPrefix)
	if !ok {
		return ""
	}
	if len(candidates) > 1 {
		return fmt.Sprintf("确认是哪一位后请补记：/绑定 %s %s（写编号）\n", nick, candidates[0].ID)
	}
	return fmt.Sprintf("该昵称还未绑定老同志，请尽快核实；绑定：/绑定 %s 老同志姓名\n", nick)
}

// where says where a message was written, for staff.
func (s *Service) where(group string) string {
	switch {
	case group == "":
		return "私聊机器人"
	case !s.knownGroup(group):
		return "在未登记的群「" + group + "」"
	}
	return "在群「" + group + "」"
}

// indexCase notes case #id under its elder, or under each candidate, for
// /查询; a failure only hides the case there, and is logged.
func (s *Service) indexCase(ctx context.Context, elderID string, candidates []string, id int64) {
	for _, e := range append([]string{elderID}, candidates...) {
		if err := s.st.IndexCase(ctx, e, id); err != nil {
			s.log.Warn("case not indexed for /查询", "case", id, "elder", e, "err", err)
		}
	}
}
