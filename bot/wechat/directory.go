package wechat

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/eatmoreapple/openwechat"
)

// directory maps the session ids (UserName) of one login to names, and
// names back to session ids. Session ids change at every login and are
// never stored anywhere else. It talks to WeChat through the library's
// Caller only, never through the library's own contact caches, which are
// not safe to use from outside the sync goroutine.
type directory struct {
	caller *openwechat.Caller
	info   *openwechat.LoginInfo
	req    *openwechat.BaseRequest
	opts   *Options

	mu          sync.Mutex
	contactsAt  time.Time
	groupByName map[string]string // group name → UserName
	groupName   map[string]string // UserName → group name
	members     map[string]*memberList
	friendByRmk map[string]string // remark → UserName
	friends     map[string]person // UserName → friend
	strangers   map[string]person // UserName → non-friend seen in a private chat
}

type person struct {
	nick, remark, display string
}

type memberList struct {
	at   time.Time
	byUN map[string]person
}

func newDirectory(c *openwechat.Caller, info *openwechat.LoginInfo, req *openwechat.BaseRequest, opts *Options) *directory {
	return &directory{
		caller: c, info: info, req: req, opts: opts,
		groupByName: map[string]string{}, groupName: map[string]string{},
		members: map[string]*memberList{}, friendByRmk: map[string]string{},
		friends: map[string]person{}, strangers: map[string]person{},
	}
}

// loadContacts fetches the contact list: friends with their remark names and
// the groups saved to contacts.
func (d *directory) loadContacts(ctx context.Context) error {
	list, err := d.caller.WebWxGetContact(ctx, d.info)
	if err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	d.contactsAt = time.Now()
	d.friendByRmk = map[string]string{}
	d.friends = map[string]person{}
	for _, u := range list {
		switch {
		case strings.HasPrefix(u.UserName, "@@"):
			d.setGroup(u.UserName, u.NickName)
		case strings.HasPrefix(u.UserName, "@") && u.VerifyFlag == 0:
			d.friends[u.UserName] = person{nick: u.NickName, remark: u.RemarkName}
			if u.RemarkName != "" {
				d.friendByRmk[u.RemarkName] = u.UserName
			}
		}
	}
	return nil
}

// refreshContacts reloads the contact list unless it was loaded recently.
func (d *directory) refreshContacts(ctx context.Context) error {
	d.mu.Lock()
	recent := time.Since(d.contactsAt) < d.opts.ContactRefresh
	d.mu.Unlock()
	if recent {
		return nil
	}
	return d.loadContacts(ctx)
}

func (d *directory) setGroup(un, name string) {
	if old, ok := d.groupName[un]; ok && old != name {
		delete(d.groupByName, old)
	}
	d.groupName[un] = name
	if name != "" {
		d.groupByName[name] = un
	}
}

// loadGroup fetches one group with its members.
func (d *directory) loadGroup(ctx context.Context, un string) error {
	got, err := d.caller.WebWxBatchGetContact(ctx, openwechat.Members{&openwechat.User{UserName: un}}, d.req)
	if err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, g := range got {
		if g.UserName != un {
			continue
		}
		d.setGroup(un, g.NickName)
		ml := &memberList{at: time.Now(), byUN: map[string]person{}}
		for _, m := range g.MemberList {
			ml.byUN[m.UserName] = person{nick: m.NickName, display: m.DisplayName}
		}
		d.members[un] = ml
	}
	return nil
}

// group returns the group's name, fetching the group when it is unknown.
func (d *directory) group(ctx context.Context, un string) string {
	d.mu.Lock()
	name, ok := d.groupName[un]
	d.mu.Unlock()
	if ok && name != "" {
		return name
	}
	_ = d.loadGroup(ctx, un)
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.groupName[un]
}

// member returns a group member, refetching the member list when it is
// older than MemberTTL or does not know the member.
func (d *directory) member(ctx context.Context, groupUN, un string) (person, bool) {
	for try := 0; try < 2; try++ {
		d.mu.Lock()
		ml := d.members[groupUN]
		if ml != nil && time.Since(ml.at) < d.opts.MemberTTL {
			if p, ok := ml.byUN[un]; ok {
				d.mu.Unlock()
				return p, true
			}
		}
		d.mu.Unlock()
		if try == 0 {
			_ = d.loadGroup(ctx, groupUN)
		}
	}
	return person{}, false
}

// invalidateMembers makes the next message from the group refetch its members.
func (d *directory) invalidateMembers(groupUN string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if ml := d.members[groupUN]; ml != nil {
		ml.at = time.Time{}
	}
}

// private returns who wrote a private message: a friend (with the remark
// the account gave them) or a stranger (no remark, ever).
func (d *directory) private(ctx context.Context, un string) person {
	d.mu.Lock()
	p, ok := d.friends[un]
	if !ok {
		p, ok = d.strangers[un]
	}
	d.mu.Unlock()
	if ok {
		return p
	}
	// A new friend? Reload the contact list (rate-limited), then ask for
	// the sender's nickname. A remark is only trusted from the contact list.
	if d.refreshContacts(ctx) == nil {
		d.mu.Lock()
		p, ok = d.friends[un]
		d.mu.Unlock()
		if ok {
			return p
		}
	}
	got, err := d.caller.WebWxBatchGetContact(ctx, openwechat.Members{&openwechat.User{UserName: un}}, d.req)
	p = person{}
	if err == nil {
		for _, u := range got {
			if u.UserName == un {
				p.nick = u.NickName
			}
		}
	}
	d.mu.Lock()
	d.strangers[un] = p
	d.mu.Unlock()
	return p
}

// groupID returns the session id of the group with this name.
func (d *directory) groupID(ctx context.Context, name string) (string, bool) {
	return d.lookup(ctx, func() map[string]string { return d.groupByName }, name)
}

// friendID returns the session id of the friend with this remark name.
func (d *directory) friendID(ctx context.Context, remark string) (string, bool) {
	return d.lookup(ctx, func() map[string]string { return d.friendByRmk }, remark)
}

// lookup finds key in the map index returns, fetching the contact list
// once more when it is missing.
func (d *directory) lookup(ctx context.Context, index func() map[string]string, key string) (string, bool) {
	for try := 0; try < 2; try++ {
		d.mu.Lock()
		un, ok := index()[key]
		d.mu.Unlock()
		if ok {
			return un, true
		}
		if try == 0 && d.refreshContacts(ctx) != nil {
			break
		}
	}
	return "", false
}
