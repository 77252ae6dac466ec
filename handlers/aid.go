package handlers

import (
	"context"
	"fmt"
	"strings"
	"time"

	"pingan/bot"
	"pingan/handlers/parse"
	"pingan/store"
)

// onAid handles an aid request read from a group reply.
func (s *Service) onAid(ctx context.Context, m bot.Message, e store.Elder, who string, c store.Contact, r parse.Reply) {
	s.notify(ctx, e, false, fmt.Sprintf("【求助】%s 需要：%s%s\n原话：%s\n电话：%s", who, needsLabel(c.Needs), detailSuffix(r.Detail), m.Text, orDash(e.Phone)))
}

// onUrgent handles an emergency read from a group reply.
func (s *Service) onUrgent(ctx context.Context, m bot.Message, e store.Elder, who string, r parse.Reply) {
	s.notify(ctx, e, true, fmt.Sprintf("【紧急】%s 在群「%s」说：%s\n电话：%s\n家属：%s\n请立即联系！", who, m.Group, m.Text,
		orDash(e.Phone), orDash(strings.Join(e.Family, "；"))))
}

// Escalate runs the aid and emergency escalation checks for time at.
func (s *Service) Escalate(ctx context.Context, at time.Time) error { return nil }
