package bot

import (
	"time"

	"pingan/store"
)

// Lane is an outgoing message's class. The outbox always sends the oldest
// message of the most urgent lane that holds one; all lanes share the
// account's pacing (an alarm jumps the queue, never the limits).
type Lane string

// Lanes, most urgent first.
const (
	// LaneAlarm: emergency alerts, their repeats and widening, and the
	// personal answer to the person in danger.
	LaneAlarm Lane = store.LaneAlarm
	// LaneStaff: private notices and answers to staff commands.
	LaneStaff Lane = store.LaneStaff
	// LaneBroadcast: check-in prompts and bulletins.
	LaneBroadcast Lane = store.LaneBroadcast
	// LaneCourtesy: acknowledgements in groups, merged when the budget is short.
	LaneCourtesy Lane = store.LaneCourtesy
)

// Lanes lists the lanes, most urgent first.
var Lanes = []Lane{LaneAlarm, LaneStaff, LaneBroadcast, LaneCourtesy}

// Label is the lane's Chinese name for staff.
func (l Lane) Label() string {
	switch l {
	case LaneAlarm:
		return "紧急"
	case LaneStaff:
		return "工作"
	case LaneBroadcast:
		return "群发"
	case LaneCourtesy:
		return "回执"
	}
	return string(l)
}

// laneOf is m's lane, the default filled in for an empty one.
func laneOf(m Outgoing) Lane {
	switch {
	case m.Lane != "":
		return m.Lane
	case m.Group == "":
		return LaneStaff
	}
	return LaneBroadcast
}

// AckItem is one person heard in a group, waiting to be acknowledged.
// Items of one group are merged into one message (报平安接龙) per interval.
type AckItem struct {
	// Name is how the batch names the person (a roster name, or the
	// display name of a sender not yet known); never a health word.
	Name string `json:"n"`
	// Mention is the display name to @-mention when the item is sent alone.
	Mention string `json:"m,omitempty"`
	// Kind chooses the wording when the item is sent alone: "" for a
	// plain check-in, or a kind the renderer knows ("unwell", "sign").
	Kind string `json:"k,omitempty"`
	// At is when the person was heard.
	At time.Time `json:"t"`
}

// Backlog is what waits in the outbox, lane by lane.
type Backlog struct {
	// Depth is the number of messages waiting in each lane.
	Depth map[Lane]int64
	// Local is the number of alarms waiting in the process while the
	// store is unreachable.
	Local int
	// PerMinute is the pacing's cap (0: none), for estimating the wait.
	PerMinute int
}

// Total is the number of messages waiting.
func (b Backlog) Total() int64 {
	n := int64(b.Local)
	for _, d := range b.Depth {
		n += d
	}
	return n
}
