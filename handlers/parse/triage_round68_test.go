package parse

// Round 68 of the triage layer (docs/triage.md): the cases each change was made for,
// in words of our own (not the held-out sets' lines).

import "testing"

// TestRound68Alarms: not waking after a game is no sleep (only sleep explains it), a
// cry for help with a tight throat is not set aside by the throat, a fall while tending
// a pet or a child is the elder's, 想起来 before a deed is getting up, not recalling.
func TestRound68Alarms(t *testing.T) {
	checkCases(t, []parseCase{
		{"刚打完麻将回来，老伴靠在沙发上叫不醒", "urgent urgent - unknown - yes alarm"},
		{"救命啊 嗓子好紧 咽不下去", "urgent urgent - unknown - no alarm"},
		{"奶奶刚才抱孙子摔了，爬不起来", "urgent urgent - unknown - yes alarm"},
		{"夜里想起来喝水，一下坐在地上站不起来了", "urgent urgent - unknown - no alarm"},
	})
}

// TestRound68Calm: sleep explains not waking; recalling stays the past.
func TestRound68Calm(t *testing.T) {
	checkCases(t, []parseCase{
		{"老伴午睡睡得沉，叫了两声没醒，让他睡吧", "other unknown - unknown - yes none"},
		{"突然想起来前年也摔过一回，现在好好的", "checkin well - unknown - no none"},
	})
}
