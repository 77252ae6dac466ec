package scheduler

import (
	"context"
	"fmt"

	"pingan/handlers"
)

// Status lists each job with its latest run (by any process) and its next
// fire time after now; it backs /jobs.
func (s *Scheduler) Status(ctx context.Context) ([]handlers.JobInfo, error) {
	runs, err := s.lock.JobRuns(ctx)
	if err != nil {
		return nil, fmt.Errorf("read job history: %w", err)
	}
	now := s.clock.Now().In(s.loc)
	out := make([]handlers.JobInfo, len(s.jobs))
	for i, j := range s.jobs {
		out[i] = handlers.JobInfo{Name: j.Name, Spec: j.Spec, Grace: j.Grace, Last: runs[j.Name],
			Next: j.Schedule.Next(now), Running: s.running[i].Load()}
	}
	return out, nil
}
