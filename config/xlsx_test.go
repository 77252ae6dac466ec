package config

import (
	"bytes"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestRosterXLSX reads the workbook an office already keeps.
func TestRosterXLSX(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"id", "name", "aliases", "liaison", "birth_year", "lives_alone"},
		{"E1", "张建国", "老张|张老师", "李娜", 1941, "否"},
		{},
		{"E2", "王秀英", "", "李娜", 1960, "是"},
		{"E3", "刘德明", "", "王五", 1960, "否"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	cfg := []byte(goodConfig)
	cfg = bytes.Replace(cfg, []byte("roster.csv"), []byte("名单.xlsx"), 1)
	read := func(name string) ([]byte, string, error) { return buf.Bytes(), name, nil }
	_, err := Load(cfg, "pingan.yaml", read)
	if err == nil || err.Error() != `名单.xlsx:5: liaison: "王五" is not in the config's staff; use one of 李娜, 陈主任` {
		t.Fatalf("err = %v", err)
	}
	// Fix row 5 and load again.
	cell, _ := excelize.CoordinatesToCellName(4, 5)
	_ = f.SetCellValue("Sheet1", cell, "李娜")
	buf.Reset()
	_ = f.Write(&buf)
	c, err := Load(cfg, "pingan.yaml", read)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Elders) != 3 || c.Elders[0].Aliases[1] != "张老师" || !c.Elders[1].LivesAlone || c.Elders[0].Tier != "high" {
		t.Errorf("elders = %+v", c.Elders)
	}
}
