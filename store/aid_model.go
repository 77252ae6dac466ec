package store

import (
	"errors"
	"fmt"
	"pingan/handlers/parse"
	"time"
)

// AidStatus is where an aid request stands.
type AidStatus string

// Aid request statuses: open → claimed → done, or cancelled from open or claimed.
const (
	AidOpen      AidStatus = "open"
	AidClaimed   AidStatus = "claimed"
	AidDone      AidStatus = "done"
	AidCancelled AidStatus = "cancelled"
)

// Active reports whether the request still needs someone: open or claimed.
func (s AidStatus) Active() bool { return s == AidOpen || s == AidClaimed }

// Who asked for aid.
const (
	AskedByElder   = "elder"
	AskedByFamily  = "family"
	AskedByLiaison = "liaison"
)

// Transition errors; each is an ErrConflict.
var (
	// ErrClosed: the request or emergency is already done, cancelled or resolved.
	ErrClosed = fmt.Errorf("%w: already closed", ErrConflict)
	// ErrClaimedByOther: someone else holds the claim.
	ErrClaimedByOther = fmt.Errorf("%w: claimed by someone else", ErrConflict)
	// ErrAlreadyYours: the actor holds the claim already.
	ErrAlreadyYours = fmt.Errorf("%w: already claimed by you", ErrConflict)
	// ErrNotYours: only the claimer or an admin may close a claimed request.
	ErrNotYours = fmt.Errorf("%w: only the claimer or an admin may close it", ErrConflict)
	// ErrAlreadyAcked: the emergency was acknowledged before.
	ErrAlreadyAcked = fmt.Errorf("%w: already acknowledged", ErrConflict)
	// ErrBadTransition: no such move.
	ErrBadTransition = fmt.Errorf("%w: not a valid change", ErrConflict)
)

// Actor is the staff member making a change.
type Actor struct {
	// Name is the staff member's name.
	Name string
	// Admin is true for an admin, who may close anyone's claim.
	Admin bool
}

// AidEvent is one line of a request's history.
type AidEvent struct {
	At   time.Time `json:"at"`
	By   string    `json:"by"`
	What string    `json:"what"` // opened, added, claimed, done, cancelled, or remind:<stage>
	Note string    `json:"note,omitempty"`
}

// AidRequest is one request for help (急难愁盼), numbered #ID in the office.
type AidRequest struct {
	// ID is the office-wide number shown as #ID; never reused.
	ID int64 `json:"id"`
	// ElderID and ElderName say whom the request is for.
	ElderID   string `json:"elder"`
	ElderName string `json:"elder_name"`
	// Candidates are the elders (ids) it may be about when the sender fits
	// several (namesakes); their liaisons are told. Empty when ElderID is one.
	Candidates []string `json:"candidates,omitempty"`
	// Needs are what is asked: food, medicine, medical, errand; empty for
	// help not named.
	Needs []parse.Need `json:"needs,omitempty"`
	// Detail is the quoted phrase ("降压药"), joined with 、 when added to.
	Detail string `json:"detail,omitempty"`
	// Texts are the messages as written (at most maxAidTexts, capped).
	Texts []string `json:"texts,omitempty"`
	// AskedBy is who wrote or logged the request (a nickname or a staff name),
	// AskedAs whether that was the elder, family or a liaison.
	AskedBy string `json:"asked_by"`
	AskedAs string `json:"asked_as"`
	// Group is the group the request came from; empty for a liaison's /aid.
	Group string `json:"group,omitempty"`
	// Opened is when the request was opened.
	Opened time.Time `json:"opened"`
	// Status is where it stands.
	Status AidStatus `json:"status"`
	// Claimer is the staff member who claimed it, and ClaimedAt when.
	Claimer   string    `json:"claimer,omitempty"`
	ClaimedAt time.Time `json:"claimed_at,omitempty"`
	// ClosedBy, ClosedAt and Note record the done or cancel.
	ClosedBy string    `json:"closed_by,omitempty"`
	ClosedAt time.Time `json:"closed_at,omitempty"`
	Note     string    `json:"note,omitempty"`
	// Sent records the escalation stages already sent, so that none is sent twice.
	Sent map[AidStage]time.Time `json:"sent,omitempty"`
	// Log is the request's history.
	Log []AidEvent `json:"log,omitempty"`
}

const maxAidTexts = 5

// Validate reports the first thing wrong with a.
func (a AidRequest) Validate() error {
	switch {
	case a.ID <= 0:
		return errors.New("aid request: no number")
	case a.ElderID == "":
		return errors.New("aid request: no elder")
	case a.Opened.IsZero():
		return errors.New("aid request: no opening time")
	}
	switch a.Status {
	case AidOpen, AidClaimed, AidDone, AidCancelled:
	default:
		return fmt.Errorf("aid request: status %q", a.Status)
	}
	return nil
}

// CanTransition says whether by may move the request to status to, and
// if not, why: ErrClosed, ErrClaimedByOther, ErrAlreadyYours, ErrNotYours
// or ErrBadTransition. Anyone on the staff may claim, finish or cancel an
// open request; a claimed one only its claimer or an admin may close.
func (a AidRequest) CanTransition(to AidStatus, by Actor) error {
	if !a.Status.Active() {
		return ErrClosed
	}
	switch to {
	case AidClaimed:
		if a.Status == AidClaimed {
			if a.Claimer == by.Name {
				return ErrAlreadyYours
			}
			return ErrClaimedByOther
		}
		return nil
	case AidDone, AidCancelled:
		if a.Status == AidClaimed && a.Claimer != by.Name && !by.Admin {
			return ErrNotYours
		}
		return nil
	}
	return ErrBadTransition
}

// Transition returns the request moved to status to by by at t, with note
// kept; it refuses what CanTransition refuses.
func (a AidRequest) Transition(to AidStatus, by Actor, t time.Time, note string) (AidRequest, error) {
	if err := a.CanTransition(to, by); err != nil {
		return a, err
	}
	a.Log = append(append([]AidEvent(nil), a.Log...), AidEvent{At: t, By: by.Name, What: string(to), Note: note})
	a.Status = to
	switch to {
	case AidClaimed:
		a.Claimer, a.ClaimedAt = by.Name, t
	default:
		a.ClosedBy, a.ClosedAt, a.Note = by.Name, t, note
	}
	return a, nil
}

// AddTo folds a further message into the request: new needs, detail and text.
func (a AidRequest) AddTo(needs []parse.Need, detail, text, by string, t time.Time) AidRequest {
	have := map[parse.Need]bool{}
	for _, n := range a.Needs {
		have[n] = true
	}
	a.Needs = append([]parse.Need(nil), a.Needs...)
	for _, n := range needs {
		if !have[n] {
			a.Needs = append(a.Needs, n)
			have[n] = true
		}
	}
	if detail != "" && detail != a.Detail {
		if a.Detail == "" {
			a.Detail = detail
		} else {
			a.Detail += "、" + detail
		}
	}
	if text != "" && len(a.Texts) < maxAidTexts {
		a.Texts = append(append([]string(nil), a.Texts...), truncateUTF8(text, 500))
	}
	a.Log = append(append([]AidEvent(nil), a.Log...), AidEvent{At: t, By: by, What: "added", Note: truncateUTF8(text, 200)})
	return a
}

// AidStage is one escalation step of an aid request.
type AidStage string

// Aid escalation stages.
const (
	// StageRemind: unclaimed past claim_within; the liaison and volunteers are reminded.
	StageRemind AidStage = "remind"
	// StageAdmins: unclaimed past twice claim_within; the admins are told.
	StageAdmins AidStage = "admins"
	// StageDone: claimed but not done past done_within; the claimer is reminded.
	StageDone AidStage = "done"
)

// NextStage is the next escalation step the request is due for and when;
// ok is false when none remains. It is a pure function of the request.
func (a AidRequest) NextStage(claimWithin, doneWithin time.Duration) (stage AidStage, at time.Time, ok bool) {
	switch a.Status {
	case AidOpen:
		if _, sent := a.Sent[StageRemind]; !sent {
			return StageRemind, a.Opened.Add(claimWithin), true
		}
		if _, sent := a.Sent[StageAdmins]; !sent {
			return StageAdmins, a.Opened.Add(2 * claimWithin), true
		}
	case AidClaimed:
		if t, sent := a.Sent[StageDone]; !sent || t.Before(a.ClaimedAt) {
			return StageDone, a.ClaimedAt.Add(doneWithin), true
		}
	}
	return "", time.Time{}, false
}

// MarkSent records that stage was sent at t.
func (a AidRequest) MarkSent(stage AidStage, t time.Time) AidRequest {
	sent := make(map[AidStage]time.Time, len(a.Sent)+1)
	for k, v := range a.Sent {
		sent[k] = v
	}
	sent[stage] = t
	a.Sent = sent
	a.Log = append(append([]AidEvent(nil), a.Log...), AidEvent{At: t, By: "pingan", What: "remind:" + string(stage)})
	return a
}
