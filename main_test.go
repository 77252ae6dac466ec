package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"pingan/store/storetest"
)

func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// TestDemoScript plays the README's scripted day on the embedded store and
// checks what each person sees, in order.
func TestDemoScript(t *testing.T) {
	code, out, errs := runCmd(t, "", "demo", "--script", "examples/day.txt")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	find := func(prefix string) int {
		i := strings.Index(out, "\n"+prefix)
		if i < 0 {
			t.Errorf("no message starting %q in:\n%s", prefix, out)
		}
		return i
	}
	prompt := find("→ [一支部老同志群] 各位老同志早上好")
	ack := find("→ [一支部老同志群] 【报平安接龙】收到 张建国的回复")
	unwell := find("→ 联络员-李娜: 【身体不适】王秀英：我有点发烧")
	refusal := find("→ 路人甲: 您好，这里是退管办报平安助手")
	bound := find("→ 联络员-赵敏: 已将群昵称「夕阳红」绑定为 韩素梅。此前的 1 条回复已补记。")
	remind := find("→ 联络员-李娜: 【待联系提醒】")
	report := find("→ 退管办-陈主任: 【日报】")
	if !(prompt < ack && ack < unwell && unwell < refusal && refusal < bound && bound < remind && remind < report) {
		t.Errorf("blocks out of order: %d %d %d %d %d %d %d", prompt, ack, unwell, refusal, bound, remind, report)
	}
	for _, b := range strings.Split(out, "\n→ ") {
		// A group may read who answered (报平安接龙), never what they said of their health.
		if strings.HasPrefix(b, "[") && (strings.Contains(b, "发烧") || strings.Contains(b, "降压药") || strings.Contains(b, "起不来")) {
			t.Errorf("health detail in a group: %q", b)
		}
	}
	if !strings.Contains(out, "内置内存存储") {
		t.Error("demo does not say it runs on the embedded store")
	}
}

func TestDemoRefusesTimeTravelOnRealClock(t *testing.T) {
	code, out, _ := runCmd(t, "!time 2026-11-24 18:00\n", "demo", "--real-clock")
	if code != 0 || !strings.Contains(out, "真实时钟下不能拨动时间") {
		t.Errorf("exit %d, out:\n%s", code, out)
	}
}

func TestCheck(t *testing.T) {
	code, out, errs := runCmd(t, "", "check", "--config", "examples/office/pingan.yaml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"config is valid", "第一支部: 10 (", "checkin", "reminders", "report", "weekly_report", "联络员-李娜", "chart font: /",
		"pacing: at least 1.5s between messages, plus up to 1s at random, at most 20 a minute; alarms first",
		"acknowledgements: one list per group every 3m0s (报平安接龙)"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	// Each job lists three next fire times.
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "next:") && strings.Count(line, ",") != 2 {
			t.Errorf("want three times: %s", line)
		}
	}
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	cfg, _ := os.ReadFile("examples/office/pingan.yaml")
	os.WriteFile(bad, bytes.Replace(cfg, []byte("role: admin"), []byte("role: boss"), 1), 0o600)
	os.WriteFile(filepath.Join(filepath.Dir(bad), "roster.csv"), mustRead(t, "examples/office/roster.csv"), 0o600)
	code, _, errs = runCmd(t, "", "check", "--config", bad)
	if code != 1 || !strings.Contains(errs, "bad.yaml:31: staff[3].role: \"boss\" is not a role; use liaison or admin") {
		t.Errorf("exit %d, stderr: %s", code, errs)
	}
}

func mustRead(t *testing.T, p string) []byte {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestRunRefusesEmptyRedis(t *testing.T) {
	code, _, errs := runCmd(t, "", "run", "--config", "examples/office/pingan.yaml")
	if code != 1 || !strings.Contains(errs, "redis.url is empty") {
		t.Errorf("exit %d: %s", code, errs)
	}
}

func TestParseContract(t *testing.T) {
	code, out, _ := runCmd(t, "平安\n摔倒了起不来\n", "parse")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 || !strings.Contains(lines[0], `"health":"well"`) || !strings.Contains(lines[1], `"intent":"urgent"`) {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestExportCommand(t *testing.T) {
	srv := storetest.NewServer(t)
	// The examples' layout: office/ (config, roster) next to bulletins/ (bulletins.dir: ../bulletins).
	dir := filepath.Join(t.TempDir(), "office")
	os.MkdirAll(dir, 0o700)
	os.MkdirAll(filepath.Join(dir, "..", "bulletins"), 0o700)
	cfg := bytes.Replace(mustRead(t, "examples/office/pingan.yaml"), []byte(`url: ""`), []byte(`url: "`+srv.URL()+`"`), 1)
	os.WriteFile(filepath.Join(dir, "pingan.yaml"), cfg, 0o600)
	os.WriteFile(filepath.Join(dir, "roster.csv"), mustRead(t, "examples/office/roster.csv"), 0o600)
	bulletins, _ := filepath.Glob("examples/bulletins/*")
	for _, f := range bulletins {
		os.WriteFile(filepath.Join(dir, "..", "bulletins", filepath.Base(f)), mustRead(t, f), 0o600)
	}
	out := filepath.Join(dir, "ledger.xlsx")
	code, stdout, errs := runCmd(t, "", "export", "--config", filepath.Join(dir, "pingan.yaml"), "--out", out)
	if code != 0 || !strings.Contains(stdout, "wrote "+out) {
		t.Fatalf("exit %d: %s %s", code, stdout, errs)
	}
	if st, err := os.Stat(out); err != nil || st.Size() < 1000 {
		t.Errorf("workbook: %v %v", st, err)
	}
}

// TestCheckSaysHowNamesakesAreKnown: check says how each namesake is
// recognised, warns where nothing tells them apart, about a branch without
// a group, and when Redis cannot be reached (the bot still starts).
func TestCheckSaysHowNamesakesAreKnown(t *testing.T) {
	dir := t.TempDir()
	cfg := `office: ns
name: 测试退管办
redis: {url: "unix://` + filepath.Join(dir, "nothing.sock") + `"}
groups:
  - {name: 一支部群, branch: 一支部}
  - {name: 二支部群, branch: 二支部}
roster: roster.csv
staff:
  - {name: 李娜, remark: 联络员李娜, role: liaison}
  - {name: 陈主任, remark: 陈主任, role: admin}
`
	roster := "id,name,aliases,branch,birth_year,lives_alone,serious_illness,liaison,phone,family\n" +
		"e01,张建国,,一支部,1941,否,否,李娜,1,\n" +
		"e09,张建国,,二支部,1944,否,否,李娜,2,\n" +
		"e10,王秀英,,二支部,1950,否,否,李娜,3,\n" +
		"e11,王秀英,小王,二支部,1952,否,否,李娜,4,\n" +
		"e12,刘德明,,南片,1950,否,否,李娜,5,\n"
	os.WriteFile(filepath.Join(dir, "pingan.yaml"), []byte(cfg), 0o600)
	os.WriteFile(filepath.Join(dir, "roster.csv"), []byte(roster), 0o600)
	code, out, errs := runCmd(t, "", "check", "--config", filepath.Join(dir, "pingan.yaml"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"张建国 (e01, 一支部): in 一支部群 by the group's branch",
		"张建国 (e09, 二支部): in 二支部群 by the group's branch",
		"王秀英 (e10, 二支部): NOT told apart",
		"王秀英 (e11, 二支部): by the alias 小王",
		"王秀英 (e10) and 1 more share a name and a branch and have no alias",
		"branch 南片 has 1 elders but no group",
		"redis.url cannot be reached now",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("check lacks %q:\n%s", want, out)
		}
	}
}
