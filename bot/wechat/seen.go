package wechat

import (
	"container/list"
	"sync"
	"time"
)

// seenSet remembers recently delivered MsgIds, at most size of them and
// each for ttl, so a message WeChat delivers twice is handed on once. It
// only guards one process; the handlers' Redis dedupe on bot.Message.ID
// covers restarts.
type seenSet struct {
	size int
	ttl  time.Duration

	mu    sync.Mutex
	order *list.List // of seenEntry, oldest first
	byID  map[string]*list.Element
}

type seenEntry struct {
	id string
	at time.Time
}

func newSeenSet(size int, ttl time.Duration) *seenSet {
	return &seenSet{size: size, ttl: ttl, order: list.New(), byID: map[string]*list.Element{}}
}

// add records id and reports whether it was new. An empty id is always new.
func (s *seenSet) add(id string) bool {
	if id == "" {
		return true
	}
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	for e := s.order.Front(); e != nil; e = s.order.Front() {
		if en := e.Value.(seenEntry); now.Sub(en.at) > s.ttl || s.order.Len() > s.size {
			s.order.Remove(e)
			delete(s.byID, en.id)
			continue
		}
		break
	}
	if _, ok := s.byID[id]; ok {
		return false
	}
	s.byID[id] = s.order.PushBack(seenEntry{id: id, at: now})
	if s.order.Len() > s.size {
		e := s.order.Front()
		s.order.Remove(e)
		delete(s.byID, e.Value.(seenEntry).id)
	}
	return true
}
