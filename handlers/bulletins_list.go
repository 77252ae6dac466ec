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

// BulletinView is one bulletin as /notices shows it.
type BulletinView struct {
	Bulletin store.Bulletin
	// State is 待批准, 已排期, 发送中, 已发送, 已错过 or 定期.
	State string
	// Next is the next send time, zero when none.
	Next time.Time
	// Sent are the groups' copies so far.
	Sent []store.Delivery
	// Missed is when it was found too late to send; zero when not.
	Missed time.Time
}

// Notices lists every bulletin with its state, next time and deliveries.
func (s *Service) Notices(ctx context.Context) ([]BulletinView, error) {
	list, err := s.allBulletins(ctx)
	if err != nil {
		return nil, err
	}
	missed, err := s.st.Missed(ctx)
	if err != nil {
		return nil, err
	}
	now := s.now()
	out := make([]BulletinView, 0, len(list))
	for _, b := range list {
		v := BulletinView{Bulletin: b, Missed: missed[b.ID]}
		if v.Sent, err = s.st.Deliveries(ctx, b.ID); err != nil {
			return nil, err
		}
		switch {
		case b.State == store.BulletinPending:
			v.State = "待批准"
			if b.PublishAt.After(now) {
				v.Next = b.PublishAt
			}
		case b.Recurring():
			v.State = "定期"
			if sched, err := config.ParseCron(b.Schedule); err == nil {
				v.Next = sched.Next(now.In(s.cfg.Location))
			}
		case len(v.Sent) >= len(b.Groups):
			v.State = "已发送"
		case !v.Missed.IsZero():
			v.State = "已错过"
		case b.Due().After(now):
			v.State, v.Next = "已排期", b.Due()
		default:
			v.State = "发送中"
		}
		out = append(out, v)
	}
	return out, nil
}

var noticeOrder = []string{"待批准", "已排期", "定期", "发送中", "已发送", "已错过"}

func (s *Service) cmdNotices(ctx context.Context, r bot.Request) string {
	views, err := s.Notices(ctx)
	if err != nil {
		s.log.Error("notices", "err", err)
		return internalFail
	}
	if len(views) == 0 {
		return "还没有通知。发布：/通知 标题 | 来源 | 立即 | 正文"
	}
	loc := s.cfg.Location
	var b strings.Builder
	b.WriteString("【通知列表】")
	for _, state := range noticeOrder {
		first := true
		for _, v := range views {
			if v.State != state {
				continue
			}
			if first {
				fmt.Fprintf(&b, "\n%s：", state)
				first = false
			}
			bl := v.Bulletin
			fmt.Fprintf(&b, "\n· %s「%s」%s", bl.ID, bl.Title, bl.Source)
			if bl.Author != "" {
				fmt.Fprintf(&b, "，%s 提交", bl.Author)
			}
			if bl.ApprovedBy != "" {
				fmt.Fprintf(&b, "，%s 批准", bl.ApprovedBy)
			}
			switch {
			case bl.Recurring():
				fmt.Fprintf(&b, "\n  周期 %s，下次 %s", bl.Schedule, fmtTime(v.Next, loc))
				if n := len(v.Sent); n > 0 {
					last := v.Sent[n-1]
					fmt.Fprintf(&b, "；上次 %s 发往 %d 个群", fmtTime(last.Occurrence, loc), countOcc(v.Sent, last.Occurrence))
				}
			case state == "已错过":
				fmt.Fprintf(&b, "\n  应于 %s 发送，重启后已超过宽限 %s，未发（已发 %d/%d 个群）", fmtTime(bl.Due(), loc),
					s.cfg.Bulletins.Grace.D(), len(v.Sent), len(bl.Groups))
			default:
				if !v.Next.IsZero() {
					fmt.Fprintf(&b, "\n  发送时间 %s", fmtTime(v.Next, loc))
				} else if state == "待批准" {
					b.WriteString("\n  批准后立即发送")
				}
				fmt.Fprintf(&b, "，已发 %d/%d 个群", len(v.Sent), len(bl.Groups))
				if state == "待批准" {
					fmt.Fprintf(&b, "（/批准 %s）", bl.ID)
				}
				for _, d := range v.Sent {
					fmt.Fprintf(&b, "\n  ✓ %s %s", d.Group, fmtTime(d.At, loc))
				}
			}
		}
	}
	return b.String()
}

func fmtTime(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return "—"
	}
	return t.In(loc).Format("01-02 15:04")
}

func countOcc(ds []store.Delivery, occ time.Time) int {
	n := 0
	for _, d := range ds {
		if d.Occurrence.Equal(occ) {
			n++
		}
	}
	return n
}
