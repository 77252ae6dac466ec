package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

const bulletinsSection = `bulletins:
  dir: bulletins
  allowed_sources: [上海发布, 上海发布]
  allowed_domains: [https://gov.cn/x]
  approval: true
  schedule: "61 * * * *"
`

func TestBulletinConfigErrors(t *testing.T) {
	_, err := load(t, goodConfig+bulletinsSection, goodRoster)
	want := `pingan.yaml:25: bulletins.schedule: "61 * * * *" is not a valid cron expression (end of range (61) above maximum (59): 61); want five fields "minute hour day month weekday", e.g. "0 9 * * *" for 09:00 daily
pingan.yaml:22: bulletins.allowed_sources[1]: "上海发布" is listed twice
pingan.yaml:23: bulletins.allowed_domains[0]: "https://gov.cn/x" is not a domain; write the domain only, without https:// or a path, e.g. gov.cn
pingan.yaml:24: bulletins.approval: needs at least two admins (a second admin approves what the first adds), but staff has 1; add an admin or set approval: false`
	if err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
}

func TestBulletinFileErrors(t *testing.T) {
	c, err := load(t, goodConfig+"bulletins:\n  dir: b\n  allowed_sources: [上海发布]\n  allowed_domains: [gov.cn]\n", goodRoster)
	if err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{
		"a.md": {Data: []byte("---\nid: 12\ntitle: 通知\nsource: 上海发布\npublish_at: tomorrow\ngroups: [一支部群, 四支部群]\ncolour: red\n---\n正文\n")},
		"b.md": {Data: []byte("---\nid: ok\ntitle: 通知\nsource: 上海发布\nschedule: \"0 10 * * 1\"\npublish_at: 2026-11-24 10:00\ngroups: all\nimage: x.png\n---\n\n")},
		"c.md": {Data: []byte("no header\n")},
		"d.md": {Data: []byte("---\nid: good\ntitle: 通知\nsource: 上海发布\npublish_at: 2026-11-24 10:00\ngroups: all\n---\n见 https://www.shanghai.gov.cn/a\n")},
		"e.md": {Data: []byte("---\nid: good\ntitle: 重复\nsource: 上海发布\npublish_at: 2026-11-24 10:00\ngroups: all\n---\n正文\n")},
	}
	err = LoadBulletins(c, files, "b")
	want := `b/a.md:7: colour: unknown key; valid keys here are id, title, source, publish_at, schedule, groups, image
b/a.md:2: id: "12" is only digits, which are kept for bulletins added in chat; add a letter, e.g. n12
b/a.md:5: publish_at: "tomorrow" is not a time; write it like 2026-11-24 10:00 (in Asia/Shanghai)
b/a.md:6: groups[1]: "四支部群" is not a group in the config; groups are 一支部群, or write all
b/b.md:5: schedule: give publish_at for a one-off bulletin or schedule for a recurring one, not both
b/b.md:8: image: cannot read "x.png" next to the bulletin file
b/b.md:10: body: empty; write the notice's text after the header's closing ---
b/c.md:1: no header; a bulletin file starts with a line ---, then id, title, source, publish_at or schedule, and groups, then a line ---, then the text
b/e.md:2: id: "good" is used by b/d.md too; every bulletin needs its own id`
	if err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
	delete(files, "a.md")
	delete(files, "b.md")
	delete(files, "c.md")
	delete(files, "e.md")
	if err := LoadBulletins(c, files, "b"); err != nil || len(c.Bulletins.Files) != 1 {
		t.Fatalf("good file: %v", err)
	}
	b := c.Bulletins.Files[0]
	if b.ID != "good" || len(b.Groups) != 1 || b.Body != "见 https://www.shanghai.gov.cn/a" || b.PublishAt.Format("2006-01-02 15:04 MST") != "2026-11-24 10:00 CST" || b.File != "b/d.md" {
		t.Errorf("parsed %+v", b)
	}
}

func TestPlainText(t *testing.T) {
	got := PlainText("# 标题\n\n\n**注意**保暖，见[上海发布](https://www.shanghai.gov.cn/)\n")
	if want := "标题\n\n注意保暖，见上海发布 https://www.shanghai.gov.cn/"; got != want {
		t.Errorf("got %q want %q", got, want)
	}
	if !strings.Contains(PlainText("[https://a.gov.cn](https://a.gov.cn)"), "https://a.gov.cn") {
		t.Error("a link whose text is the url")
	}
}

// TestBulletinDirMissing: a configured bulletins.dir that does not exist is
// a config error at its line, not an office silently without bulletins.
func TestBulletinDirMissing(t *testing.T) {
	c, err := load(t, goodConfig+"bulletins:\n  allowed_sources: [上海发布]\n  dir: notices\n", goodRoster)
	if err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(t.TempDir(), "notices")
	err = LoadBulletins(c, os.DirFS(missing), missing)
	want := `pingan.yaml:22: bulletins.dir: the directory "` + missing + `" does not exist; create it, correct the path (relative to the config file) or remove bulletins.dir`
	if err == nil || err.Error() != want {
		t.Errorf("got:\n%v\nwant:\n%s", err, want)
	}
	if err := os.Mkdir(missing, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := LoadBulletins(c, os.DirFS(missing), missing); err != nil || len(c.Bulletins.Files) != 0 {
		t.Errorf("an empty dir: %v, %d files", err, len(c.Bulletins.Files))
	}
}
