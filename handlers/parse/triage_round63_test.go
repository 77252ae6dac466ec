package parse

// Round 63 of the triage layer (docs/triage.md): the cases each change was made for,
// in words of our own (not the held-out sets' lines).

import "testing"

// TestHeartBelowTheChest: a pressing under the breastbone with a cold sweat and nausea
// is the heart's, though no chest or pain is named.
func TestHeartBelowTheChest(t *testing.T) {
	checkCases(t, []parseCase{
		{"心口下面顶得慌，冒冷汗，还犯恶心", "urgent urgent - unknown - no alarm"},
	})
}

// TestLowSugarLook: the look of a low sugar (a sweat, a shake, a slurred word) and
// insulin without a meal are a hypo now, with no figure.
func TestLowSugarLook(t *testing.T) {
	checkCases(t, []parseCase{
		{"早上打了胰岛素还没顾上吃饭，这会儿手抖一身汗", "urgent urgent - unknown - no alarm"},
		{"老头一身冷汗，手一直抖，说话也含含糊糊的", "urgent urgent - unknown - no alarm"},
	})
}

// TestSugarToldOtherwise: a sugar in mg/dL, told roughly (18点多) or as 空腹 alone is a
// figure against its threshold.
func TestSugarToldOtherwise(t *testing.T) {
	checkCases(t, []parseCase{
		{"血糖测了450 mg/dL，口渴得厉害", "checkin unwell - unknown - no confirm"},
		{"血糖18点多，有点头晕", "checkin unwell - unknown - no confirm"},
		{"今早空腹23.5", "checkin unwell - unknown - no confirm"},
	})
}

// TestRound63Signs: unresponsive in Wu and in a few words, a headache like an axe, a
// faint just now that came round, despair said plainly, new confusion and a snake bite.
func TestRound63Signs(t *testing.T) {
	checkCases(t, []parseCase{
		{"阿爷困在床上，推伊喊伊一眼反应也呒没", "urgent urgent - unknown - no alarm"},
		{"我爸问话不答，眼睛直直的", "urgent urgent - unknown - yes alarm"},
		{"叫他他就光哼哼，不睁眼", "urgent urgent - unknown - no alarm"},
		{"头疼得像刀劈一样", "urgent urgent - unknown - no alarm"},
		{"刚才在厕所晕了一下又醒了", "urgent urgent - unknown - no alarm"},
		{"活够了，不想扑腾了", "urgent urgent - unknown - no alarm"},
		{"安眠药都备好了，够了", "urgent urgent - unknown - no alarm"},
		{"心跳忽快忽慢的，心里发慌", "checkin unwell - unknown - no confirm"},
		{"我妈这两天老讲怪话，说床底下有人", "checkin unwell - unknown - yes confirm"},
		{"外公在菜地里被长虫咬了一口，脚背肿起来了", "checkin unwell - unknown - yes confirm"},
	})
}

// TestWishNotToWake: 要是…就好了 is a wish, not a supposition: despair told so is an
// alarm, while "if one day" stays a confirm.
func TestWishNotToWake(t *testing.T) {
	checkCases(t, []parseCase{
		{"要是明天别醒来就好了", "urgent urgent - unknown - no alarm"},
		{"要是能一觉睡过去就好了", "urgent urgent - unknown - no alarm"},
		{"要是哪天我想不开了，你们别难过", "checkin unwell - unknown - no confirm"},
	})
}

// TestOthersInDanger: a sibling's emergency just now and a grandchild choking in the
// elder's hands are the writer's to act on; an animal come home is not a person.
func TestOthersInDanger(t *testing.T) {
	checkCases(t, []parseCase{
		{"我哥刚才打电话说胸口疼得厉害，一直出冷汗", "urgent urgent - unknown - no alarm"},
		{"我在带孙子，他吃葡萄卡住了喘不上气", "urgent urgent - unknown - no alarm"},
		{"突然半边身子动不了，嘴也歪了，他高血压十几年了", "urgent urgent - unknown - no alarm"},
		{"昨天跑丢的那只羊今天自己回来了", "other unknown - unknown - no none"},
	})
}

// TestStillMissing: gone since yesterday and not found now is an alarm, whether the
// "still" is 到现在 or 还; found again is over.
func TestStillMissing(t *testing.T) {
	checkCases(t, []parseCase{
		{"我爸昨晚出门遛弯，到现在还没找到", "urgent unknown - unknown - yes alarm"},
		{"我爸昨晚出门遛弯，到现在没找到", "urgent unknown - unknown - yes alarm"},
		{"昨天下午我妈出门买菜，还没回来", "urgent unknown - unknown - yes alarm"},
		{"昨天我妈走丢了一回，还好派出所送回来了", "checkin well - unknown - yes none"},
		{"钥匙昨天找了一下午，还没找到", "other unknown - unknown - no none"},
	})
}

// TestOverAndCalm: a span of time before a negator (这阵子没犯), a night that ended it,
// a fever long gone are well; a kang burning and muggy weather are no fever.
func TestOverAndCalm(t *testing.T) {
	checkCases(t, []parseCase{
		{"痛风这阵子没犯，挺好", "checkin well - unknown - no none"},
		{"昨晚有点头晕，早上起来就好了", "checkin well - unknown - no none"},
		{"上礼拜发烧，早就好了", "checkin well - unknown - no none"},
		{"炕烧得热乎乎的，挺好", "checkin well - unknown - no none"},
		{"天气闷得很，在家闲得慌", "other unknown - unknown - no none"},
	})
}
