package spool

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"pingan/bot"
)

func TestSpoolKeepsOrderAndStopsAtFailure(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dir", "spool.jsonl")
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"a", "b", "c"} {
		if err := f.Append(bot.Message{ID: id, Text: "平安"}); err != nil {
			t.Fatal(err)
		}
	}
	// A torn last line (a crash mid-write) is skipped, not fatal.
	fd, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	fd.WriteString(`{"ID":"d","Te`)
	fd.Close()
	f, _ = Open(path) // reopen, as after a restart
	if n, _ := f.Len(); n != 4 {
		t.Errorf("len = %d, want 4 lines", n)
	}
	var got []string
	down := errors.New("redis down")
	n, err := f.Replay(context.Background(), func(_ context.Context, m bot.Message) error {
		if m.ID == "b" {
			return down
		}
		got = append(got, m.ID)
		return nil
	})
	if n != 1 || !errors.Is(err, down) || len(got) != 1 {
		t.Fatalf("replay = %d %v %v", n, err, got)
	}
	n, err = f.Replay(context.Background(), func(_ context.Context, m bot.Message) error {
		got = append(got, m.ID)
		return nil
	})
	if err != nil || n != 3 || len(got) != 3 || got[1] != "b" || got[2] != "c" {
		t.Fatalf("second replay = %d %v %v", n, err, got)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("empty spool file left behind: %v", err)
	}
	if st, err := os.Stat(filepath.Dir(path)); err != nil || st.Mode().Perm() != 0o700 {
		t.Errorf("spool dir: %v %v", st, err)
	}
}
