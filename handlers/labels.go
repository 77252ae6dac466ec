package handlers

import (
	"fmt"
	"strings"
	"time"

	"pingan/handlers/parse"
	"pingan/store"
)

func intentLabel(i parse.Intent) string {
	switch i {
	case parse.IntentUrgent:
		return "紧急"
	case parse.IntentAid:
		return "求助"
	case parse.IntentCheckin:
		return "报平安"
	}
	return "其他"
}

func healthLabel(h parse.Health) string {
	switch h {
	case parse.HealthWell:
		return "平安"
	case parse.HealthUnwell:
		return "身体不适"
	case parse.HealthUrgent:
		return "紧急"
	}
	return "情况不明"
}

func testLabel(t parse.Test) string {
	switch t {
	case parse.TestNegative:
		return "核酸/抗原阴性"
	case parse.TestPositive:
		return "阳性"
	case parse.TestPending:
		return "检测结果未出"
	case parse.TestNone:
		return "未检测"
	}
	return ""
}

var needNames = map[parse.Need]string{parse.NeedFood: "买菜/食品", parse.NeedMedicine: "配药", parse.NeedMedical: "就医", parse.NeedErrand: "代办"}

func needsLabel(needs []parse.Need) string {
	if len(needs) == 0 {
		return "帮助"
	}
	out := make([]string, len(needs))
	for i, n := range needs {
		if l, ok := needNames[n]; ok {
			out[i] = l
		} else {
			out[i] = string(n)
		}
	}
	return strings.Join(out, "、")
}

// statusLine summarises a status in one line for staff.
func statusLine(st store.Status) string {
	if st.Last.IsZero() {
		return "从未联系"
	}
	parts := []string{healthLabel(st.Health)}
	if st.Doses >= 0 {
		parts = append(parts, fmt.Sprintf("疫苗%d针", st.Doses))
	}
	if t := testLabel(st.Test); t != "" {
		parts = append(parts, t)
	}
	if len(st.Needs) > 0 {
		parts = append(parts, "需要"+needsLabel(st.Needs))
	}
	if st.Flag {
		parts = append(parts, "（"+st.LastSource.Label()+"，需查看）")
	}
	return strings.Join(parts, "，")
}

// lastLine says when the elder was last heard from and how they were.
func lastLine(now time.Time, st store.Status) string {
	if st.Last.IsZero() {
		return "从未联系"
	}
	return "最后联系 " + ago(now, st.Last) + "：" + statusLine(st)
}

// tierLabel is a tier name with the facts behind it.
func tierLabel(e store.Elder) string {
	l := e.Tier
	switch e.Tier {
	case "high":
		l = "高风险"
	case "normal":
		l = "一般"
	}
	var facts []string
	if e.LivesAlone {
		facts = append(facts, "独居")
	}
	if e.SeriousIllness {
		facts = append(facts, "重病")
	}
	if len(facts) > 0 {
		l += "·" + strings.Join(facts, "·")
	}
	return l
}

// ago says how long ago t was, in Chinese, from now.
func ago(now, t time.Time) string {
	if t.IsZero() {
		return "从未"
	}
	d := now.Sub(t)
	switch {
	case d < time.Minute:
		return "刚刚"
	case d < time.Hour:
		return fmt.Sprintf("%d分钟前", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%d小时前", int(d.Hours()))
	}
	return fmt.Sprintf("%d天前", int(d.Hours()/24))
}

// when formats a time for staff.
func when(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Format("01-02 15:04")
}
