package parse

// Round 42 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestAfterFall: a headache or a swelling now after a fall told days ago asks to confirm,
// unless a doctor has seen it.
func TestAfterFall(t *testing.T) {
	checkCases(t, []parseCase{
		{"老头子前两天跶哒一跤，当时冇事，今天说脑壳有点疼", "checkin unwell - unknown - yes confirm"},
		{"上周摔了一跤，现在膝盖肿得发紫", "checkin unwell - unknown - no confirm"},
		{"昨天我爱人在家滑倒，当时就去了急诊拍片，没骨折，就是膝盖青了一块", "checkin unwell - unknown - yes none"},
		{"ye ye fell off a stool last week, we didn't think much of it, but now his knee is huge and purple", "checkin unwell - unknown - yes confirm"},
	})
}

// TestWuhanHunan: Hubei and Hunan speech: nitroglycerin that does not help, blood in the
// sputum, no rice and no vegetables, talk of a mother dead for decades that began today.
func TestWuhanHunan(t *testing.T) {
	checkCases(t, []parseCase{
		{"含了两粒硝酸甘油也冇用，还是压到疼", "urgent urgent - unknown - no alarm"},
		{"咳了一个多礼拜，今天痰里好像有点红丝丝", "checkin unwell - unknown - no confirm"},
		{"咳嗽痰里带了点血，今天第一次", "checkin unwell - unknown - no confirm"},
		{"屋里冇得米冇得菜三天哒，就恰点饼干撑到", "aid unknown - unknown food no confirm"},
		{"婆婆满嘴胡话，港她死了几十年的妈来接她，今早过早的时候还清清白白的", "urgent urgent - unknown - yes alarm"},
	})
}

// TestFormalChinese: the formal Chinese of retired cadres: 了无意趣, 至今未归, 呼之不应 with a
// plea (a nap explains no plea), 老伴走后…怎么去找她.
func TestFormalChinese(t *testing.T) {
	checkCases(t, []parseCase{
		{"人生到此，了无意趣。谨向组织致谢，此后不必再为我登记了。", "urgent urgent - unknown - no alarm"},
		{"老伴走后这半年，我每晚都在想怎么去找她，今天想明白了。", "urgent urgent - unknown - yes alarm"},
		{"紧急！家父（阿尔茨海默症）今早九点出门买菜至今未归，穿灰色棉袄，手机未带，小区门卫说看见他往河边走了", "urgent urgent - unknown - yes alarm"},
		{"家父午睡至今未醒，呼之不应，推之不动，鼾声甚大，恳请速援", "urgent urgent - unknown - yes alarm"},
		{"睡懒觉，叫都叫不醒", "checkin unwell - unknown - no none"},
	})
}

// TestGrandkidsTexting: American grandchildren's English; "lol" is a laugh unless the
// writer says after it that it is not funny; an app is no scam; a friend's heart attack is
// the friend's; a water heater is not the heating.
func TestGrandkidsTexting(t *testing.T) {
	checkCases(t, []parseCase{
		{"nai nai sees two of everything since she got up and she's hugging the wall to walk. came on outta nowhere", "urgent urgent - unknown - yes alarm"},
		{"lao lao woke up from her nap and her words are coming out wrong, she says \"window\" when she wants water. she was totally normal this morning. idk whats happening", "urgent urgent - unknown - yes alarm"},
		{"lao lao got a msg saying her grandson (ME??) was arrested and needed bail, she sent 20k thru wechat pay an hour ago. i'm literally at home lol this is not funny", "urgent urgent - unknown - yes alarm"},
		{"no, my dad did NOT fall, someone misread. he dropped his phone not himself lol. he's fine", "checkin well - unknown - yes none"},
		{"ye ye had a mini stroke in 2019, he's been totally fine since, just fyi for ur records", "checkin well - unknown - yes none"},
		{"ye ye says his buddy downstairs had a heart attack last night and went to the hospital, he's a bit shaken up but he's ok himself", "checkin well - unknown - yes none"},
		{"nai nai wants to order fish but doesn't know how to use the group buying app, can someone order for her", "aid unknown - unknown - no none"},
		{"nai nai's water heater broke, no hot shower for 3 days, can someone call maintenance", "aid unknown - unknown - no none"},
		{"the heat in ye ye's building has been off since yesterday, it's freezing, he's wearing his coat in bed. can someone call whoever fixes that", "aid unwell - unknown errand yes confirm"},
		{"lao ye called me to tell me where his bankbook is and who gets his watch, like instructions for after he's gone. he sounded so calm it's freaking me out", "urgent urgent - unknown - yes alarm"},
		{"Since this morning Mum doesn't know who I am. She called me by my late uncle's name and says she has to get to school. She was completely herself yesterday", "urgent urgent - unknown - yes alarm"},
	})
}
