package handlers_test

import (
	"fmt"
	"strings"
	"testing"

	"pingan/bot/bottest"
	"pingan/handlers/parse"
	"pingan/store"
)

// TestTodoListsTheMostUrgent: a /待办 longer than a phone's screen lists
// the most urgent 100 and counts the rest, for a liaison and for an admin
// (whose list is built from the indexes, not the whole roster).
func TestTodoListsTheMostUrgent(t *testing.T) {
	var roster strings.Builder
	roster.WriteString("id,name,aliases,branch,birth_year,lives_alone,serious_illness,liaison,phone,family\n")
	for i := range 150 {
		fmt.Fprintf(&roster, "E%03d,老同志%d,,一支部,1950,否,否,李娜,138%08d,\n", i, i, i)
	}
	o := buildOffice(t, officeSetup{roster: roster.String()})
	for _, e := range o.cfg.Elders { // heard from this morning: not overdue, not yet in the round
		c := store.Contact{At: o.clock.Now(), Source: store.SourceCall, By: "李娜", Health: parse.HealthWell, Doses: -1, Test: parse.TestUnknown}
		if err := o.st.RecordContact(o.ctx, e, c, nil); err != nil {
			t.Fatal(err)
		}
	}
	o.at(0, 9, 0)
	o.group("一支部群", "老同志7", "平安")
	o.group("一支部群", "老同志8", "我头晕，不舒服")
	for _, who := range []string{"联络员李娜", "陈主任"} {
		todo := strings.Join(bottest.To(o.private(who, "/待办"), who), "\n") // sent in parts
		mustContain(t, todo, "待办 149 位", "1. 老同志8【身体不适】", "2. 老同志0【今日未报】", "100. 老同志100【今日未报】", "……另有 49 位未列出")
		mustNotContain(t, todo, "101. ", "老同志7【")
	}
}
