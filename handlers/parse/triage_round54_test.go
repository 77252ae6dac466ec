package parse

// Round 54 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestSichuanAndTheVeryOld: Sichuan and Chongqing families and the very old: 没得反应;
// asleep since noon and 叫不起来; heat that leaves her not answering her name; locked out
// by the wind (钥匙在屋头); a unit he cannot remember (记不到); a fever with talk of a
// grandmother long dead (走了好多年了 is hers, not the fever's); 下去就清静了 at a window; a
// grandmother asking where her home is.
func TestSichuanAndTheVeryOld(t *testing.T) {
	checkCases(t, []parseCase{
		{"隔壁李爷爷倒在他屋门口，我敲门才发现，人没得反应", "urgent urgent - unknown - yes alarm"},
		{"老伴儿午睡到现在叫不起来，脸红扑扑的，身上烫得很", "urgent urgent - unknown - yes alarm"},
		{"屋头停电空调停了，外婆热得人都迷迷糊糊的，喊她名字都不晓得应", "urgent urgent - unknown - yes alarm"},
		{"我出来倒垃圾门被风关了，钥匙在屋头，外头冻得很，我只穿了拖鞋", "urgent urgent - unknown - no alarm"},
		{"外公趁门卫没注意溜出去了，他连自己住哪个单元都记不到", "urgent unknown - unknown - yes alarm"},
		{"爷爷烧到39.6，开始说胡话了，说看到我奶奶了（奶奶走了好多年了）", "urgent urgent - unknown - yes alarm"},
		{"妈妈今天反复说想从窗户看看下面，说下去就清静了，我很害怕", "urgent urgent - unknown - yes alarm"},
		{"奶奶打电话来问我她家在哪里，她说站在一个公交站旁边", "urgent unknown - unknown - yes alarm"},
	})
}

// TestAfricanAndCaribbeanEnglish: in-laws' and carers' English from Africa and the
// Caribbean: following a late husband, the funeral explained; words "not coming out
// straight" now now; stopping for air with a clip at 86; wheezin bad and dark round di
// mouth; a burnt arm; "on fire" at mahjong is no fire.
func TestAfricanAndCaribbeanEnglish(t *testing.T) {
	checkCases(t, []parseCase{
		{"She keeps saying she wants to follow her late husband, today she gave me her bank card and explained how to do the funeral", "urgent urgent - unknown - yes alarm"},
		{"Eish my father-in-law is talking like a drunk man now now, words not coming out straight, and he doesnt even drink", "urgent urgent - unknown - yes alarm"},
		{"Grandpa can't finish one sentence without stopping for air, this is new since afternoon. The finger clip is showing 86", "urgent urgent - unknown - yes alarm"},
		{"Ah beg yuh, granny wheezin bad bad and di pump nuh helpin at all, she gone dark round di mouth", "urgent urgent - unknown - yes alarm"},
		{"Mama burnt her arm with the kettle, big blisters and the skin is peeling off, she is crying", "urgent urgent - unknown - yes alarm"},
		{"Yeye is on fire today at phone mahjong, he's beating everybody", "checkin well - unknown - yes none"},
	})
}

// TestSpokenDigitsPressure: a blood pressure told digit by digit in Chinese (一九二/一零五)
// is read as 192/105; two digits on each side of a slash elsewhere stay words.
func TestSpokenDigitsPressure(t *testing.T) {
	checkCases(t, []parseCase{
		{"爷爷血压今天一九二/一零五，他说头不疼，照常吃饭", "checkin unwell - unknown - yes confirm"},
		{"血压一四零/九零，正常", "checkin unwell - unknown - no none"},
	})
}
