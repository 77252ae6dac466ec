package store

import (
	"fmt"
	"pingan/handlers/parse"
	"strconv"
	"strings"
	"time"
)

// How a contact is stored: compact, with nothing the key or the entry
// already says. Fields are separated by contactSep; the text comes last,
// so it may hold anything:
//
//	at elder source health doses test needs flag by group msg text
//
//	at      unix ms. In the contacts log: "" when it is the entry's id,
//	        "-N" N ms before the id (a contact recorded late), else absolute
//	elder   the elder's id; "" where the key says whose, or nobody's yet
//	source  a one-letter code (sourceCodes); health and test likewise;
//	        a value without a code is written "=" and the value
//	doses   "" when not stated (-1)
//	needs   joined by ","
//	flag    "1" or ""
//	by      who wrote it; "" for a reply from the elder's own account
//	group   the group's code in the office's group dictionary (groups.go)
//	msg     the inbound message id, kept only where dedupe needs it later
//	        (replies waiting for /bind)
//	text    the text as written
//
// The round a contact counted for is not stored: it follows from the
// contact's time and the rounds index (roundAt). A stored contact that
// starts with '{' is the JSON of earlier versions; both are read.

// contactSep separates the fields of a stored contact.
const contactSep = "\x1f"

const contactFields = 12

var (
	sourceCodes = newCodeTable(map[string]string{string(SourceReply): "r", string(SourceFamily): "f", string(SourceSticker): "s",
		string(SourceVoice): "v", string(SourceCall): "c", string(SourceVisit): "h", string(SourceKin): "k"})
	healthCodes = newCodeTable(map[string]string{"well": "w", "unwell": "u", "urgent": "!", "unknown": "?"})
	testCodes   = newCodeTable(map[string]string{"unknown": "?", "none": "n", "negative": "-", "positive": "+", "pending": "p"})
)

// codeTable maps values to their one-letter codes and back.
type codeTable struct{ code, value map[string]string }

func newCodeTable(codes map[string]string) codeTable {
	t := codeTable{code: codes, value: make(map[string]string, len(codes))}
	for v, c := range codes {
		t.value[c] = v
	}
	return t
}

func (t codeTable) encode(v string) string {
	if c, ok := t.code[v]; ok || v == "" {
		return c
	}
	return "=" + v
}

func (t codeTable) decode(c string) (string, error) {
	if c == "" || strings.HasPrefix(c, "=") {
		return strings.TrimPrefix(c, "="), nil
	}
	if v, ok := t.value[c]; ok {
		return v, nil
	}
	return "", fmt.Errorf("unknown code %q", c)
}

// contactForm says where a contact is stored, which decides what is left out.
type contactForm int

const (
	// inJournal: an entry of the contacts log. The time is left for the
	// script to write (the entry's id gives it); the message id is left
	// out (the dedupe sets hold it), and so is the writer of a reply from
	// the elder's own account.
	inJournal contactForm = iota
	// waiting: a reply from a nickname not yet bound to an elder: all of it.
	waiting
)

// encodeContact renders c in form, with group the code of c.Group. In the
// journal form the result starts with the separator: the at field is the
// script's to prepend.
func encodeContact(c Contact, group string, form contactForm) string {
	clean := func(s string) string { return strings.ReplaceAll(s, contactSep, " ") }
	f := make([]string, 0, contactFields)
	at, elder, by, msg := strconv.FormatInt(c.At.UnixMilli(), 10), clean(c.ElderID), clean(c.By), clean(c.MsgID)
	if form == inJournal {
		at, msg = "", ""
		if c.Source == SourceReply {
			by = ""
		}
	}
	doses := ""
	if c.Doses >= 0 {
		doses = strconv.Itoa(c.Doses)
	}
	flag := ""
	if c.Flag {
		flag = "1"
	}
	needs := make([]string, len(c.Needs))
	for i, n := range c.Needs {
		needs[i] = strings.ReplaceAll(clean(string(n)), ",", " ")
	}
	f = append(f, at, elder, sourceCodes.encode(clean(string(c.Source))), healthCodes.encode(clean(string(c.Health))), doses,
		testCodes.encode(clean(string(c.Test))), strings.Join(needs, ","), flag, by, group, msg, c.Text)
	return strings.Join(f, contactSep)
}

// decodeContact reads a stored contact, compact or JSON. idMs is the unix
// ms of its contacts-log entry (0 elsewhere), elderID whose history it is
// in ("" elsewhere); groupName turns a group code into the group's name.
func decodeContact(raw string, idMs int64, elderID string, groupName func(code string) string) (Contact, error) {
	if strings.HasPrefix(raw, "{") {
		c, err := decodeJSON[Contact](raw)
		if err == nil && c.ElderID == "" {
			c.ElderID = elderID
		}
		return c, err
	}
	f := strings.SplitN(raw, contactSep, contactFields)
	if len(f) != contactFields {
		return Contact{}, fmt.Errorf("%d fields, want %d", len(f), contactFields)
	}
	var c Contact
	var err error
	switch at := f[0]; {
	case at == "" && idMs != 0:
		c.At = time.UnixMilli(idMs)
	case strings.HasPrefix(at, "-") && idMs != 0:
		n, perr := strconv.ParseInt(at[1:], 10, 64)
		c.At, err = time.UnixMilli(idMs-n), perr
	default:
		n, perr := strconv.ParseInt(at, 10, 64)
		c.At, err = time.UnixMilli(n), perr
	}
	if err != nil {
		return Contact{}, fmt.Errorf("time %q: %w", f[0], err)
	}
	c.ElderID = f[1]
	if c.ElderID == "" {
		c.ElderID = elderID
	}
	src, err := sourceCodes.decode(f[2])
	if err != nil {
		return Contact{}, fmt.Errorf("source: %w", err)
	}
	c.Source = Source(src)
	health, err := healthCodes.decode(f[3])
	if err != nil {
		return Contact{}, fmt.Errorf("health: %w", err)
	}
	c.Health = parse.Health(health)
	c.Doses = -1
	if f[4] != "" {
		if c.Doses, err = strconv.Atoi(f[4]); err != nil {
			return Contact{}, fmt.Errorf("doses %q: %w", f[4], err)
		}
	}
	test, err := testCodes.decode(f[5])
	if err != nil {
		return Contact{}, fmt.Errorf("test: %w", err)
	}
	c.Test = parse.Test(test)
	if f[6] != "" {
		for _, n := range strings.Split(f[6], ",") {
			c.Needs = append(c.Needs, parse.Need(n))
		}
	}
	c.Flag = f[7] == "1"
	c.By, c.MsgID, c.Text = f[8], f[10], f[11]
	if f[9] != "" {
		c.Group = groupName(f[9])
	}
	return c, nil
}
