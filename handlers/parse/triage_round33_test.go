package parse

// Round 33 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestFutureRequest: a request for tomorrow or next week is a request; a plan without
// one, or a hypothesis, asks for nothing.
func TestFutureRequest(t *testing.T) {
	checkCases(t, []parseCase{
		{"明天能帮我买点菜吗", "aid unknown - unknown food no none"},
		{"聽日可唔可以幫我買啲菜，唔該晒", "aid unknown - unknown food no none"},
		{"麻烦网格员明天去我妈那儿一趟，帮她把暖气费交了", "aid unknown - unknown errand yes none"},
		{"我明天去买菜", "other unknown - unknown - no none"},
		{"万一明天要人帮我买菜怎么办", "other unknown - unknown - no none"},
	})
}

// TestHearsayRunsOn: a story heard of others goes on into the clauses that name no one,
// until the writer speaks of themselves or theirs, a time or a "fine".
func TestHearsayRunsOn(t *testing.T) {
	checkCases(t, []parseCase{
		{"听说隔壁小区有老人被骗了二十万 是冒充医保局的", "other unknown - unknown - no none"},
		{"新闻说今天降温 有人煤气中毒了 大家记得开窗", "other unknown - unknown - no none"},
		{"听说隔壁楼有人摔了，我妈今天也头疼得厉害", "checkin unwell - unknown - yes none"},
		{"群里传我老伴中风了，没有的事，他就是牙疼腮帮子肿了几天", "aid unwell - unknown - yes none"},
		{"我爸被人拉去听讲座，买了两万多块的保健品，现在还要交钱", "urgent unknown - unknown - yes alarm"},
	})
}

// TestDayDegrees: a figure in degrees after a word of the day is the weather, unless the
// message speaks of fever or a thermometer.
func TestDayDegrees(t *testing.T) {
	checkCases(t, []parseCase{
		{"早晨各位老師，今日又係四十度，記得飲水", "other unknown - unknown - no none"},
		{"烧了两天了，今天还是39度3", "checkin unwell - unknown - no confirm"},
		{"老伴今天40度，浑身发抖", "checkin unwell - unknown - yes confirm"},
	})
}

// TestUsualFigure: her usual figure after a low one is no later reading, and the time
// told after the first figure is its own.
func TestUsualFigure(t *testing.T) {
	checkCases(t, []parseCase{
		{"血氧92，平时97", "checkin unwell - unknown - no confirm"},
		{"oximeter 92 this morning, usually she 97-98, she say no problem breathing", "checkin unwell - unknown - no confirm"},
		{"血氧91，吃了药后96", "checkin unwell - unknown - no none"},
		{"嗯 昨天夜里烧到三十九度 今早退了 三十六度八 人也精神了", "checkin well - unknown - no none"},
	})
}

// TestCantoneseHakka: the function words of Cantonese and Hakka (咁, 仲, 收线, 跌低, 𠊎,
// 毋, 屋下) read as their Mandarin.
func TestCantoneseHakka(t *testing.T) {
	checkCases(t, []parseCase{
		{"停電點蠟燭，張窗簾著咗火，我撲唔熄，好大煙", "urgent unknown - unknown - no alarm"},
		{"𠊎尋毋到屋下个路，手機快冇電", "urgent unknown - unknown - no alarm"},
		{"有個自稱公安嘅人叫我開視像，我話要問我個女先，佢即刻收咗線", "other unknown - unknown - no none"},
		{"平安平安，停電都冇影響，屋企有充電風扇", "checkin well - unknown - no none"},
		{"爸爸ok呀，冇咩事", "checkin well - unknown - yes none"},
		{"我上个礼拜摔了一交手腕骨折打了石膏现在还在养", "checkin unwell - unknown - no none"},
		{"舊年中過風，而家右手仲有啲冇力，慢慢做緊物理治療", "checkin unwell - unknown - no none"},
		{"我把呢個月嘅安眠藥都儲埋喺個鐵盒度，夠晒喇", "urgent urgent - unknown - no alarm"},
		{"流鼻血流咗成個鐘都止唔到，啲紙巾全濕晒", "urgent urgent - unknown - no alarm"},
		{"𠊎上隻月發燒，食藥後好咧，今下當好", "checkin well - unknown - no none"},
	})
}

// TestEnglishConfirmWords: the English of the "confirm rather than alarm" list — not
// eating, heating, a carer ill, forgetting, not back — and bleeding that goes on.
func TestEnglishConfirmWords(t *testing.T) {
	checkCases(t, []parseCase{
		{"Grandma barely eating since Monday, says no appetite", "checkin unwell - unknown - yes confirm"},
		{"Grandpa O2 ninety one percent, he's a bit tired but talking fine", "checkin unwell - unknown - yes confirm"},
		{"Helper down with fever, cannot take care of ma'am today", "checkin unknown - unknown - yes confirm"},
		{"nosebleed 45 minutes still won't stop", "urgent urgent - unknown - no alarm"},
		{"dad called the ambulance for the neighbour, he's fine himself", "checkin well - unknown - yes none"},
	})
}

// TestNorthernWords: a question ending in 不, the elder's own "nothing's wrong" that
// does not undo a reading, a stove gone out in the frost, wobbling, an oximeter told
// by its clip, and these days after years of illness.
func TestNorthernWords(t *testing.T) {
	checkCases(t, []parseCase{
		{"血糖低的时候含块糖管用不", "other unknown - unknown - no none"},
		{"血压一百八算高不？我就问问，我自个一百三", "other unknown - unknown - no none"},
		{"老爷子血压190/100，老爷子说没事，不让我管", "checkin unwell - unknown - yes confirm"},
		{"平房炉子灭了煤也烧没了 零下二十来度", "checkin unknown - unknown - no confirm"},
		{"我爸这阵子老打晃，上厕所得扶着门框", "checkin unwell - unknown - yes confirm"},
		{"老伴儿手指头夹那个仪器显示92，咳嗽两天了", "checkin unwell - unknown - yes confirm"},
		{"我老伴瘫炕上好几年都是我伺候，这两天我发烧起不来了，没人给他做饭", "aid unwell - unknown food yes confirm"},
		{"量了血压200/115，看东西模模糊糊的", "urgent urgent - unknown - no alarm"},
		{"那酸菜饺子香得我都快吃晕过去了", "other unknown - unknown - no none"},
		{"社区门口卖保健品的说啥都能治，一盒三千八，俺没买", "other unknown - unknown - no none"},
	})
}

// TestBlackStoolOnIron: black stools on iron pills ask a person to look; the leaflet
// or a doctor saying it is normal settles it.
func TestBlackStoolOnIron(t *testing.T) {
	checkCases(t, []parseCase{
		{"老妈这两天大便有点发黑，她在吃补铁的药，人没觉得不舒服", "checkin unwell - unknown - yes confirm"},
		{"吃了铁剂以后大便发黑，说明书上说这是正常的，是吧？", "checkin unwell - unknown - no none"},
	})
}

// TestEnglishBreathAndIdiom: short of breath is breathless, not gasping; idioms of
// blood, missing someone and a chair that fell are no emergency.
func TestEnglishBreathAndIdiom(t *testing.T) {
	checkCases(t, []parseCase{
		{"Lola good, just a bit short of breath going up the stairs to 3rd floor", "checkin unwell - unknown - yes none"},
		{"Oximeter 91, a bit short of breath walking to the loo.", "checkin unwell - unknown - no confirm"},
		{"my blood boiling la, the taxi driver overcharge Ah ma 80 kuai", "other unknown - unknown - yes none"},
		{"No po, Lola didn't fall, it was the chair that fell 😅 she's ok", "checkin well - unknown - yes none"},
		{"Someone in our compound got scammed, police came to give a talk. Lolo attended, he's fine", "checkin well - unknown - yes none"},
	})
}
