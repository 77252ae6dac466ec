package bot

import "errors"

// ErrUnavailable means the transport did not try to send because it has no
// connection right now (for WeChat: the session is down and being
// re-established). The outbox keeps the message at the head of its queue and
// tries again later without counting an attempt, so a long outage never turns
// queued messages into failed ones. Wrap it: fmt.Errorf("...: %w", ErrUnavailable).
var ErrUnavailable = errors.New("transport unavailable")
