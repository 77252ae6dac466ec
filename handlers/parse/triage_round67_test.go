package parse

// Round 67 of the triage layer (docs/triage.md): the cases each change was made for,
// in words of our own (not the held-out sets' lines).

import "testing"

// TestRound67Alarms: poison swallowed with a spouse entrusted (让我照顾好: a farewell, not
// care), a fall alert with no answer and an elder lying still on camera (一动不动; the
// camera's 头 is no head), a sugar told as 测的糖, a bite followed by fever and no breath
// (被狗咬: the dog acts on the elder, the clause is hers).
func TestRound67Alarms(t *testing.T) {
	checkCases(t, []parseCase{
		{"我爸打电话说他把敌敌畏喝了，让我照顾好我妈", "urgent urgent - unknown - yes alarm"},
		{"我妈手环报了摔倒，电话不接，看监控她躺在厨房一动不动", "urgent urgent - unknown - yes alarm"},
		{"外婆测的糖是2.7，手一直抖", "urgent urgent - unknown - yes alarm"},
		{"被狗咬了以后腿肿得发亮，今天烧到39.5，喘不上来", "urgent urgent - unknown - no alarm"},
	})
}

// TestRound67Calm: a watch's fall alert pressed away, the elder fine.
func TestRound67Calm(t *testing.T) {
	checkCases(t, []parseCase{
		{"手环的跌倒提醒又响了，她自己按掉了，人好好的", "checkin well - unknown - no none"},
	})
}
