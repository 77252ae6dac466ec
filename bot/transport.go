package bot

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// Handler receives inbound messages from a transport.
type Handler interface {
	Handle(ctx context.Context, m Message)
}

// HandlerFunc adapts a function to Handler.
type HandlerFunc func(ctx context.Context, m Message)

// Handle calls f.
func (f HandlerFunc) Handle(ctx context.Context, m Message) { f(ctx, m) }

// Transport connects the bot to a chat system.
type Transport interface {
	// Run delivers inbound messages to h until ctx ends or the transport
	// fails for good.
	Run(ctx context.Context, h Handler) error
	// Send delivers one message. A returned error says, through
	// IsPermanent and RetryAfter, whether trying again can help.
	Send(ctx context.Context, m Outgoing) error
}

// ErrUnknownRecipient means the group or person is not known to the transport.
var ErrUnknownRecipient = errors.New("unknown recipient")

type permanentError struct{ err error }

func (e permanentError) Error() string { return e.err.Error() }
func (e permanentError) Unwrap() error { return e.err }

// Permanent marks err as one that retrying will not fix.
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return permanentError{err}
}

// IsPermanent reports whether retrying err cannot help.
func IsPermanent(err error) bool {
	var p permanentError
	return errors.As(err, &p) || errors.Is(err, ErrUnknownRecipient)
}

// ThrottledError says the chat system asked the bot to slow down.
type ThrottledError struct {
	// After is how long to wait at least before sending again.
	After time.Duration
	Err   error
}

func (e *ThrottledError) Error() string {
	return fmt.Sprintf("throttled (wait %s): %v", e.After, e.Err)
}

// Unwrap returns the underlying error.
func (e *ThrottledError) Unwrap() error { return e.Err }

// RetryAfter returns the wait a throttled error asks for, and whether err is one.
func RetryAfter(err error) (time.Duration, bool) {
	var t *ThrottledError
	if errors.As(err, &t) {
		return t.After, true
	}
	return 0, false
}
