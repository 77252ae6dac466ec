package parse

// quote turns the findings read on the normalised text rs into Findings that quote
// the message as written: pos holds the origin in text of every rune of rs. The
// message's runes are written in buf's array.
func quote(fs []finding, rs []rune, pos tracker, text string, buf *triageBuf) []Finding {
	if len(fs) == 0 {
		return nil
	}
	if len(text) > maxInput {
		text = text[:maxInput]
	}
	orig := buf.orig[:0]
	for _, r := range text {
		orig = append(orig, r)
	}
	buf.orig = orig[:0] // as grown, for the next message
	out := make([]Finding, 0, len(fs))
	for _, f := range fs {
		q := Finding{Sign: f.sign, Alert: f.alert, Because: f.why}
		if f.start >= 0 && f.end > f.start && f.end <= len(pos) && len(pos) == len(rs) {
			q.Start, q.End = int(pos[f.start]), int(pos[f.end-1])+1
			if q.Start < q.End && q.End <= len(orig) {
				q.Start, q.End = wholeWords(orig, q.Start, q.End)
				q.Quote = string(orig[q.Start:q.End])
			}
		}
		out = append(out, q)
	}
	return out
}

// wholeWords widens the quote orig[start:end] to whole English words: an English
// word rewritten into Chinese (slumped → 瘫倒了) may give a sign from part of it, and
// the quote shows the word as typed, not "sl".
func wholeWords(orig []rune, start, end int) (int, int) {
	letter := func(r rune) bool { return isLatin(r) || r == '\'' || r == '’' }
	for start > 0 && isLatin(orig[start]) && (isLatin(orig[start-1]) || letter(orig[start-1]) && start > 1 && isLatin(orig[start-2])) {
		start--
	}
	for end < len(orig) && isLatin(orig[end-1]) && (isLatin(orig[end]) || letter(orig[end]) && end+1 < len(orig) && isLatin(orig[end+1])) {
		end++
	}
	return start, end
}
