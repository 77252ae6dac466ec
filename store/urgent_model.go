package store

import (
	"errors"
	"time"
)

// EmergencyStatus is where an emergency stands.
type EmergencyStatus string

// Emergency statuses: alerting (repeating) → acked → resolved; a false
// alarm goes from alerting straight to resolved.
const (
	EmergencyAlerting EmergencyStatus = "alerting"
	EmergencyAcked    EmergencyStatus = "acked"
	EmergencyResolved EmergencyStatus = "resolved"
)

// Emergency is an urgent message (a fall, chest pain) that alerts staff
// until a person acknowledges it. It shares the #N numbering with aid requests.
type Emergency struct {
	// ID is the office-wide number shown as #ID.
	ID int64 `json:"id"`
	// ElderID and ElderName say whom it is about.
	ElderID   string `json:"elder"`
	ElderName string `json:"elder_name"`
	// Candidates are the elders (ids) it may be about when the sender fits
	// several (namesakes); their liaisons are alerted. Empty when ElderID is one.
	Candidates []string `json:"candidates,omitempty"`
	// Text is the message as written; Group where; By who wrote it.
	Text  string `json:"text"`
	Group string `json:"group,omitempty"`
	By    string `json:"by"`
	// Opened is when the bot read it, and the first alert went out.
	Opened time.Time `json:"opened"`
	// Status is where it stands.
	Status EmergencyStatus `json:"status"`
	// Round counts the alerts sent: 1 after the first.
	Round int `json:"round"`
	// Last is when the latest alert went out.
	Last time.Time `json:"last"`
	// Widened is set once the alert went to all staff.
	Widened bool `json:"widened,omitempty"`
	// Confirm is set while the case waits for the liaison to confirm a
	// reading that may be serious; unconfirmed after UrgentTimes.ConfirmWithin
	// it becomes an alarm (Promoted), with repeats.
	Confirm bool `json:"confirm,omitempty"`
	// Promoted is when an unconfirmed case became an alarm; repeats and
	// the widening count from it.
	Promoted time.Time `json:"promoted,omitzero"`
	// Signs says what the parser found, for staff (「疑似中风：半边脸耷拉」).
	Signs string `json:"signs,omitempty"`
	// Hotlines are numbers staff may need (12356, 110, 96110).
	Hotlines []string `json:"hotlines,omitempty"`
	// Alerted are the remarks of everyone alerted so far.
	Alerted []string `json:"alerted,omitempty"`
	// AckBy and AckAt record who acknowledged it, and when.
	AckBy string    `json:"ack_by,omitempty"`
	AckAt time.Time `json:"ack_at,omitempty"`
	// ResolvedBy, ResolvedAt and Note record the close.
	ResolvedBy string    `json:"resolved_by,omitempty"`
	ResolvedAt time.Time `json:"resolved_at,omitempty"`
	Note       string    `json:"note,omitempty"`
}

// Validate reports the first thing wrong with e.
func (e Emergency) Validate() error {
	switch {
	case e.ID <= 0:
		return errors.New("emergency: no number")
	case e.ElderID == "":
		return errors.New("emergency: no elder")
	case e.Opened.IsZero():
		return errors.New("emergency: no opening time")
	}
	return nil
}

// WasAlerted reports whether the person with this remark was alerted.
func (e Emergency) WasAlerted(remark string) bool {
	for _, r := range e.Alerted {
		if r == remark {
			return true
		}
	}
	return false
}

// NextAlert is when the next repeat is due, and whether it goes to all
// staff; ok is false once acknowledged or resolved. Repeats fall at
// Opened + k·repeat, the first after the latest alert; the widening also
// falls at Opened + widen when that comes between two repeats. Pure function of the emergency.
//
// A case waiting for confirmation is next due when the time to confirm
// runs out (then the caller promotes it); after that the repeats and the
// widening count from the promotion.
func (e Emergency) NextAlert(t UrgentTimes) (at time.Time, wide bool, ok bool) {
	repeat, widen := t.RepeatEvery, t.WidenAfter
	if e.Status != EmergencyAlerting || repeat <= 0 {
		return time.Time{}, false, false
	}
	if e.Confirm {
		return e.Opened.Add(t.ConfirmWithin), false, true
	}
	base := e.Opened
	if !e.Promoted.IsZero() {
		base = e.Promoted
	}
	last := e.Last
	if last.Before(base) {
		last = base
	}
	next := base.Add((last.Sub(base)/repeat + 1) * repeat)
	widenAt := base.Add(widen)
	if !e.Widened && widen > 0 && widenAt.Before(next) {
		return widenAt, true, true
	}
	return next, e.Widened || (widen > 0 && !next.Before(widenAt)), true
}

// Promote returns the case, unconfirmed in time, as an alarm to remarks at t.
func (e Emergency) Promote(remarks []string, t time.Time) Emergency {
	e.Confirm, e.Promoted = false, t
	return e.Alert(remarks, false, t)
}

// Alert returns the emergency after one more alert to remarks at t.
func (e Emergency) Alert(remarks []string, wide bool, t time.Time) Emergency {
	e.Round++
	e.Last = t
	e.Widened = e.Widened || wide
	all := append([]string(nil), e.Alerted...)
	have := map[string]bool{}
	for _, r := range all {
		have[r] = true
	}
	for _, r := range remarks {
		if !have[r] {
			have[r] = true
			all = append(all, r)
		}
	}
	e.Alerted = all
	return e
}

// Ack returns the emergency acknowledged by name at t, or ErrAlreadyAcked
// or ErrClosed.
func (e Emergency) Ack(name string, t time.Time) (Emergency, error) {
	switch e.Status {
	case EmergencyAcked:
		return e, ErrAlreadyAcked
	case EmergencyResolved:
		return e, ErrClosed
	}
	e.Status, e.AckBy, e.AckAt = EmergencyAcked, name, t
	return e, nil
}

// Resolve returns the emergency closed by name at t with note, or ErrClosed.
// Resolving an unacknowledged emergency also records the ack.
func (e Emergency) Resolve(name, note string, t time.Time) (Emergency, error) {
	if e.Status == EmergencyResolved {
		return e, ErrClosed
	}
	if e.AckBy == "" {
		e.AckBy, e.AckAt = name, t
	}
	e.Status, e.ResolvedBy, e.ResolvedAt, e.Note = EmergencyResolved, name, t, note
	return e, nil
}
