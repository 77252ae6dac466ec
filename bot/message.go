// Package bot owns the chat side of pingan: the Transport interface that
// adapters (WeChat, console, the test fake) implement, the normalised
// Message and Outgoing types, the command Mux with its middleware, and the
// Outbox that paces every message the bot sends.
package bot

import (
	"time"
)

// Kind says what an inbound message carries.
type Kind string

// Message kinds.
const (
	KindText    Kind = "text"
	KindSticker Kind = "sticker" // 表情; counts as a sign of life
	KindVoice   Kind = "voice"   // 语音; counts as a sign of life
	KindImage   Kind = "image"
	KindSystem  Kind = "system"  // joins, renames
	KindRevoked Kind = "revoked" // a message its sender took back
	KindFile    Kind = "file"    // a file (附件): File holds its local copy
)

// Sender is who wrote a message, as the transport saw them.
type Sender struct {
	// DisplayName is the sender's name in the group (群昵称), or their
	// nickname when they set none. Empty for private messages.
	DisplayName string
	// NickName is the sender's own WeChat nickname.
	NickName string
	// Remark is the remark name (备注) the bot's own account gave the sender;
	// empty when the sender is not a friend or has none. Staff are recognised
	// by this field only.
	Remark string
	// Self is true when the bot's own account sent the message.
	Self bool
}

// Name is the best name to show for the sender: remark, display name, nickname.
func (s Sender) Name() string {
	switch {
	case s.Remark != "":
		return s.Remark
	case s.DisplayName != "":
		return s.DisplayName
	}
	return s.NickName
}

// Message is one inbound message, normalised at the edge.
type Message struct {
	// ID is unique per message for the account; a message delivered twice
	// carries the same ID and is applied once.
	ID string
	// Kind is what the message carries.
	Kind Kind
	// Group is the group's name; empty for a private message.
	Group string
	// From is the sender.
	From Sender
	// Text is the message text (empty for stickers and voice notes).
	Text string
	// Time is when the message was received, from the bot's clock.
	Time time.Time
	// Oversized is set when the text was longer than handlers accept and
	// was cut to its head and tail.
	Oversized bool
	// File is the local path of a file message's content, FileName the
	// name it was sent with; the transport removes the copy later.
	File     string `json:",omitempty"`
	FileName string `json:",omitempty"`
	// AlertedOffline is set on a message kept in the spool after its
	// emergency alarm went out while the store was down: when it is
	// applied later, staff are given the case number, not alarmed again.
	AlertedOffline bool `json:",omitempty"`
}

// Private reports whether the message came in a private chat.
func (m Message) Private() bool { return m.Group == "" }

// Outgoing is one message the bot wants to send.
type Outgoing struct {
	// ID identifies the message in the outbox; filled in when queued.
	ID string `json:"id"`
	// Group is the target group's name; empty for a private message.
	Group string `json:"group,omitempty"`
	// To is the remark name of the person for a private message.
	To string `json:"to,omitempty"`
	// Text is the message body.
	Text string `json:"text,omitempty"`
	// Mention is a group display name to @-mention at the start of Text.
	Mention string `json:"mention,omitempty"`
	// File is a path to an image or file to send instead of text.
	File string `json:"file,omitempty"`
	// Image is true when File is a picture.
	Image bool `json:"image,omitempty"`
	// Lane is how urgent the message is (alarm, staff, broadcast,
	// courtesy). Left empty, a private message goes in the staff lane and
	// a group message in the broadcast lane.
	Lane Lane `json:"lane,omitempty"`
	// Origin is when the inbound message that caused this one arrived;
	// the outbox measures an alarm's delay from it. Zero when none.
	Origin time.Time `json:"origin,omitzero"`
	// Queued is when the message entered the outbox.
	Queued time.Time `json:"queued"`
	// Attempts counts failed sends so far.
	Attempts int `json:"attempts,omitempty"`
}

// Target renders where the message goes, for logs.
func (o Outgoing) Target() string {
	if o.Group != "" {
		return "[" + o.Group + "]"
	}
	return o.To
}
