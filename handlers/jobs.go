package handlers

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"pingan/bot"
	"pingan/config"
	"pingan/store"
)

// Checkin opens the round for at and posts the prompt to every group, in
// one step. Run twice for the same time, it posts nothing the second time.
func (s *Service) Checkin(ctx context.Context, at time.Time) error {
	r := store.Round{ID: store.RoundID(at.In(s.cfg.Location)), Opened: at, Closes: at.Add(s.cfg.Checkin.Window.D()), Groups: s.cfg.GroupNames()}
	var prompts []bot.Outgoing
	for _, g := range s.cfg.Groups {
		prompts = append(prompts, bot.Outgoing{Group: g.Name, Text: s.cfg.Checkin.Prompt, Lane: bot.LaneBroadcast})
	}
	open := func(ctx context.Context, es []store.OutboxEntry) (bool, error) { return s.st.OpenRound(ctx, r, es) }
	if _, err := s.out.EnqueueWith(ctx, at, open, prompts...); err != nil {
		return fmt.Errorf("open round: %w", err)
	}
	return nil
}

// TodoItem is one elder a liaison should contact, and why.
type TodoItem struct {
	Elder  store.Elder
	Status store.Status
	Reason string
	// Away is set when the elder is away or in hospital (Reason says until when).
	Away  bool
	rank  int
	since time.Time
	read  bool // Status is read
}

// Todo lists the elders a staff member should contact, most urgent first:
// escalated, overdue, unwell, to look at (sticker/voice), silent in the open
// round. A liaison sees their own elders; an admin sees everyone's. It
// reads the indexes for those elders only (a liaison's, not the office's)
// and the statuses of the elders it lists.
func (s *Service) Todo(ctx context.Context, who config.Staff) ([]TodoItem, error) {
	items, err := s.todoRanked(ctx, who)
	if err != nil {
		return nil, err
	}
	return items, s.readStatuses(ctx, items)
}

// todoRanked is Todo with the statuses read only of the elders whose order
// depends on them (the unwell, those to look at).
func (s *Service) todoRanked(ctx context.Context, who config.Staff) ([]TodoItem, error) {
	now := s.now()
	x := s.idx()
	ids := x.order
	if who.Role != config.RoleAdmin {
		ids = x.byLiaison[who.Name]
	}
	marks, err := s.st.MarksOf(ctx, ids, now, s.todayRound(ctx, now))
	if err != nil {
		return nil, err
	}
	var silent []string
	if marks.Seen != nil {
		for _, id := range ids {
			if !marks.Seen[id] {
				silent = append(silent, id)
			}
		}
	}
	return s.rankTodo(ctx, who, x, marks, silent)
}

// todayRound is the id of the round open at now; "" for none.
func (s *Service) todayRound(ctx context.Context, now time.Time) string {
	if r := s.openRound(ctx, now); r != nil && r.Open(now) {
		return r.ID
	}
	return ""
}

// rankTodo makes and orders Todo's items from what the indexes say of the
// elders (marks) and the elders not heard from in today's round (silent).
func (s *Service) rankTodo(ctx context.Context, who config.Staff, x *rosterIndex, marks store.Marks, silent []string) ([]TodoItem, error) {
	mine := func(e store.Elder) bool { return who.Role == config.RoleAdmin || e.Liaison == who.Name }
	// What to list, in the order reasons take precedence; an elder's first
	// reason of the most urgent rank is theirs.
	type reason struct {
		id    string
		rank  int
		text  string
		since time.Time // for the unwell and those to look at, the status's, read below
	}
	var reasons []reason
	if err := s.aidTodo(ctx, who, func(id string, rank int, text string, since time.Time) {
		reasons = append(reasons, reason{id: id, rank: rank, text: text, since: since})
	}); err != nil {
		return nil, err
	}
	for id, since := range marks.Escalated {
		reasons = append(reasons, reason{id: id, rank: 0, text: "超时已升级", since: since})
	}
	for id, since := range marks.Overdue {
		reasons = append(reasons, reason{id: id, rank: 1, text: "超时未联系", since: since})
	}
	for id := range marks.Unwell {
		reasons = append(reasons, reason{id: id, rank: 2, text: "身体不适"})
	}
	for id := range marks.Flagged {
		if !marks.Unwell[id] {
			reasons = append(reasons, reason{id: id, rank: 3, text: "需查看"})
		}
	}
	for _, id := range silent {
		reasons = append(reasons, reason{id: id, rank: rankSilent, text: silentReason})
	}
	for id, a := range marks.Away {
		reasons = append(reasons, reason{id: id, rank: rankAway, text: awayLabel(a, s.cfg.Location), since: a.At})
	}
	items := map[string]*TodoItem{}
	for _, r := range reasons {
		e, ok := x.elders[r.id]
		if !ok || !mine(e) {
			continue
		}
		if _, ok := marks.Away[r.id]; ok && r.rank >= 0 && r.rank != rankAway {
			continue // away: only an open case shows, and the absence itself
		}
		if it, ok := items[r.id]; ok && it.rank <= r.rank {
			continue
		}
		items[r.id] = &TodoItem{Elder: e, Reason: r.text, Away: r.rank == rankAway, rank: r.rank, since: r.since}
	}
	out := make([]TodoItem, 0, len(items))
	for _, it := range items {
		out = append(out, *it)
	}
	// The unwell are ordered by when they said so, those to look at by
	// their latest contact: their statuses are read now.
	var byStatus []int
	for i, it := range out {
		if it.rank == 2 || it.rank == 3 {
			byStatus = append(byStatus, i)
		}
	}
	if err := s.readStatuses(ctx, out, byStatus...); err != nil {
		return nil, err
	}
	for _, i := range byStatus {
		if out[i].rank == 2 {
			out[i].since = out[i].Status.HealthAt
		} else {
			out[i].since = out[i].Status.Last
		}
	}
	sort.Slice(out, func(i, j int) bool { return todoBefore(out[i], out[j]) })
	return out, nil
}

// todoBefore orders /待办: by rank, then the higher-risk tier (which
// checks in more often), then the longer waiting, then by id.
func todoBefore(a, b TodoItem) bool {
	if a.rank != b.rank {
		return a.rank < b.rank
	}
	if ha, hb := a.Elder.ContactEvery, b.Elder.ContactEvery; ha != hb {
		return ha < hb
	}
	if !a.since.Equal(b.since) {
		return a.since.Before(b.since)
	}
	return a.Elder.ID < b.Elder.ID
}

// officeTodo is an admin's /待办 (everyone's) as it is shown: everything
// overdue, escalated, unwell, to look at or away, from the indexes' ranges,
// and of the elders not heard from in today's round the first ones, so that
// limit items are listed before the away, with more the number of those left out.
// It reads what it shows and the indexes' answers, not the whole roster.
func (s *Service) officeTodo(ctx context.Context, who config.Staff, limit int) (items []TodoItem, more int, err error) {
	now := s.now()
	x := s.idx()
	roundID := s.todayRound(ctx, now)
	counts, counted := map[string]int(nil), false
	if roundID != "" {
		if counts, counted, err = s.st.RoundCounts(ctx, roundID); err != nil {
			return nil, 0, err
		}
		if !counted { // a round an earlier version opened: ask about everyone
			items, err := s.todoRanked(ctx, who)
			return items, 0, err
		}
	}
	marks, err := s.st.OfficeMarks(ctx, now)
	if err != nil {
		return nil, 0, err
	}
	if items, err = s.rankTodo(ctx, who, x, marks, nil); err != nil || roundID == "" {
		return items, 0, err
	}
	// The elders not heard from today who are not listed already: how
	// many, from the round's counts, and the first of them in order.
	listed := make(map[string]bool, len(items))
	ids := make([]string, 0, len(items))
	before := 0 // items listed before the silent ones
	for _, it := range items {
		listed[it.Elder.ID] = true
		ids = append(ids, it.Elder.ID)
		if it.rank < rankSilent {
			before++
		}
	}
	seenListed, err := s.st.SeenAmong(ctx, roundID, ids)
	if err != nil {
		return nil, 0, err
	}
	silentAll := 0
	for _, b := range x.branches {
		silentAll += len(x.byBranch[b]) - min(counts[b], len(x.byBranch[b]))
	}
	silentAll -= len(ids) - len(seenListed)
	var silent []TodoItem
	want := limit - before
	for from := 0; from < len(x.silentOrder) && len(silent) < want; from += marksChunk {
		chunk := x.silentOrder[from:min(len(x.silentOrder), from+marksChunk)]
		seen, err := s.st.SeenAmong(ctx, roundID, chunk)
		if err != nil {
			return nil, 0, err
		}
		for _, id := range chunk {
			if !seen[id] && !listed[id] && len(silent) < want {
				silent = append(silent, TodoItem{Elder: x.elders[id], Reason: silentReason, rank: rankSilent})
			}
		}
	}
	out := make([]TodoItem, 0, len(items)+len(silent))
	out = append(append(append(out, items[:before]...), silent...), items[before:]...)
	return out, max(silentAll-len(silent), 0), nil
}

// marksChunk is how many elders officeTodo asks about at once.
const marksChunk = 1000

// readStatuses fills in the statuses of items not read yet: those at
// which, or all when which is empty.
func (s *Service) readStatuses(ctx context.Context, items []TodoItem, which ...int) error {
	if len(which) == 0 {
		for i := range items {
			which = append(which, i)
		}
	}
	var ids []string
	for _, i := range which {
		if !items[i].read {
			ids = append(ids, items[i].Elder.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	statuses, err := s.st.StatusesOf(ctx, ids)
	if err != nil {
		return err
	}
	for _, i := range which {
		if items[i].read {
			continue
		}
		st, ok := statuses[items[i].Elder.ID]
		if !ok {
			st = store.NewStatus()
		}
		items[i].Status, items[i].read = st, true
	}
	return nil
}

// Reminders sends each liaison one private digest of their overdue elders,
// and the admins the elders overdue past escalation.
func (s *Service) Reminders(ctx context.Context, at time.Time) error {
	overdue, err := s.st.Overdue(ctx, at)
	if err != nil {
		return err
	}
	escalated, err := s.st.Escalated(ctx, at)
	if err != nil {
		return err
	}
	now := at.In(s.cfg.Location)
	away := s.awayOf(ctx, dueIDs(overdue, escalated))
	overdue, escalated = presentOnly(overdue, away), presentOnly(escalated, away)
	statuses, err := s.st.StatusesOf(ctx, dueIDs(overdue, escalated))
	if err != nil {
		return err
	}
	byLiaison := map[string][]store.Elder{}
	for _, d := range overdue {
		if e, ok := s.elder(d.ElderID); ok {
			byLiaison[e.Liaison] = append(byLiaison[e.Liaison], e)
		}
	}
	line := func(i int, e store.Elder) string {
		st, ok := statuses[e.ID]
		if !ok {
			st = store.NewStatus()
		}
		return fmt.Sprintf("%d. %s（%s）电话 %s｜%s", i+1, e.Name, tierLabel(e), orDash(e.Phone), lastLine(now, st))
	}
	var msgs []bot.Outgoing
	for _, st := range s.cfg.Staff {
		list := byLiaison[st.Name]
		if len(list) == 0 {
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "【待联系提醒】%s，您负责的以下 %d 位老同志需要联系（超过联系时限，或还没有联系记录）：", st.Name, len(list))
		for i, e := range list {
			b.WriteString("\n" + line(i, e))
		}
		b.WriteString("\n联系后请发：/已联系 姓名 电话 情况")
		msgs = append(msgs, toStaff(st, b.String()))
	}
	if len(escalated) > 0 {
		var b strings.Builder
		fmt.Fprintf(&b, "【超时升级】以下 %d 位老同志已超过 %.0f 倍联系时限仍未联系上：", len(escalated), s.cfg.EscalateAfter)
		n := 0
		for _, d := range escalated {
			e, ok := s.elder(d.ElderID)
			if !ok {
				continue
			}
			b.WriteString("\n" + line(n, e) + "｜联络员 " + e.Liaison)
			n++
		}
		if n > 0 {
			for _, a := range s.cfg.Admins() {
				msgs = append(msgs, toStaff(a, b.String()))
			}
		}
	}
	return s.send(ctx, msgs...)
}

// Report sends the admins the day's figures, as text and as a chart, and
// saves them as the day's in the history.
func (s *Service) Report(ctx context.Context, at time.Time) error {
	st, err := s.statusAt(ctx, at)
	if err != nil {
		return err
	}
	saved := s.saveDay(ctx, st) // report_chart.go: the history behind the chart
	msgs := s.withChart(st.Text(true), func() (string, error) { return s.dailyChart(ctx, st) }, s.adminRemarks()...)
	return errors.Join(s.send(ctx, msgs...), saved)
}

// Overview is the office's figures at one moment.
type Overview struct {
	Office   string
	At       time.Time
	Round    *store.Round
	Branches []BranchCount
	Answered int
	Total    int
	Well     int
	Unwell   []store.Elder
	Unknown  int
	Overdue  int
	// Away counts elders away or in hospital (not counted as overdue).
	Away      int
	Escalated []store.Elder
	Flagged   int
	Unmatched int
	// Aid is the aid requests' and emergencies' figures (aid_escalate.go).
	Aid AidFigures
}

// BranchCount is one branch's coverage in the round.
type BranchCount struct {
	Branch   string
	Answered int
	Total    int
}

// Status builds the overview now; /status and the report share it.
func (s *Service) Status(ctx context.Context) (Overview, error) { return s.statusAt(ctx, s.now()) }

func (s *Service) statusAt(ctx context.Context, at time.Time) (Overview, error) {
	ov := Overview{Office: s.cfg.Name, At: at.In(s.cfg.Location)}
	x := s.idx()
	var answered map[string]int
	r, err := s.st.LatestRound(ctx, at)
	switch {
	case err == nil && sameDay(r.Opened.In(s.cfg.Location), ov.At):
		ov.Round = &r
		if answered, err = s.roundCounts(ctx, r.ID, x); err != nil {
			return ov, err
		}
	case err != nil && !errors.Is(err, store.ErrNotFound):
		return ov, err
	}
	for _, b := range x.branches {
		bc := BranchCount{Branch: b, Total: len(x.byBranch[b]), Answered: min(answered[b], len(x.byBranch[b]))}
		ov.Branches = append(ov.Branches, bc)
		ov.Total += bc.Total
		ov.Answered += bc.Answered
	}
	f, err := s.st.Figures(ctx, at)
	if err != nil {
		return ov, err
	}
	unwell := make([]string, 0, len(f.Unwell))
	for _, id := range f.Unwell {
		if _, ok := x.elders[id]; ok {
			unwell = append(unwell, id)
		}
	}
	sort.Slice(unwell, func(i, j int) bool { return x.pos[unwell[i]] < x.pos[unwell[j]] })
	ov.Unwell = x.list(unwell)
	ov.Well = min(f.Well, ov.Total-len(ov.Unwell))
	ov.Unknown = ov.Total - ov.Well - len(ov.Unwell)
	ov.Flagged = f.Flagged
	// The away are not overdue: the indexes say which of them are due.
	awayMarks, err := s.st.MarksOf(ctx, f.AwayIDs, at, "")
	if err != nil {
		return ov, err
	}
	ov.Away = len(f.AwayIDs)
	ov.Overdue = f.Overdue - len(awayMarks.Overdue)
	esc, err := s.st.Escalated(ctx, at)
	if err != nil {
		return ov, err
	}
	esc = presentOnly(esc, awayMarks.Away)
	for _, d := range esc {
		if e, ok := s.elder(d.ElderID); ok {
			ov.Escalated = append(ov.Escalated, e)
		}
	}
	um, err := s.st.UnmatchedList(ctx)
	if err != nil {
		return ov, err
	}
	ov.Unmatched = len(um)
	if ov.Aid, err = s.aidFigures(ctx, at); err != nil {
		return ov, err
	}
	return ov, nil
}

// roundCounts is how many of each branch's elders were heard from in the
// round: the round's counts, or, for a round an earlier version opened,
// its set of elders heard from asked about every elder (once, on the day
// of an upgrade).
func (s *Service) roundCounts(ctx context.Context, roundID string, x *rosterIndex) (map[string]int, error) {
	counts, ok, err := s.st.RoundCounts(ctx, roundID)
	if err != nil || ok {
		return counts, err
	}
	seen, err := s.st.SeenAmong(ctx, roundID, x.order)
	if err != nil {
		return nil, err
	}
	counts = map[string]int{}
	for id := range seen {
		counts[x.elders[id].Branch]++
	}
	return counts, nil
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// Abnormal reports whether anything needs attention.
func (o Overview) Abnormal() bool {
	return o.Aid.abnormal() || len(o.Unwell) > 0 || o.Overdue > 0 || len(o.Escalated) > 0 || o.Flagged > 0 || o.Unmatched > 0 ||
		(o.Round != nil && o.Answered < o.Total)
}

// Text renders the overview for staff; report adds the day's heading and
// the zero-report wording.
func (o Overview) Text(report bool) string {
	var b strings.Builder
	if report {
		fmt.Fprintf(&b, "【日报】%s %s\n", o.Office, o.At.Format("2006年1月2日"))
	} else {
		fmt.Fprintf(&b, "【状态】%s\n", o.At.Format("01-02 15:04"))
	}
	if o.Round != nil {
		fmt.Fprintf(&b, "今日报平安：%d/%d（%s）", o.Answered, o.Total, percent(o.Answered, o.Total))
		for _, bc := range o.Branches {
			fmt.Fprintf(&b, "\n· %s %d/%d", orDash(bc.Branch), bc.Answered, bc.Total)
		}
	} else {
		fmt.Fprintf(&b, "今日尚未发起报平安（共 %d 位老同志）", o.Total)
	}
	fmt.Fprintf(&b, "\n健康：平安 %d，身体不适 %d，情况不明 %d", o.Well, len(o.Unwell), o.Unknown)
	if len(o.Unwell) > 0 {
		names := make([]string, len(o.Unwell))
		for i, e := range o.Unwell {
			names[i] = e.Name
		}
		fmt.Fprintf(&b, "\n身体不适：%s", strings.Join(names, "、"))
	}
	fmt.Fprintf(&b, "\n超时未联系：%d 人（已升级 %d 人）", o.Overdue, len(o.Escalated))
	if o.Away > 0 {
		fmt.Fprintf(&b, "\n外出/住院：%d 人（到期前不计入超时）", o.Away)
	}
	if o.Flagged > 0 {
		fmt.Fprintf(&b, "\n表情/语音待查看：%d 人", o.Flagged)
	}
	if o.Unmatched > 0 {
		fmt.Fprintf(&b, "\n未识别的群昵称：%d 个（/未识别）", o.Unmatched)
	}
	o.Aid.write(&b, o.At)
	if report && !o.Abnormal() {
		b.WriteString("\n今日零报告：全部老同志已报平安，无异常情况。")
	}
	return b.String()
}

func percent(a, b int) string {
	if b == 0 {
		return "—"
	}
	return fmt.Sprintf("%.0f%%", float64(a)*100/float64(b))
}

// rankAway orders absences after everything to do in /待办, after the
// elders not heard from today (rankSilent).
const (
	rankSilent = 4
	rankAway   = 5
)

// silentReason is /待办's word for an elder not heard from in today's round.
const silentReason = "今日未报"

// dueIDs are the elder ids of due lists, each once.
func dueIDs(lists ...[]store.Due) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range lists {
		for _, d := range l {
			if !seen[d.ElderID] {
				seen[d.ElderID] = true
				out = append(out, d.ElderID)
			}
		}
	}
	return out
}

// presentOnly drops the elders who are away from a due list.
func presentOnly(due []store.Due, away map[string]store.Absence) []store.Due {
	if len(away) == 0 {
		return due
	}
	out := due[:0:0]
	for _, d := range due {
		if _, ok := away[d.ElderID]; !ok {
			out = append(out, d)
		}
	}
	return out
}

// JobFunc is the work of the scheduled job called name (config.JobSpecs);
// nil for a name no job has.
func (s *Service) JobFunc(name string) func(ctx context.Context, at time.Time) error {
	switch name {
	case "checkin":
		return s.Checkin
	case "reminders":
		return s.Reminders
	case "report":
		return s.Report
	case "escalation":
		return s.Escalate
	case "weekly_report":
		return s.WeeklyReport
	case "bulletins":
		return s.Bulletins
	}
	return nil
}
