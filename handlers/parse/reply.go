// Package parse reads an elder's free-text reply to a check-in prompt.
//
// It is pure: text in, a Reply out, no I/O and no global mutable state.
package parse

import (
	"encoding/json"
)

// Intent is what a message is for.
type Intent string

// Intents, in order of precedence: urgent wins over aid, aid over checkin.
const (
	IntentOther   Intent = "other"
	IntentCheckin Intent = "checkin"
	IntentAid     Intent = "aid"
	IntentUrgent  Intent = "urgent"
)

// Health is the elder's state as the message states it.
type Health string

// Health values.
const (
	HealthUnknown Health = "unknown"
	HealthWell    Health = "well"
	HealthUnwell  Health = "unwell"
	HealthUrgent  Health = "urgent"
)

// Test is the latest test result as stated.
type Test string

// Test values.
const (
	TestUnknown  Test = "unknown"
	TestNone     Test = "none"
	TestNegative Test = "negative"
	TestPositive Test = "positive"
	TestPending  Test = "pending"
)

// Need is one kind of help asked for.
type Need string

// Needs.
const (
	NeedFood     Need = "food"
	NeedMedicine Need = "medicine"
	NeedMedical  Need = "medical"
	NeedErrand   Need = "errand"
)

// Evidence names the words a field was decided on.
type Evidence struct {
	Field  string // "intent", "health", "doses", "test", "needs", "proxy"
	Phrase string // the normalised phrase that matched
}

// Reply is what one message says.
type Reply struct {
	Intent Intent
	Health Health
	Doses  int // vaccine doses stated; -1 when not stated
	Test   Test
	Needs  []Need // nil when nothing is asked
	Proxy  bool   // written by family or a caregiver about the elder
	// Detail is the phrase quoted for an aid request ("降压药"); empty when none.
	Detail string
	// Evidence lists the matched phrases behind each field.
	Evidence []Evidence
}

// HasNeed reports whether r asks for n.
func (r Reply) HasNeed(n Need) bool {
	for _, x := range r.Needs {
		if x == n {
			return true
		}
	}
	return false
}

// contractJSON is the line format of `pingan parse` (see shared/corpus/README.md).
type contractJSON struct {
	Intent Intent `json:"intent"`
	Health Health `json:"health"`
	Doses  *int   `json:"doses"`
	Test   Test   `json:"test"`
	Needs  []Need `json:"needs"`
	Proxy  bool   `json:"proxy"`
}

// ContractJSON renders r as one line of the `pingan parse` contract.
func (r Reply) ContractJSON() []byte {
	c := contractJSON{Intent: r.Intent, Health: r.Health, Test: r.Test, Needs: r.Needs, Proxy: r.Proxy}
	if r.Doses >= 0 {
		d := r.Doses
		c.Doses = &d
	}
	if c.Needs == nil {
		c.Needs = []Need{}
	}
	b, _ := json.Marshal(c)
	return b
}
