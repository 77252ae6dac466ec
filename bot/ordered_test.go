package bot_test

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"

	"pingan/bot"
)

// recorder keeps the ids it was handed, by sender.
type recorder struct {
	mu     sync.Mutex
	bySend map[string][]int
	slow   func(m bot.Message)
}

func (r *recorder) Handle(ctx context.Context, m bot.Message) {
	if r.slow != nil {
		r.slow(m)
	}
	n, _ := strconv.Atoi(m.ID)
	r.mu.Lock()
	defer r.mu.Unlock()
	r.bySend[bot.SenderKey(m)] = append(r.bySend[bot.SenderKey(m)], n)
}

func groupMsg(id int, group, nick string) bot.Message {
	return bot.Message{ID: strconv.Itoa(id), Kind: bot.KindText, Group: group, From: bot.Sender{DisplayName: nick, NickName: nick}, Text: "平安"}
}

// TestOrderedKeepsEachSendersOrder: many senders at once, each sender's
// messages handled in the order they came, none lost, none twice.
func TestOrderedKeepsEachSendersOrder(t *testing.T) {
	r := &recorder{bySend: map[string][]int{}, slow: func(m bot.Message) {
		if m.ID[len(m.ID)-1] == '7' {
			time.Sleep(time.Millisecond)
		}
	}}
	o := bot.NewOrdered(r, 8, 4)
	const senders, each = 40, 50
	var wg sync.WaitGroup
	for g := range 4 { // four transports at once, ten senders each
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range each {
				for s := g * 10; s < g*10+10; s++ {
					o.Handle(context.Background(), groupMsg(s*1000+i, "群"+strconv.Itoa(s%3), fmt.Sprintf("老%d", s)))
				}
			}
		}()
	}
	wg.Wait()
	o.Close()
	if len(r.bySend) != senders {
		t.Fatalf("%d senders handled, want %d", len(r.bySend), senders)
	}
	for key, ids := range r.bySend {
		if len(ids) != each {
			t.Errorf("%q: %d messages handled, want %d", key, len(ids), each)
		}
		for i := 1; i < len(ids); i++ {
			if ids[i] != ids[i-1]+1 {
				t.Errorf("%q: handled out of order: %v", key, ids)
				break
			}
		}
	}
	if o.Queued() != 0 {
		t.Errorf("%d still queued after Close", o.Queued())
	}
}

// TestOrderedRunsSendersAtOnce: a sender whose message is slow does not
// hold up another sender's.
func TestOrderedRunsSendersAtOnce(t *testing.T) {
	release := make(chan struct{})
	r := &recorder{bySend: map[string][]int{}, slow: func(m bot.Message) {
		if m.From.DisplayName == "慢" {
			<-release
		}
	}}
	o := bot.NewOrdered(r, 16, 4)
	slow := groupMsg(0, "群", "慢")
	o.Handle(context.Background(), slow)
	for i := range 16 { // some of them on other workers than the slow one's
		o.Handle(context.Background(), groupMsg(i+1, "群", "快"+strconv.Itoa(i)))
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		r.mu.Lock()
		done := len(r.bySend)
		r.mu.Unlock()
		if done > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the fast senders all waited for the slow one")
		}
		time.Sleep(time.Millisecond)
	}
	close(release)
	o.Close()
	if len(r.bySend) != 17 || len(r.bySend[bot.SenderKey(slow)]) != 1 {
		t.Errorf("handled: %v", r.bySend)
	}
}

// TestOrderedFinishesWhatItTook: messages queued before their context
// ended are handled, with a context that is not cancelled; after Close a
// message is handled at once.
func TestOrderedFinishesWhatItTook(t *testing.T) {
	var mu sync.Mutex
	var errs []error
	h := bot.HandlerFunc(func(ctx context.Context, m bot.Message) {
		time.Sleep(time.Millisecond)
		mu.Lock()
		errs = append(errs, ctx.Err())
		mu.Unlock()
	})
	o := bot.NewOrdered(h, 2, 100)
	ctx, cancel := context.WithCancel(context.Background())
	for i := range 20 {
		o.Handle(ctx, groupMsg(i, "群", "老张"))
	}
	cancel()
	o.Close()
	o.Handle(ctx, groupMsg(99, "群", "老张"))
	if len(errs) != 21 {
		t.Fatalf("%d handled, want 21", len(errs))
	}
	for _, err := range errs {
		if err != nil {
			t.Fatalf("handled with a cancelled context: %v", err)
		}
	}
}

func TestSenderKey(t *testing.T) {
	a := groupMsg(1, "一群", "老张")
	b := groupMsg(2, "二群", "老张")
	p := bot.Message{From: bot.Sender{NickName: "老张", Remark: "张建国"}}
	q := bot.Message{From: bot.Sender{NickName: "老张"}}
	keys := map[string]bool{bot.SenderKey(a): true, bot.SenderKey(b): true, bot.SenderKey(p): true, bot.SenderKey(q): true}
	if len(keys) != 4 {
		t.Errorf("keys collide: %v", keys)
	}
	if bot.SenderKey(a) != bot.SenderKey(groupMsg(3, "一群", "老张")) {
		t.Error("one sender, two keys")
	}
}
