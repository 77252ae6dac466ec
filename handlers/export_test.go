package handlers_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestExportLedger(t *testing.T) {
	o := newOffice(t)
	o.svc.ExportDir = t.TempDir()
	o.at(0, 9, 0)
	o.group("一支部群", "老张", "平安，三针都打了")
	o.group("一支部群", "王阿姨", "有点发烧")
	var buf bytes.Buffer
	if err := o.svc.ExportLedger(o.ctx, &buf, day0); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("台账")
	if len(rows) != 7 || rows[0][1] != "姓名" {
		t.Fatalf("台账 has %d rows: %v", len(rows), rows)
	}
	if r := strings.Join(rows[1], ","); !strings.Contains(r, "张建国") || !strings.Contains(r, "平安") || !strings.Contains(r, ",3,") {
		t.Errorf("row of 张建国: %s", r)
	}
	if r := strings.Join(rows[3], ","); !strings.Contains(r, "刘德明") || !strings.Contains(r, "从未联系") {
		t.Errorf("row of 刘德明: %s", r)
	}
	contacts, _ := f.GetRows("联系记录")
	if len(contacts) != 3 || contacts[2][2] != "王秀英" || contacts[2][7] != "有点发烧" {
		t.Errorf("联系记录 = %v", contacts)
	}

	// /导出 is for admins, and sends the workbook privately.
	if got := only(t, o.private("联络员李娜", "/导出"), "联络员李娜"); !strings.Contains(got, "只有管理员") {
		t.Errorf("liaison export: %q", got)
	}
	sent := o.private("陈主任", "/导出 3")
	if len(sent) != 2 || sent[1].To != "陈主任" || !strings.HasSuffix(sent[1].File, ".xlsx") || !strings.Contains(sent[0].Text, "台账已导出") {
		t.Fatalf("export sent %+v", sent)
	}
	if st, err := os.Stat(sent[1].File); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("exported file: %v %v", st, err)
	}
}

// TestExportGaps: /导出 says when the days asked for reach past the
// retention, or past the oldest contact kept.
func TestExportGaps(t *testing.T) {
	o := buildOffice(t, officeSetup{config: testConfig + "ledger: {retention: 7d}\n"})
	o.at(0, 9, 0)
	o.group("一支部群", "老张", "平安")
	// On the first days, the days before the first contact are no loss.
	if got := o.private("陈主任", "/导出 1"); len(got) != 2 || strings.Contains(got[0].Text, "注意") {
		t.Errorf("export of today: %+v", got)
	}
	got := o.private("陈主任", "/导出 3")
	if len(got) != 2 || !strings.Contains(got[0].Text, "注意：现存最早的联系记录在 2026年11月24日 09:00，更早的没有记录") {
		t.Errorf("export before the first contact: %+v", got)
	}
	// Ten days on, with a week's retention.
	o.clock.Set(day0.AddDate(0, 0, 10))
	o.group("一支部群", "老张", "平安")
	if got := o.private("陈主任", "/导出 7"); len(got) != 2 || strings.Contains(got[0].Text, "注意") {
		t.Errorf("export within the retention: %q", got[0].Text)
	}
	got = o.private("陈主任", "/导出 30")
	if len(got) != 2 || !strings.Contains(got[0].Text, "注意：联系记录只保留 7 天，更早的已按规定清除，导出的联系记录从 2026年11月27日 08:55 起。") {
		t.Errorf("export past the retention: %+v", got)
	}
}
