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
	// Alert is whether a person must look now: AlertAlarm exactly when Intent is
	// IntentUrgent; AlertConfirm for a reading that may be serious (see the package doc).
	Alert Alert
	// Findings are the discriminators that fired, strongest first: those that raised
	// Alert, then those that time or voice set aside (Alert none, Because says why).
	// Nil when none fired.
	Findings []Finding
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
	Intent Intent        `json:"intent"`
	Health Health        `json:"health"`
	Doses  *int          `json:"doses"`
	Test   Test          `json:"test"`
	Needs  []Need        `json:"needs"`
	Proxy  bool          `json:"proxy"`
	Alert  Alert         `json:"alert"`
	Signs  []findingJSON `json:"signs,omitempty"`
}

// findingJSON is one Finding in the contract line: which discriminator fired, at
// what level, on which words (rune offsets into the message), and why it was set aside.
type findingJSON struct {
	Sign    Sign   `json:"sign"`
	Alert   Alert  `json:"alert"`
	Quote   string `json:"quote"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Because string `json:"because,omitempty"`
}

// ContractJSON renders r as one line of the `pingan parse` contract: the six fields of
// shared/corpus/README.md, "alert", and, when a discriminator fired, "signs".
func (r Reply) ContractJSON() []byte {
	c := contractJSON{Intent: r.Intent, Health: r.Health, Test: r.Test, Needs: r.Needs, Proxy: r.Proxy, Alert: r.Alert}
	if c.Alert == "" {
		c.Alert = AlertNone
	}
	for _, f := range r.Findings {
		c.Signs = append(c.Signs, findingJSON{f.Sign, f.Alert, f.Quote, f.Start, f.End, f.Because})
	}
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
