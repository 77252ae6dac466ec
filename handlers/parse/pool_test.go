package parse

import (
	"reflect"
	"strings"
	"sync"
	"testing"
)

// TestParseConcurrent: messages read at once from many goroutines, sharing the pooled
// buffers (the normalised text, the tokens, the triage records), read exactly as they
// do one at a time.
func TestParseConcurrent(t *testing.T) {
	var texts []string
	for _, row := range loadTSV(t, heldOutTriageFX) {
		texts = append(texts, row.text)
	}
	texts = append(texts, "", "平安", strings.Repeat("胸口疼，出冷汗。", 300))
	want := make([]Reply, len(texts))
	for i, text := range texts {
		want[i] = Parse(text)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := range texts {
				i := (k*7 + g*31) % len(texts) // each goroutine in its own order
				if got := Parse(texts[i]); !reflect.DeepEqual(got, want[i]) {
					errs <- texts[i]
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for text := range errs {
		t.Errorf("Parse(%q) read differently beside other messages", text)
	}
}
