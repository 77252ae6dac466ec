package handlers

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"pingan/handlers/parse"
	"pingan/store"
)

// The roster in memory: elders by id, by name and alias, and the names to
// look for inside a text. Two elders may share a name (namesakes); an
// alias names one elder only (config refuses a shared one). Nobody is
// guessed: where several elders fit, callers get them all.

// rosterIndex is one roster's lookups; it is rebuilt whole, never changed.
type rosterIndex struct {
	elders map[string]store.Elder // by id
	order  []string               // ids in roster order
	pos    map[string]int         // id → place in order
	byName map[string][]string    // normalised name or alias → ids, roster order
	byID   map[string]string      // lower-case id → id
	// byLiaison and byBranch are the ids of each liaison's and each
	// branch's elders, in roster order: what /待办, the digests and the
	// coverage counts read, instead of the whole roster.
	byLiaison map[string][]string
	byBranch  map[string][]string
	branches  []string // branches in roster order of their first elder
	// silentOrder is the ids in the order /待办 lists elders not heard
	// from today: the higher-risk tier first, then by id.
	silentOrder []string
	// names finds the names and aliases inside a text (namedIn) at a cost
	// that follows the text, not the roster.
	names nameFinder
}

func newRosterIndex(elders []store.Elder) *rosterIndex {
	x := &rosterIndex{elders: make(map[string]store.Elder, len(elders)), pos: make(map[string]int, len(elders)),
		byName: map[string][]string{}, byID: map[string]string{}, byLiaison: map[string][]string{}, byBranch: map[string][]string{}}
	var long []string // names and aliases of two runes or more, first seen first
	for _, e := range elders {
		x.elders[e.ID] = e
		x.pos[e.ID] = len(x.order)
		x.order = append(x.order, e.ID)
		x.byID[strings.ToLower(e.ID)] = e.ID
		x.byLiaison[e.Liaison] = append(x.byLiaison[e.Liaison], e.ID)
		if _, ok := x.byBranch[e.Branch]; !ok {
			x.branches = append(x.branches, e.Branch)
		}
		x.byBranch[e.Branch] = append(x.byBranch[e.Branch], e.ID)
		seen := map[string]bool{}
		for _, a := range append([]string{e.Name}, e.Aliases...) {
			n := parse.Normalize(a)
			if n == "" || seen[n] {
				continue
			}
			seen[n] = true
			if len(x.byName[n]) == 0 && utf8.RuneCountInString(n) >= 2 {
				long = append(long, n)
			}
			x.byName[n] = append(x.byName[n], e.ID)
		}
	}
	x.names = newNameFinder(long)
	x.silentOrder = slices.Clone(x.order)
	sort.SliceStable(x.silentOrder, func(i, j int) bool {
		a, b := x.elders[x.silentOrder[i]], x.elders[x.silentOrder[j]]
		if a.ContactEvery != b.ContactEvery {
			return a.ContactEvery < b.ContactEvery
		}
		return a.ID < b.ID
	})
	return x
}

// unique is the name-or-alias → id map of the names that fit one elder
// only, as the store resolves them.
func (x *rosterIndex) unique() map[string]string {
	out := make(map[string]string, len(x.byName))
	for n, ids := range x.byName {
		if len(ids) == 1 {
			out[n] = ids[0]
		}
	}
	return out
}

func (x *rosterIndex) list(ids []string) []store.Elder {
	out := make([]store.Elder, 0, len(ids))
	for _, id := range ids {
		out = append(out, x.elders[id])
	}
	return out
}

// named returns the elders whose full name or alias is name (normalised).
func (x *rosterIndex) named(norm string) []store.Elder { return x.list(x.byName[norm]) }

// namedIn returns the elders whose names or aliases appear in a
// normalised text, each once; a longer name found hides the shorter ones
// inside it (张建国 is not also 建国), and namesakes come all.
func (x *rosterIndex) namedIn(norm string) []store.Elder {
	var ids []string
	seen := map[string]bool{}
	for _, n := range x.names.find(norm) {
		for _, id := range x.byName[n] {
			if !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	return x.list(ids)
}

// inBranch keeps the elders of branch when there are some; otherwise all.
func inBranch(es []store.Elder, branch string) []store.Elder {
	if branch == "" || len(es) < 2 {
		return es
	}
	var out []store.Elder
	for _, e := range es {
		if e.Branch == branch {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		return es
	}
	return out
}

// elderIDs renders elders as 「张建国（南片，e09）」 for staff.
func elderIDs(es []store.Elder) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Name + "（" + orDash(e.Branch) + "，" + e.ID + "）"
	}
	return strings.Join(parts, "、")
}
