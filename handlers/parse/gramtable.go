package parse

// gramTable maps a gram (eachGram's code of one to three runes) to the weights of two of
// the model's heads. The parser looks up every gram of every clause it weighs, so the
// table is an open-addressed array probed linearly from a multiplicative hash: one
// cache line a lookup, where a Go map costs about twice the time for these keys. It is
// built once, when the model loads, and only read after.
type gramTable struct {
	slots []gramSlot
	shift uint
	n     int
}

// gramSlot is one entry; g is 0 in an empty slot (no gram codes to 0: a gram holds at
// least one rune, and gramRune never gives rune 0).
type gramSlot struct {
	g uint64
	w [2]float32
}

// newGramTable makes a table for n grams, at most half full.
func newGramTable(n int) gramTable {
	size, bits := 16, uint(4)
	for size < 2*n {
		size, bits = size*2, bits+1
	}
	return gramTable{slots: make([]gramSlot, size), shift: 64 - bits}
}

// slot returns where the probe for g starts.
func (t *gramTable) slot(g uint64) int { return int((g * 0x9E3779B97F4A7C15) >> t.shift) }

// put sets g's weights; a gram 0 is not stored.
func (t *gramTable) put(g uint64, w [2]float32) {
	if g == 0 {
		return
	}
	mask := len(t.slots) - 1
	for i := t.slot(g); ; i = (i + 1) & mask {
		switch t.slots[i].g {
		case 0:
			t.slots[i] = gramSlot{g: g, w: w}
			t.n++
			return
		case g:
			t.slots[i].w = w
			return
		}
	}
}

// get returns g's weights, zero when the table does not hold it.
func (t *gramTable) get(g uint64) [2]float32 {
	mask := len(t.slots) - 1
	for i := t.slot(g); ; i = (i + 1) & mask {
		switch t.slots[i].g {
		case g:
			return t.slots[i].w
		case 0:
			return [2]float32{}
		}
	}
}

// len returns how many grams the table holds.
func (t *gramTable) len() int { return t.n }
