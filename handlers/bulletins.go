package handlers

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"pingan/bot"
	"pingan/config"
	"pingan/store"
)

// bulletinPartRunes is the most text one bulletin message carries; a
// longer body goes out in parts cut at line breaks, each titled (n/m).
const bulletinPartRunes = 1000

// Bulletins is the bulletins job: it queues every bulletin due at tick for
// each of its groups that has not had it. A group's copy is claimed in
// Redis (HSETNX) in the same script that queues it, so a bulletin goes to a
// group once — not again after a restart, a reload or in a second process,
// and not lost to a crash between the claim and the queue. A one-off
// bulletin due longer ago than bulletins.grace is skipped, logged once and
// shown as missed in /notices.
func (s *Service) Bulletins(ctx context.Context, tick time.Time) error {
	list, err := s.allBulletins(ctx)
	if err != nil {
		return err
	}
	var errs []error
	for _, b := range list {
		if _, err := s.deliverBulletin(ctx, b, tick); err != nil {
			errs = append(errs, fmt.Errorf("bulletin %s: %w", b.ID, err))
		}
	}
	return errors.Join(errs...)
}

// allBulletins returns the file bulletins, then those added in chat.
func (s *Service) allBulletins(ctx context.Context) ([]store.Bulletin, error) {
	chat, err := s.st.Bulletins(ctx)
	if err != nil {
		return nil, fmt.Errorf("read bulletins: %w", err)
	}
	return append(append([]store.Bulletin(nil), s.cfg.Bulletins.Files...), chat...), nil
}

// bulletinDue decides, for bulletin b at time t, which occurrence is due
// (zero for a one-off), whether anything is due, and whether a one-off was
// missed: due longer ago than grace. A recurring bulletin is due for its
// latest occurrence within grace; older occurrences are simply gone.
func bulletinDue(b store.Bulletin, t time.Time, grace time.Duration, loc *time.Location) (occ time.Time, due, missed bool) {
	if b.State != store.BulletinApproved {
		return time.Time{}, false, false
	}
	if !b.Recurring() {
		at := b.Due()
		switch {
		case at.After(t):
			return time.Time{}, false, false
		case t.Sub(at) > grace:
			return time.Time{}, false, true
		}
		return time.Time{}, true, false
	}
	sched, err := config.ParseCron(b.Schedule)
	if err != nil {
		return time.Time{}, false, false
	}
	for o := sched.Next(t.Add(-grace).In(loc)); !o.IsZero() && !o.After(t); o = sched.Next(o) {
		occ = o
	}
	if occ.IsZero() || (!b.Created.IsZero() && occ.Before(b.Created)) {
		return time.Time{}, false, false
	}
	return occ, true, false
}

// deliverBulletin queues b for each group still without it, if due at t,
// and returns how many groups it was queued for now.
func (s *Service) deliverBulletin(ctx context.Context, b store.Bulletin, t time.Time) (int, error) {
	occ, due, missed := bulletinDue(b, t, s.cfg.Bulletins.Grace.D(), s.cfg.Location)
	if missed {
		got, err := s.st.Deliveries(ctx, b.ID)
		if err != nil || len(got) >= len(b.Groups) {
			return 0, err
		}
		first, err := s.st.MarkMissed(ctx, b.ID, t)
		if err != nil {
			return 0, err
		}
		if first {
			s.log.Warn("skipped a bulletin: it came due longer ago than bulletins.grace (was the bot down?)",
				"bulletin", b.ID, "due", b.Due(), "grace", s.cfg.Bulletins.Grace.D(), "sent_to", len(got), "groups", len(b.Groups))
		}
		return 0, nil
	}
	if !due {
		return 0, nil
	}
	now := s.now()
	n := 0
	for _, g := range b.Groups {
		field := store.DeliveryField(g, occ)
		claim := func(ctx context.Context, es []store.OutboxEntry) (bool, error) {
			return s.st.QueueBulletin(ctx, b.ID, field, now, es)
		}
		ok, err := s.out.EnqueueWith(ctx, now, claim, bulletinMessages(b, g)...)
		if err != nil {
			return n, fmt.Errorf("queue for %s: %w", g, err)
		}
		if !ok {
			continue
		}
		s.log.Info("bulletin queued", "bulletin", b.ID, "group", g)
		n++
	}
	return n, nil
}

// bulletinMessages renders b for one group: the titled text, in parts cut
// at line breaks when long, then the picture.
func bulletinMessages(b store.Bulletin, group string) []bot.Outgoing {
	head := "【通知】" + b.Title
	parts := bot.SplitText(b.Body, bulletinPartRunes)
	var out []bot.Outgoing
	for i, p := range parts {
		h := head
		if len(parts) > 1 {
			h += fmt.Sprintf("（%d/%d）", i+1, len(parts))
		}
		text := h + "\n" + p
		if i == len(parts)-1 {
			text += "\n——来源：" + b.Source
		}
		out = append(out, bot.Outgoing{Group: group, Text: text, Lane: bot.LaneBroadcast})
	}
	if b.Image != "" {
		out = append(out, bot.Outgoing{Group: group, File: b.Image, Image: true, Lane: bot.LaneBroadcast})
	}
	return out
}

// rumourText is the gentle pointer to the official sources: no names.
func rumourText(b config.Bulletins) string {
	return "温馨提示：网上转发的消息真假难辨，请以官方发布为准。权威信息请看「" + strings.Join(b.AllowedSources, "」「") +
		"」，有疑问可以问问您的联络员。"
}

// rumourHint answers, when bulletins.rumour_hint is on, a group message
// carrying a link from outside the allowed domains with a pointer to the
// official sources — at most once a day per group, never naming anyone.
func (s *Service) rumourHint(ctx context.Context, m bot.Message) {
	b := s.cfg.Bulletins
	if !b.RumourHint || !b.Enabled() || m.Kind != bot.KindText || m.Group == "" {
		return
	}
	outside := false
	for _, l := range config.Links(m.Text) {
		if !b.DomainAllowed(l) {
			outside = true
			break
		}
	}
	if !outside {
		return
	}
	first, err := s.st.Once(ctx, "rumour:"+m.Group+":"+s.now().Format("20060102"), 48*time.Hour)
	if err != nil {
		s.log.Error("rumour hint marker", "err", err)
		return
	}
	if first {
		s.send(ctx, bot.Outgoing{Group: m.Group, Text: rumourText(b)})
	}
}
