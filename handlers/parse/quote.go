package parse

// quote turns the findings read on the normalised text rs into Findings that quote
// the message as written. It normalises text again, this time keeping the origin of
// every rune; that costs a little, and only messages with a finding pay it. The
// normalised text, its origins and the message's runes are written in buf's arrays.
func quote(fs []finding, rs []rune, text string, buf *triageBuf) []Finding {
	if len(fs) == 0 {
		return nil
	}
	if buf.quotePos == nil {
		buf.quotePos = make(tracker, 0, len(rs)) // not nil: a nil tracker tracks nothing
	}
	nrs, pos := normalizeTracked(buf.quoteRs, text, buf.quotePos[:0])
	if len(text) > maxInput {
		text = text[:maxInput]
	}
	orig := buf.orig[:0]
	for _, r := range text {
		orig = append(orig, r)
	}
	buf.quoteRs, buf.quotePos, buf.orig = nrs[:0], pos[:0], orig[:0] // as grown, for the next message
	out := make([]Finding, 0, len(fs))
	for _, f := range fs {
		q := Finding{Sign: f.sign, Alert: f.alert, Because: f.why}
		if f.start >= 0 && f.end > f.start && f.end <= len(pos) && len(nrs) == len(rs) {
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
