package handlers_test

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"pingan/bot/bottest"
)

// TestRepliesAtOnce: replies from every elder, family and a liaison's
// commands come in at once through the app's inbound workers: each
// elder's last word is what the ledger keeps, each is counted once in the
// round, and /状态 agrees.
func TestRepliesAtOnce(t *testing.T) {
	o := newOffice(t)
	o.at(0, 9, 0)
	o.clock.Set(o.clock.Now().Add(5 * time.Minute))
	senders := []struct{ group, nick string }{
		{"一支部群", "老张"}, {"一支部群", "王阿姨"}, {"一支部群", "刘老"},
		{"二支部群", "陈阿姨"}, {"二支部群", "老杨"}, {"二支部群", "周国华女儿"},
	}
	texts := []string{"有点头晕", "好些了", "平安"}
	in := o.app.Inbound()
	var wg sync.WaitGroup
	for i, s := range senders {
		wg.Add(1)
		go func() { // each sender from a goroutine of their own, in order
			defer wg.Done()
			for j, text := range texts {
				if strings.HasSuffix(s.nick, "女儿") {
					text = "我爸" + text
				}
				m := bottest.Group(fmt.Sprintf("c%d-%d", i, j), s.group, s.nick, text)
				m.Time = o.clock.Now().Add(time.Duration(j) * time.Second)
				in.Handle(o.ctx, m)
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for j := range 3 {
			m := bottest.Private(fmt.Sprintf("cmd%d", j), "联络员李娜", "/待办")
			m.Time = o.clock.Now()
			in.Handle(o.ctx, m)
		}
	}()
	wg.Wait()
	in.Close()
	for _, id := range []string{"E1", "E2", "E3", "E4", "E5", "E6"} {
		if st := o.status(id); st.LastText != "平安" && st.LastText != "我爸平安" || st.Health != "well" {
			t.Errorf("%s: status %+v", id, st)
		}
		if h, err := o.st.History(o.ctx, id, 10); err != nil || len(h) != 3 {
			t.Errorf("%s: %d contacts, %v", id, len(h), err)
		}
	}
	counts, ok, err := o.st.RoundCounts(o.ctx, "20261124-0900")
	if err != nil || !ok || counts["一支部"] != 3 || counts["二支部"] != 3 {
		t.Errorf("round counts %v %v %v", counts, ok, err)
	}
	ov, err := o.svc.Status(o.ctx)
	if err != nil || ov.Answered != 6 || ov.Well != 6 || len(ov.Unwell) != 0 || ov.Unknown != 0 {
		t.Errorf("status %+v, %v", ov, err)
	}
	sent := o.flush()
	if len(bottest.To(sent, "联络员李娜")) < 3 || len(bottest.To(sent, "[一支部群]")) == 0 || len(bottest.To(sent, "[二支部群]")) == 0 {
		t.Errorf("the liaison's /待办 and notes, the groups' acknowledgements:\n%s", bottest.Dump(sent))
	}
}
