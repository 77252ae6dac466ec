package wechat

import (
	"strconv"
	"testing"
	"time"
)

func TestSeenSetSizeAndTTL(t *testing.T) {
	s := newSeenSet(3, time.Hour)
	for i := range 3 {
		if !s.add(strconv.Itoa(i)) {
			t.Fatalf("%d not new", i)
		}
	}
	if s.add("1") {
		t.Fatal("1 seen twice")
	}
	s.add("3") // evicts the oldest, "0"
	if !s.add("0") {
		t.Fatal("0 should have been evicted")
	}
	if !s.add("") || !s.add("") {
		t.Fatal("empty ids are always new")
	}

	s = newSeenSet(10, 20*time.Millisecond)
	s.add("x")
	time.Sleep(30 * time.Millisecond)
	if !s.add("x") {
		t.Fatal("x should have expired")
	}
}
