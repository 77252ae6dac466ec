package bot_test

import (
	"context"
	"fmt"
	"testing"

	"pingan/bot"
	"pingan/bot/bottest"
)

// A transport that is offline for longer than MaxAttempts tries must not
// turn queued messages into failed ones: ErrUnavailable is not an attempt.
func TestOutboxHoldsQueueWhileTransportUnavailable(t *testing.T) {
	h := newOutbox(t, bot.OutboxOptions{MaxAttempts: 2})
	h.tr.FailWith(10, fmt.Errorf("wechat: session down: %w", bot.ErrUnavailable))
	h.enqueue(t, "1", "2")
	if err := h.ob.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	if len(h.failed) != 0 {
		t.Fatalf("failed while offline: %v", h.failed)
	}
	if got := bottest.To(h.tr.Sent(), "李娜"); len(got) != 2 || got[0] != "1" || got[1] != "2" {
		t.Fatalf("sent %v", got)
	}
	if len(h.sleeps) < 10 {
		t.Errorf("waited %d times while offline, want one backoff per refusal", len(h.sleeps))
	}
}
