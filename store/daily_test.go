package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"pingan/store"
	"pingan/store/storetest"
)

func TestDailyFiguresSeries(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	sh := time.FixedZone("CST", 8*3600)
	day := func(d int) time.Time { return time.Date(2026, 11, 20+d, 17, 30, 0, 0, sh) }
	for _, d := range []int{0, 1, 3} { // the 23rd (d=2) has no record
		f := store.DayFigures{Well: 10 + d, Unwell: d, Overdue: 1, Open: 2, Answered: 9, Total: 12, Round: true,
			Branches: []store.BranchFigures{{Branch: "一支部", Answered: 9, Total: 12}}, At: day(d)}
		if err := s.SaveDay(ctx, day(d), f); err != nil {
			t.Fatal(err)
		}
	}
	// A later run the same day replaces the day's figures.
	if err := s.SaveDay(ctx, day(3).Add(2*time.Hour), store.DayFigures{Well: 99, Total: 12, At: day(3).Add(2 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	// 00:30 on the 24th in Shanghai is still the 23rd in UTC: days are the zone's of the time asked.
	got, err := s.Days(ctx, time.Date(2026, 11, 24, 0, 30, 0, 0, sh), 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 5 {
		t.Fatalf("%d days", len(got))
	}
	var known []bool
	for i, d := range got {
		known = append(known, d.Known)
		if want := time.Date(2026, 11, 20+i, 0, 0, 0, 0, sh); !d.Date.Equal(want) || d.Date.Location() != sh {
			t.Errorf("day %d is %v, want %v", i, d.Date, want)
		}
	}
	if got, want := fmt.Sprint(known), fmt.Sprint([]bool{true, true, false, true, false}); got != want {
		t.Errorf("known days %s, want %s", got, want)
	}
	if f := got[1].Figures; f.Well != 11 || f.Unwell != 1 || f.Open != 2 || len(f.Branches) != 1 || f.Branches[0] != (store.BranchFigures{Branch: "一支部", Answered: 9, Total: 12}) {
		t.Errorf("the 21st: %+v", f)
	}
	if f := got[3].Figures; f.Well != 99 || f.Round {
		t.Errorf("the 23rd was not replaced by the later run: %+v", f)
	}
	if f := got[2].Figures; f.Well != 0 || f.Total != 0 {
		t.Errorf("a gap carries no figures: %+v", f)
	}
}

func TestDailyFiguresAreTrimmed(t *testing.T) {
	ctx := context.Background()
	c := storetest.Client(t)
	office := storetest.Office(t, c)
	s := store.New(c, office, nil)
	first := time.Date(2025, 1, 1, 17, 30, 0, 0, time.UTC)
	n := store.DailyKeep + 30
	for i := 0; i < n; i++ {
		if err := s.SaveDay(ctx, first.AddDate(0, 0, i), store.DayFigures{Well: i}); err != nil {
			t.Fatal(err)
		}
	}
	if got := c.HLen(ctx, "pg:{"+office+"}:daily").Val(); got != store.DailyKeep {
		t.Errorf("history holds %d days, want %d", got, store.DailyKeep)
	}
	last := first.AddDate(0, 0, n-1)
	days, err := s.Days(ctx, last, store.DailyKeep+1)
	if err != nil {
		t.Fatal(err)
	}
	if days[0].Known || !days[1].Known || days[1].Figures.Well != n-store.DailyKeep || !days[len(days)-1].Known {
		t.Errorf("oldest kept: %+v, %+v; newest %+v", days[0], days[1], days[len(days)-1])
	}
}
