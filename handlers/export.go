package handlers

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"pingan/bot"
	"pingan/store"
)

// ExportLedger writes the ledger (台账) as an Excel workbook: one sheet with
// every elder's latest status, one with every contact since since.
func (s *Service) ExportLedger(ctx context.Context, w io.Writer, since time.Time) error {
	statuses, err := s.st.Statuses(ctx)
	if err != nil {
		return err
	}
	contacts, err := s.st.Contacts(ctx, since)
	if err != nil {
		return err
	}
	now := s.now()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "台账"); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter("台账")
	if err != nil {
		return err
	}
	header := []any{"编号", "姓名", "支部", "年龄", "风险", "独居", "重病", "联络员", "电话", "家属", "最后联系", "方式", "健康", "疫苗针数", "检测", "需要", "最后原话"}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	for i, e := range s.allElders() {
		st, ok := statuses[e.ID]
		if !ok {
			st = store.NewStatus()
		}
		doses := any("")
		if st.Doses >= 0 {
			doses = st.Doses
		}
		last, source := "从未联系", ""
		if !st.Last.IsZero() {
			last, source = st.Last.In(s.cfg.Location).Format("2006-01-02 15:04"), st.LastSource.Label()
		}
		needs := ""
		if len(st.Needs) > 0 {
			needs = needsLabel(st.Needs)
		}
		row := []any{e.ID, e.Name, e.Branch, nonZero(e.Age(now)), tierLabel(e), yesNo(e.LivesAlone), yesNo(e.SeriousIllness), e.Liaison, e.Phone,
			strings.Join(e.Family, "；"), last, source, healthLabel(st.Health), doses, testLabel(st.Test), needs, st.LastText}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if _, err := f.NewSheet("联系记录"); err != nil {
		return err
	}
	cw, err := f.NewStreamWriter("联系记录")
	if err != nil {
		return err
	}
	if err := cw.SetRow("A1", []any{"时间", "编号", "姓名", "方式", "记录人", "群", "健康", "原话"}); err != nil {
		return err
	}
	for i, c := range contacts {
		name := ""
		if e, ok := s.elder(c.ElderID); ok {
			name = e.Name
		}
		by := c.By
		if by == "" && c.Source == store.SourceReply { // stored without its writer: the elder's own account
			by = name
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		row := []any{c.At.In(s.cfg.Location).Format("2006-01-02 15:04"), c.ElderID, name, c.Source.Label(), by, c.Group, healthLabel(c.Health), c.Text}
		if err := cw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := cw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// Coverage says how far back an export's contacts go.
type Coverage struct {
	// Since is when the export was asked to start.
	Since time.Time
	// From is when the contacts log is complete from (store.ContactsFrom).
	From time.Time
	// ByRetention is true when Since is before the start of the retention
	// (ledger.retention): older contacts were deleted as planned.
	ByRetention bool
}

// Short reports whether the export lacks days asked for: the contacts
// log starts on a later day than Since (a midnight). On Since's own day
// it is not, so that a new office's first days export without a warning.
func (c Coverage) Short() bool { return !c.From.Before(c.Since.AddDate(0, 0, 1)) }

// ExportCoverage says whether the contacts log reaches back to since, and
// if not, from when and why (ledger.retention, or the oldest contact kept).
func (s *Service) ExportCoverage(ctx context.Context, since time.Time) (Coverage, error) {
	from, err := s.st.ContactsFrom(ctx)
	if err != nil {
		return Coverage{}, err
	}
	start := s.now().Add(-s.st.Retention())
	return Coverage{Since: since, From: from, ByRetention: since.Before(start)}, nil
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return ""
}

func nonZero(n int) any {
	if n == 0 {
		return ""
	}
	return n
}

func (s *Service) cmdExport(ctx context.Context, r bot.Request) string {
	days := 7
	if len(r.Args) > 0 {
		if _, err := fmt.Sscan(r.Args[0], &days); err != nil || days < 1 || days > 366 {
			return "用法：/导出 [天数]，天数 1–366，默认 7。"
		}
	}
	now := s.now()
	since := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location()).AddDate(0, 0, 1-days)
	cover, err := s.ExportCoverage(ctx, since)
	if err != nil {
		s.log.Error("export", "err", err)
		return internalFail
	}
	name := filepath.Join(s.ExportDir, fmt.Sprintf("台账-%s-%s.xlsx", s.cfg.Office, now.Format("20060102-1504")))
	fd, err := os.OpenFile(name, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o600)
	if err != nil {
		s.log.Error("export", "err", err)
		return internalFail
	}
	err = s.ExportLedger(ctx, fd, since)
	if cerr := fd.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		s.log.Error("export", "err", err)
		return internalFail
	}
	text := fmt.Sprintf("台账已导出（含 %s 起的联系记录），文件随后发送。", since.Format("1月2日"))
	loc := s.cfg.Location
	switch {
	case cover.ByRetention:
		text += fmt.Sprintf("\n注意：联系记录只保留 %d 天，更早的已按规定清除，导出的联系记录从 %s 起。",
			int(s.st.Retention().Hours()/24), cover.From.In(loc).Format("2006年1月2日 15:04"))
	case cover.Short():
		text += fmt.Sprintf("\n注意：现存最早的联系记录在 %s，更早的没有记录，导出的联系记录从那时起。", cover.From.In(loc).Format("2006年1月2日 15:04"))
	}
	s.send(ctx, bot.Outgoing{To: r.Msg.From.Remark, Text: text}, bot.Outgoing{To: r.Msg.From.Remark, File: name})
	return "" // both queued above, text first
}
