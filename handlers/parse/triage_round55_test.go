package parse

// Round 55 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestSetAsideBeforeTheModel: signs a rule read and set aside, or figures it judged,
// are not second-guessed by the model, now that it asks to confirm from 0.6: a 救命
// about a phone's font; a fever under its threshold with the medicine taken; a
// pressure under its threshold that the elder does not feel; written Cantonese 緊 after
// a verb ("-ing") is no tightness, while 胸口好緊 with a cold sweat is still the heart.
func TestSetAsideBeforeTheModel(t *testing.T) {
	checkCases(t, []parseCase{
		{"救命，微信的字怎么调大一点", "other unknown - unknown - no none"},
		{"发烧38度2，吃了退烧药", "checkin unwell - unknown - no none"},
		{"我爸血压165/95，他说没感觉，就是比平时高一点", "checkin unwell - unknown - yes none"},
		{"BP 176/100 for Baba — he's calm, no complaints, took his second pill", "checkin unwell - unknown - yes none"},
		{"覆咗陽，喉嚨痛，發燒38度，喺屋企休息緊", "checkin unwell - positive - no none"},
		{"阿爸胸口好緊，出晒冷汗", "urgent urgent - unknown - yes alarm"},
		{"她说左手没感觉了，拿不住筷子", "urgent urgent - unknown - yes alarm"},
	})
}
