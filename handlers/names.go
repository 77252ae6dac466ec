package handlers

import (
	"slices"
	"sort"
	"unicode/utf8"
)

// nameFinder finds which of the roster's names (and aliases) occur inside
// a text — a family member's 「张建国女儿」, 「我爸张建国挺好」 — at a cost that
// follows the text, not the roster: at each place in the text it looks up
// the two runes there, which give the lengths of the names starting with
// them, and then those names whole. Names are normalised (no spaces) and
// two runes long or more.
type nameFinder struct {
	// rank orders the names: longer first (in bytes), then first seen.
	rank map[string]int
	// lengths maps the first two runes of names to the byte lengths of the
	// names that start with them, longest first.
	lengths map[string][]int
}

func newNameFinder(names []string) nameFinder {
	sorted := slices.Clone(names)
	sort.SliceStable(sorted, func(i, j int) bool { return len(sorted[i]) > len(sorted[j]) })
	f := nameFinder{rank: make(map[string]int, len(sorted)), lengths: make(map[string][]int, len(sorted))}
	for i, n := range sorted {
		if _, dup := f.rank[n]; dup {
			continue
		}
		f.rank[n] = i
		k := firstRunes(n, 2)
		if ls := f.lengths[k]; !slices.Contains(ls, len(n)) {
			f.lengths[k] = append(ls, len(n)) // sorted is longest first
		}
	}
	return f
}

// firstRunes is the start of s up to n runes.
func firstRunes(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return s[:i]
}

// nameHit is one occurrence of a name in a text, as byte offsets.
type nameHit struct{ start, end, rank int }

// find returns the names found in text, longest first. A name found hides
// shorter names inside it or overlapping it: as if each name found, in
// turn, were blanked out of the text wherever it occurs, before shorter
// names are looked for (张建国 is not also 建国).
func (f nameFinder) find(text string) []string {
	var hits []nameHit
	for i := 0; i < len(text); {
		_, w1 := utf8.DecodeRuneInString(text[i:])
		if i+w1 >= len(text) {
			break
		}
		_, w2 := utf8.DecodeRuneInString(text[i+w1:])
		for _, l := range f.lengths[text[i:i+w1+w2]] {
			if i+l > len(text) {
				continue
			}
			if r, ok := f.rank[text[i:i+l]]; ok {
				hits = append(hits, nameHit{i, i + l, r})
			}
		}
		i += w1
	}
	if len(hits) == 0 {
		return nil
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].rank != hits[j].rank {
			return hits[i].rank < hits[j].rank
		}
		return hits[i].start < hits[j].start
	})
	var out []string
	var blanked []nameHit
	overlaps := func(h nameHit) bool {
		for _, b := range blanked {
			if h.start < b.end && b.start < h.end {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(hits); {
		j := i
		for j < len(hits) && hits[j].rank == hits[i].rank {
			j++
		}
		// The occurrences of one name still whole, blanked left to right
		// as strings.ReplaceAll would (one overlapping an earlier one stays).
		var took []nameHit
		end := -1
		for _, h := range hits[i:j] {
			if overlaps(h) || h.start < end {
				continue
			}
			took = append(took, h)
			end = h.end
		}
		if len(took) > 0 {
			out = append(out, text[took[0].start:took[0].end])
			blanked = append(blanked, took...)
		}
		i = j
	}
	return out
}
