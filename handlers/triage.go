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

// Graded alerts (../shared/triage.md): a reading's alert is none, confirm
// or alarm. alarm is the emergency flow (urgent.go). confirm tells the
// elder's liaison at once, in the staff lane, quoting the words and the
// sign found, and asks for /收到; unconfirmed after urgent.confirm_within
// it becomes an alarm to the admins, with repeats. Hotlines (12356 for
// despair, 110 and 96110 for fraud) go to staff only; the elder gets a
// warm, plain answer.

// alertOf is a reply's alert level; a reply built by hand without one
// (stickers) is none.
func alertLevel(r parse.Reply) parse.Alert {
	switch {
	case r.Alert != "":
		return r.Alert
	case r.Intent == parse.IntentUrgent:
		return parse.AlertAlarm
	}
	return parse.AlertNone
}

// signsText is what the parser found, for staff: 「疑似中风：半边脸耷拉」；….
func signsText(r parse.Reply) string {
	raised := r.Raised()
	parts := make([]string, 0, len(raised))
	for _, f := range raised {
		parts = append(parts, f.Label())
	}
	return strings.Join(parts, "；")
}

// hotlineText is the staff notice's line of useful numbers; "" when none.
func hotlineText(hotlines []string) string {
	var parts []string
	for _, h := range hotlines {
		switch h {
		case "12356":
			parts = append(parts, "心理援助热线 12356")
		case "110":
			parts = append(parts, "报警 110")
		case "96110":
			parts = append(parts, "反诈专线 96110（可协助紧急止付）")
		default:
			parts = append(parts, h)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "可用电话：" + strings.Join(parts, "，") + "\n"
}

// confirmRecipients are whom a reading to confirm goes to: the elder's
// liaison (each candidate's); the admins when no liaison is known.
func (s *Service) confirmRecipients(e store.Elder, candidates []store.Elder) []config.Staff {
	if to := s.liaisonsOf(e, candidates); len(to) > 0 {
		return to
	}
	return s.cfg.Admins()
}

// onConfirm opens a case for a reading that may be serious.
func (s *Service) onConfirm(ctx context.Context, m bot.Message, e store.Elder, who string, r parse.Reply) {
	s.raise(ctx, m, e, nil, who, r, true)
}

// answerKind is how the writer of a reading with alert a is answered.
func answerKind(r parse.Reply) string {
	switch alertLevel(r) {
	case parse.AlertAlarm:
		for _, sg := range []parse.Sign{parse.SignDespair, parse.SignFraud, parse.SignViolence, parse.SignLost} {
			if r.Has(sg) {
				return ackKindUrgent + ":" + string(sg)
			}
		}
		return ackKindUrgent
	case parse.AlertConfirm:
		return ackKindConfirm
	}
	return ""
}

// readingText is what /查询 shows of the latest reading's evidence; "" when nothing fired.
func readingText(text string) string {
	r := parse.Parse(text)
	if len(r.Findings) == 0 {
		return ""
	}
	parts := make([]string, 0, len(r.Findings))
	for _, f := range r.Findings {
		parts = append(parts, f.Label())
	}
	return fmt.Sprintf("判读：%s（%s）\n", alertName(alertLevel(r)), strings.Join(parts, "；"))
}

// alertName is an alert level in Chinese.
func alertName(a parse.Alert) string {
	switch a {
	case parse.AlertAlarm:
		return "紧急"
	case parse.AlertConfirm:
		return "需确认"
	}
	return "无需提醒"
}

// signsLine is the notice's line of evidence; "" when nothing fired.
func signsLine(r parse.Reply) string {
	if t := signsText(r); t != "" {
		return "判读依据：" + t + "\n"
	}
	return ""
}
