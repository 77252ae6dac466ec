package parse

// Round 57 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestRunOnBelief: in a stretch dictated without a stop, what the writer thought (我以为是
// 压麻了) is a belief of its own; what turned out (还是没有知觉) and the signs before it
// stand. A time before named only to compare (跟那年心梗之前一模一样), a life's span (她妈
// 都走了五十年了) and 以前不这样 (not like before) do not make today's signs past.
func TestRunOnBelief(t *testing.T) {
	checkCases(t, []parseCase{
		{"我今天早上刷牙杯子突然就拿不住了左手软塌塌的我以为是压麻了甩了半天还是没有知觉", "urgent urgent - unknown - no alarm"},
		{"我以为是压麻了，甩了甩就好了", "other unknown - unknown - no none"},
		{"我们家老太太今天下午突然就不认得我了还说要去找她妈妈她妈都走了五十年了", "urgent urgent - unknown - yes alarm"},
		{"老头子吃完晚饭说心里头难受闷得透不过气一直出汗躺也躺不下他说跟那年心梗之前一模一样", "urgent urgent - unknown - yes alarm"},
		{"老头子今天早上调羹就拿不住了掉地上两回他讲话也大舌头了我一句也听不懂他以前不这样的", "urgent urgent - unknown - yes alarm"},
	})
}

// TestBackgroundIsNoExplanation: a known illness told after a danger sign (他本来就有肺气
// 肿 after lips turning blue) is background, not the reason to wait; told after an
// ordinary complaint it is long-standing as before. 胸口压压的 is pressure, not 压的 (lain
// on).
func TestBackgroundIsNoExplanation(t *testing.T) {
	checkCases(t, []parseCase{
		{"我老公喘到講不完一句話，嘴唇有點紫紫的，他本來就有肺氣腫", "urgent urgent - unknown - yes alarm"},
		{"老伴喘得厉害，他本来就有肺气肿，老毛病了", "checkin unwell - unknown - yes none"},
		{"老公從下午開始胸口壓壓的，現在冒汗", "urgent urgent - unknown - yes alarm"},
	})
}

// TestWordsRound57: shut out on a balcony in the frost; not wanting to be everyone's
// burden (as 不想拖累孩子), but not wanting to add to the office's work; "better off
// without me".
func TestWordsRound57(t *testing.T) {
	checkCases(t, []parseCase{
		{"我把自己锁在阳台外面了，外头零下，只穿着睡衣", "urgent unknown - unknown - no alarm"},
		{"我不想再做大家的负担", "urgent urgent - unknown - no alarm"},
		{"不想给社区增加负担，药我让女儿买了", "other unknown - unknown - no none"},
		{"Keep thinking everyone would be better off without me", "urgent urgent - unknown - no alarm"},
	})
}
