package handlers_test

import (
	"strings"
	"testing"
)

// TestBindSafety: emoji-only nicknames are kept and can be bound; a roster
// name cannot be bound to someone else; commands that change the ledger
// want a full name.
func TestBindSafety(t *testing.T) {
	o := newOffice(t)
	o.at(0, 9, 0)

	only(t, o.group("一支部群", "🌸🌸", "平安"), "[一支部群]")
	if got := only(t, o.private("联络员李娜", "/未识别"), "联络员李娜"); !strings.Contains(got, "🌸🌸") {
		t.Fatalf("emoji nickname not kept: %q", got)
	}
	got := only(t, o.private("联络员李娜", "/绑定 🌸🌸 刘德明"), "联络员李娜")
	mustContain(t, got, "刘德明", "1 条")
	if st := o.status("E3"); st.Health != "well" {
		t.Errorf("E3 after bind: %+v", st)
	}

	got = only(t, o.private("联络员李娜", "/绑定 老张 王秀英"), "联络员李娜")
	mustContain(t, got, "是名单里 张建国（一支部，E1） 的姓名或别名，不能绑定给 王秀英")
	o.group("一支部群", "老张", "我有点头晕")
	if st := o.status("E1"); st.Health != "unwell" {
		t.Errorf("a refused bind still moved 老张's reply: E1 = %+v", st)
	}

	got = only(t, o.private("联络员李娜", "/已联系 刘 电话 平安"), "联络员李娜")
	mustContain(t, got, "不是完整姓名", "刘德明")
	if h, _ := o.st.History(o.ctx, "E3", 10); len(h) != 1 {
		t.Errorf("a partial name logged a contact: %d contacts", len(h))
	}
}
