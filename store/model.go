package store

import (
	"fmt"
	"pingan/handlers/parse"
	"strings"
	"time"
)

// Elder is one retired staff member the office looks after.
type Elder struct {
	// ID is the roster's id, unique in the office.
	ID string `json:"id"`
	// Name is the elder's real name.
	Name string `json:"name"`
	// Aliases are the group nicknames and ways family refer to the elder.
	Aliases []string `json:"aliases,omitempty"`
	// Branch is the 支部/科所 the elder belongs to.
	Branch string `json:"branch"`
	// BirthYear is the year of birth; 0 when unknown.
	BirthYear int `json:"birth_year,omitempty"`
	// LivesAlone is true for an elder living alone (独居).
	LivesAlone bool `json:"lives_alone,omitempty"`
	// SeriousIllness is true for an elder with a serious illness (重病).
	SeriousIllness bool `json:"serious_illness,omitempty"`
	// Liaison is the name of the staff member who looks after the elder.
	Liaison string `json:"liaison"`
	// Phone is shown to staff only.
	Phone string `json:"phone,omitempty"`
	// Family lists family contacts as written in the roster ("女儿 王芳 139…").
	Family []string `json:"family,omitempty"`
	// Tier is the risk tier the config's rules gave the elder.
	Tier string `json:"tier"`
	// ContactEvery is how long the elder may go without contact before overdue.
	ContactEvery time.Duration `json:"contact_every"`
	// EscalateAfter is how long without contact before admins are told.
	EscalateAfter time.Duration `json:"escalate_after"`
	// Plan is the elder's own plan (一人一策), over the tier's defaults.
	Plan Plan `json:"plan,omitzero"`
}

// Ways of contact a plan may prefer.
const (
	PreferPhone  = "电话"
	PreferVisit  = "上门"
	PreferFamily = "家属"
)

// Plan is one elder's own plan (一人一策): how often, how, what staff
// should know, and who else helps. Notes are for staff only, never a group.
type Plan struct {
	// Every overrides the tier's contact interval; 0 keeps the tier's.
	Every time.Duration `json:"every,omitempty"`
	// Prefer is the way to reach the elder: 电话, 上门 or 家属; "" any.
	Prefer string `json:"prefer,omitempty"`
	// Notes are what staff should know ("耳背，先打女儿电话").
	Notes string `json:"notes,omitempty"`
	// Helper is a staff member (a volunteer) who also gets the elder's
	// aid notices.
	Helper string `json:"helper,omitempty"`
}

// IsZero reports whether the plan says nothing.
func (p Plan) IsZero() bool { return p == Plan{} }

// Over returns p with the fields set in o replacing its own.
func (p Plan) Over(o Plan) Plan {
	if o.Every > 0 {
		p.Every = o.Every
	}
	if o.Prefer != "" {
		p.Prefer = o.Prefer
	}
	if o.Notes != "" {
		p.Notes = o.Notes
	}
	if o.Helper != "" {
		p.Helper = o.Helper
	}
	return p
}

// Validate reports the first thing wrong with e.
func (e Elder) Validate() error {
	switch {
	case strings.TrimSpace(e.ID) == "":
		return fmt.Errorf("id is empty")
	case strings.TrimSpace(e.Name) == "":
		return fmt.Errorf("name is empty")
	case e.ContactEvery <= 0:
		return fmt.Errorf("contact interval must be positive")
	case e.EscalateAfter < e.ContactEvery:
		return fmt.Errorf("escalation must come after the contact interval")
	}
	return nil
}

// Age is the elder's age in the year of t; 0 when the birth year is unknown.
func (e Elder) Age(t time.Time) int {
	if e.BirthYear == 0 {
		return 0
	}
	return t.Year() - e.BirthYear
}

// Source says how a contact came about.
type Source string

// Contact sources.
const (
	SourceReply   Source = "reply"   // the elder answered in a group
	SourceFamily  Source = "family"  // a family member answered for the elder
	SourceSticker Source = "sticker" // a sticker: alive, status unknown
	SourceVoice   Source = "voice"   // a voice note: alive, status unknown
	SourceCall    Source = "call"    // a liaison phoned (电话)
	SourceVisit   Source = "visit"   // a liaison visited (上门)
	SourceKin     Source = "kin"     // a liaison spoke with family (家属)
)

// SourceLabel is the Chinese word for a source.
func (s Source) Label() string {
	switch s {
	case SourceReply:
		return "群内回复"
	case SourceFamily:
		return "家属代报"
	case SourceSticker:
		return "表情"
	case SourceVoice:
		return "语音"
	case SourceCall:
		return "电话"
	case SourceVisit:
		return "上门"
	case SourceKin:
		return "联系家属"
	}
	return string(s)
}

// Contact is one sign of life from or about an elder.
type Contact struct {
	// ElderID is whom the contact is about.
	ElderID string `json:"elder"`
	// At is when it happened.
	At time.Time `json:"at"`
	// Source says how.
	Source Source `json:"source"`
	// By is who wrote or logged it (a group nickname or a staff name).
	By string `json:"by"`
	// Group is the group it came from; empty for a liaison's log.
	Group string `json:"group,omitempty"`
	// Text is the raw text as written (capped).
	Text string `json:"text,omitempty"`
	// Health, Doses, Test and Needs are what the text said (see handlers/parse).
	Health parse.Health `json:"health"`
	Doses  int          `json:"doses"`
	Test   parse.Test   `json:"test"`
	Needs  []parse.Need `json:"needs,omitempty"`
	// Flag asks a liaison to look: a sticker or voice note says nothing of health.
	Flag bool `json:"flag,omitempty"`
	// MsgID is the inbound message id, for dedupe; empty for logged contacts.
	MsgID string `json:"msg,omitempty"`
	// Round is the check-in round the contact counted for, if any.
	Round string `json:"round,omitempty"`
}

// Status is an elder's latest known state: the ledger's head.
type Status struct {
	// Last is the time of the latest contact.
	Last time.Time `json:"last"`
	// LastSource is how the latest contact came about.
	LastSource Source `json:"last_source"`
	// LastText is the latest contact's text.
	LastText string `json:"last_text,omitempty"`
	// Health is the latest stated health, and HealthAt when it was stated.
	Health   parse.Health `json:"health"`
	HealthAt time.Time    `json:"health_at,omitempty"`
	// Doses is the latest stated dose count; -1 when never stated.
	Doses int `json:"doses"`
	// Test is the latest stated test result.
	Test parse.Test `json:"test"`
	// Needs is what the latest contact asked for.
	Needs []parse.Need `json:"needs,omitempty"`
	// Flag is set when the latest contact needs a liaison's look.
	Flag bool `json:"flag,omitempty"`
}

// NewStatus is the status of an elder never heard from.
func NewStatus() Status {
	return Status{Health: parse.HealthUnknown, Doses: -1, Test: parse.TestUnknown}
}

// Apply folds contact c into the status: what c states replaces what was
// known; what it does not state stays. An older contact changes nothing.
func (s Status) Apply(c Contact) Status {
	if c.At.Before(s.Last) {
		return s
	}
	s.Last, s.LastSource, s.LastText, s.Flag = c.At, c.Source, c.Text, c.Flag
	if c.Health != "" && c.Health != parse.HealthUnknown {
		s.Health, s.HealthAt = c.Health, c.At
	}
	if c.Doses >= 0 {
		s.Doses = c.Doses
	}
	if c.Test != "" && c.Test != parse.TestUnknown {
		s.Test = c.Test
	}
	s.Needs = c.Needs
	return s
}

// Round is one check-in campaign.
type Round struct {
	// ID is the round's id, from its opening time ("20261124-0900").
	ID string `json:"id"`
	// Opened and Closes bound the window in which replies count.
	Opened time.Time `json:"opened"`
	Closes time.Time `json:"closes"`
	// Groups are the groups the prompt went to.
	Groups []string `json:"groups"`
}

// Open reports whether t falls in the round's window.
func (r Round) Open(t time.Time) bool { return !t.Before(r.Opened) && t.Before(r.Closes) }

// RoundID is the id of a round opened at t.
func RoundID(t time.Time) string { return t.Format("20060102-1504") }
