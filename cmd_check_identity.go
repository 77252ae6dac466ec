package main

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"pingan/config"
	"pingan/handlers/parse"
	"pingan/store"
)

// printIdentity says how elders who share a name will be recognised, and
// returns warnings: namesakes nothing tells apart, branches with elders
// but no group.
func printIdentity(w io.Writer, cfg *config.Config) []string {
	var warnings []string
	groupsOf := map[string][]string{}
	for _, g := range cfg.Groups {
		groupsOf[g.Branch] = append(groupsOf[g.Branch], g.Name)
	}
	byName := map[string][]store.Elder{}
	var order []string
	count := map[string]int{}
	for _, e := range cfg.Elders {
		n := parse.Normalize(e.Name)
		if len(byName[n]) == 0 {
			order = append(order, n)
		}
		byName[n] = append(byName[n], e)
		count[e.Branch]++
	}
	header := false
	for _, n := range order {
		same := byName[n]
		if len(same) < 2 {
			continue
		}
		if !header {
			fmt.Fprintf(w, "\nnamesakes (told apart by the group's branch or an alias; commands take the id):\n")
			header = true
		}
		for _, e := range same {
			branchmates := 0
			for _, o := range same {
				if o.ID != e.ID && o.Branch == e.Branch {
					branchmates++
				}
			}
			how := ""
			switch {
			case len(groupsOf[e.Branch]) > 0 && branchmates == 0:
				how = "in " + strings.Join(groupsOf[e.Branch], ", ") + " by the group's branch"
			case len(e.Aliases) > 0:
				how = "by the alias " + strings.Join(e.Aliases, " / ") + " (their group nickname must be it)"
			default:
				how = "NOT told apart: a cry for help reaches every namesake's liaison; give them aliases (group nicknames)"
				warnings = append(warnings, fmt.Sprintf("%s (%s) and %d more share a name and a branch and have no alias: messages under that name cannot be attributed", e.Name, e.ID, len(same)-1))
			}
			fmt.Fprintf(w, "  %s (%s, %s): %s\n", e.Name, e.ID, orAll(e.Branch), how)
		}
	}
	var branches []string
	for b := range count {
		if len(groupsOf[b]) == 0 {
			branches = append(branches, b)
		}
	}
	sort.Strings(branches)
	for _, b := range branches {
		warnings = append(warnings, fmt.Sprintf("branch %s has %d elders but no group: they get no check-in prompt and are reached by their liaisons' calls only (fine for elders without WeChat); add a group with branch: %s otherwise", orAll(b), count[b], orAll(b)))
	}
	return warnings
}

// redisWarning says when redis.url cannot be reached now; the bot still
// starts then, keeps messages in its spool and connects when it can.
func redisWarning(ctx context.Context, cfg *config.Config) string {
	if cfg.Redis.URL == "" {
		return ""
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	c, err := store.Connect(ctx, cfg.Redis.URL)
	if err != nil {
		return fmt.Sprintf("redis.url cannot be reached now (%v); pingan run still starts, keeps messages in the spool, sends alarms from the process and connects when Redis answers", err)
	}
	_ = c.Close()
	return ""
}
