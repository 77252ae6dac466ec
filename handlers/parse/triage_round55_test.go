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
		{"有少少便血，醫生話係痔瘡，搽緊藥膏", "checkin unwell - unknown - no none"}, // 醫生話: the doctor says
		{"她说左手没感觉了，拿不住筷子", "urgent urgent - unknown - yes alarm"},
	})
}

// TestAsksAndExposures: care asked for is not care given (麻烦帮忙联系社区医生上门 after a
// pressure over 190 with blurred sight), nor is a doctor's advice to go now (医生说要马上
// 送医院); asking how many pills would kill is despair, in
// Chinese or English, while asking a daily dose is not; a scam told by "the grandson at
// the police station" is exposed when the grandson says it never happened, and money
// sent to it is an alarm; a son really at the police station is not.
func TestAsksAndExposures(t *testing.T) {
	checkCases(t, []parseCase{
		{"高压一百九十多，老爷子说眼睛看东西模糊，手脚发软，麻烦帮忙联系社区医生上门", "urgent urgent - unknown medical yes alarm"},
		{"医生上门看过了，说没事", "checkin well - unknown - no none"},
		{"我妈刚才晕倒了，医生说要马上送医院", "urgent urgent - unknown - yes alarm"}, // advice to go now, not care given
		{"医生说要住院观察，现在在病房", "checkin unwell - unknown - no none"},
		{"她问我吃多少片药会死", "urgent urgent - unknown - no alarm"},
		{"Nainai asked me very calmly how many of her heart pills it would take. I don't think she was joking.", "urgent urgent - unknown - yes alarm"},
		{"这个药一天吃多少片？", "other unknown - unknown - no none"},
		{"[语音转文字] 孙子打电话说在派出所让我打三万块钱\\n（打字）我刚才去银行给汇过去了，现在打我孙子电话他说压根没这事", "urgent unknown - unknown - no alarm"},
		{"我儿子打电话说在派出所，打架了，我明天去接他", "other unknown - unknown - no none"},
	})
}

// TestModelAfterWell: the writer's "well" stops the model weighing what came before it,
// not what they tell after it: 我挺好的，老伴刚才… is news of the spouse; a well the
// writer qualifies (挺好的，就是…) is weighed from the 就是 on; a harmless explanation
// after a well stays calm.
func TestModelAfterWell(t *testing.T) {
	for _, c := range []struct {
		text, quote string
		alert       Alert
		either      bool // confirm or alarm: an alert either way
	}{
		{"我挺好的，老伴刚才突然身子一挺，手脚一下一下地打挺", "老伴刚才突然身子一挺，手脚一下一下地打挺", AlertAlarm, false},
		// the model weighs the words from 就是 on; its score sits on the line between
		// confirm and alarm and moves across it with retraining (alarm in rounds 60–62,
		// confirm in 63, either since): what matters is that it alerts, quoting them
		{"挺好的，就是老伴刚才突然身子一挺，手脚一下一下地打挺", "就是老伴刚才突然身子一挺，手脚一下一下地打挺", AlertAlarm, true},
		{"挺好的，老伴手脚一下一下地打挺是在跳广场舞", "", AlertNone, false},
		{"挺好的，就是想孙子了", "", AlertNone, false},
	} {
		r := Parse(c.text)
		if r.Alert != c.alert && !(c.either && r.Alert == AlertConfirm) {
			t.Errorf("Parse(%q): %s, want %s; findings %v", c.text, r.Alert, c.alert, r.Findings)
			continue
		}
		if c.alert != AlertNone && (!r.Has(SignLike) || r.Raised()[0].Quote != c.quote) {
			t.Errorf("Parse(%q): findings %v, want the model quoting %q", c.text, r.Findings, c.quote)
		}
	}
}

// TestEnglishAgesAndHearsay: an age is no reading (normal oxygen for someone of 85); the
// group's hearsay in English ("somebody in the group said"); paramedics who have taken
// him are care; "took her to" is past, so care; a scam call hung up on is over; pins
// and needles gone after a shake passed.
func TestEnglishAgesAndHearsay(t *testing.T) {
	checkCases(t, []parseCase{
		{"What is the normal blood oxygen for someone of 85? The clip says 97 for Baba", "other unknown - unknown - yes none"},
		{"blood oxygen of 85 this morning", "urgent urgent - unknown - no alarm"},
		{"Somebody in the group said Grandpa collapsed? No o, it's not him, he is sitting here eating groundnuts", "other unknown - unknown - no none"},
		{"The old man in 302 who fell, the paramedics have taken him already and his son is with him", "checkin unwell - unknown - no none"},
		{"The lady next door had a stroke, her son took her to Ruijin. MIL upset but ok", "checkin well - unknown - yes none"},
		{"Someone rang pretending to be from the bank, I hung up", "other unknown - unknown - no none"},
		{"Pins and needles in my left hand this morning — slept on it funny, fine after a shake", "checkin unwell - unknown - no confirm"},
	})
}

// TestNoticeOfNow: a notice header (通知：, 提醒：) marks a forward, whose health advice
// raises nothing, unless it tells of something just now (刚才, 刚刚): then it is news.
func TestNoticeOfNow(t *testing.T) {
	checkCases(t, []parseCase{
		{"通知：3栋王奶奶刚才摔倒了，起不来，谁在附近帮忙看看", "urgent urgent - unknown - yes alarm"},
		{"转发：老人突然嘴歪、说话不清，要马上打120", "other unknown - unknown - no none"},
		{"通知：本周四上午在活动室发米面油", "other unknown - unknown - no none"},
	})
}
