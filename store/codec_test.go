package store

import (
	"pingan/handlers/parse"

	"reflect"
	"strings"
	"testing"
	"time"
)

// TestContactCodec: what a stored contact keeps, and what it leaves to
// the key, the entry id and the dictionary.
func TestContactCodec(t *testing.T) {
	at := time.Date(2026, 11, 24, 9, 5, 7, 0, time.UTC)
	names := map[string]string{"3": "一支部老同志群"}
	group := func(c string) string {
		if n, ok := names[c]; ok {
			return n
		}
		return "#" + c
	}
	full := Contact{ElderID: "E1", At: at, Source: SourceFamily, By: "张丽", Group: "一支部老同志群", Text: "我爸挺好\x1f的，药够",
		Health: "well", Doses: 3, Test: "negative", Needs: []parse.Need{parse.NeedFood, parse.NeedMedicine}, Flag: true, MsgID: "m1"}

	// Waiting for /bind: everything but the group's name.
	raw := encodeContact(full, "3", waiting)
	if strings.Contains(raw, "一支部") || strings.HasPrefix(raw, "{") {
		t.Errorf("waiting form %q", raw)
	}
	got, err := decodeContact(raw, 0, "", group)
	if got.At.Equal(full.At) {
		got.At = full.At
	}
	if err != nil || !reflect.DeepEqual(got, full) {
		t.Errorf("waiting form read back\n got %+v, %v\nwant %+v", got, err, full)
	}

	// In the log: the script writes the time; the id gives it back.
	reply := full
	reply.Source, reply.Needs, reply.Flag, reply.Health, reply.Test, reply.Doses = SourceReply, nil, false, "unknown", "unknown", -1
	raw = encodeContact(reply, "3", inJournal)
	if !strings.HasPrefix(raw, contactSep+"E1"+contactSep) || strings.Contains(raw, "张丽") || strings.Contains(raw, "m1") {
		t.Errorf("journal form %q", raw)
	}
	want := reply
	want.By, want.MsgID = "", ""
	for _, tc := range []struct {
		atField string
		idMs    int64
	}{{"", at.UnixMilli()}, {"-1500", at.UnixMilli() + 1500}, {"1795510800000", 0}} {
		w := want
		if tc.idMs == 0 {
			w.At = time.UnixMilli(1795510800000)
		}
		got, err := decodeContact(tc.atField+raw, tc.idMs, "", group)
		if err != nil || !got.At.Equal(w.At) {
			t.Errorf("at %q id %d: %v %v", tc.atField, tc.idMs, got.At, err)
		}
		got.At = w.At
		if !reflect.DeepEqual(got, w) {
			t.Errorf("journal form read back\n got %+v\nwant %+v", got, w)
		}
	}
	// A value without a code, an unknown group code, and a reply of a few bytes.
	odd := Contact{At: at, Source: "wechat-call", Health: "dizzy", Doses: 0, Test: "", Group: "新群"}
	got, err = decodeContact(encodeContact(odd, "9", waiting), 0, "E7", group)
	if err != nil || got.Source != "wechat-call" || got.Health != "dizzy" || got.Doses != 0 || got.Test != "" || got.Group != "#9" || got.ElderID != "E7" {
		t.Errorf("odd values read back as %+v, %v", got, err)
	}
	if n := len(encodeContact(Contact{ElderID: "E00001", Source: SourceReply, Health: "well", Doses: -1, Test: "unknown", Text: "1"}, "2", inJournal)); n > 24 {
		t.Errorf("a reply of one byte takes %d bytes", n)
	}
	// Earlier versions' JSON is read; garbage is an error.
	got, err = decodeContact(`{"elder":"E1","at":"2026-11-24T09:05:07Z","source":"reply","by":"老张","text":"平安","health":"well","doses":3,"test":"unknown","msg":"m9","round":"r1"}`, 0, "", group)
	if err != nil || got.By != "老张" || got.Round != "r1" || got.MsgID != "m9" || !got.At.Equal(at) {
		t.Errorf("JSON read as %+v, %v", got, err)
	}
	for _, bad := range []string{"", "{", "x" + contactSep + "E1", strings.Repeat(contactSep, 11), "1" + strings.Repeat(contactSep+"Z", 11)} {
		if _, err := decodeContact(bad, 0, "", group); err == nil {
			t.Errorf("%q read without error", bad)
		}
	}
}
