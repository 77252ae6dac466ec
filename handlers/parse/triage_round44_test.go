package parse

// Round 44 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestSouthAsianEnglish: South Asian English with Hindi and Urdu words; "bent forward" is
// no forwarded notice; a figure that counts units is no reading.
func TestSouthAsianEnglish(t *testing.T) {
	checkCases(t, []parseCase{
		{"Urgent!!! Mr Pillai 1-2-301 cannot breathe, he is sitting bent forward holding the table. I am his neighbour from 302, I called 120", "urgent urgent - unknown medical no alarm"},
		{"Nani's fasting sugar 168 today, higher than usual, doctor on video said increase 2 units", "checkin unwell - unknown - no none"},
		{"Dil mein dard, saans phool rahi hai, pasine se bheeg gaye hain Abbu. koi gaadi bhejo hospital ke liye", "urgent urgent - unknown - no alarm"},
		{"Abbu ne abhi khoon ki ulti ki hai, dark red, aur bahut kamzori. please help", "urgent urgent - unknown - no alarm"},
		{"Nana doesn't want to live in China anymore, wants to go back to Amritsar 😅 everyday same complaint", "other unknown - unknown - no none"},
		{"my eyes watering and burning, too much mobile I think", "checkin unwell - unknown - no none"},
		{"what is the use of living like this. wife gone, son in Canada, can't go out. better I finish it. Sorry for writing in group", "urgent urgent - unknown - yes alarm"},
		{"Please kindly send someone to help Nanaji recharge electricity card, he doesn't understand Alipay", "other unknown - unknown - no none"},
		{"My father fell yesterday? No no, it was his walking stick that fell from balcony 😅 he is fine", "checkin well - unknown - yes none"},
		{"I'm not one to make a fuss but there's a pressing feeling in my chest going up into my jaw and down my left arm and I'm sweating buckets. Can somebody come", "urgent urgent - unknown - no alarm"},
	})
}

// TestBarePressure: a pair of figures after measuring is a blood pressure; a question
// about one, or a date, is not.
func TestBarePressure(t *testing.T) {
	checkCases(t, []parseCase{
		{"「量了没」\\n量了 185/100 没啥感觉 就是数高", "checkin unwell - unknown - no confirm"},
		{"Is 150/90 too high for an 85-year-old? Dad's doctor never gave us a target", "other unknown - unknown - yes none"},
		{"2022/12/25的事", "other unknown - unknown - no none"},
	})
}

// TestCorrections: a correction of whom (更正：不是我妈，是我爸) is no denial of what; a
// stranger named instead is.
func TestCorrections(t *testing.T) {
	checkCases(t, []parseCase{
		{"更正：不是我妈晕，是我爸，刚刚在阳台上抽过去了，口吐白沫，手脚一直抖", "urgent urgent - unknown - yes alarm"},
		{"不是我妈 是我们楼上那家老太太叫的救护车 我妈好好的 在睡觉", "checkin well - unknown - yes none"},
		{"我爸这不是糊涂，他一直就爱逗人，刚才故意说不认识我", "other unknown - unknown - yes none"},
	})
}

// TestNortheastAndQuotes: Dongbei speech and group replies: 淌哈喇子, 走到哪了, the affairs
// told under the kang mat, slowed speech, a passing black-out, a five-minute fit, a link
// not to forward, a slip that was caught.
func TestNortheastAndQuotes(t *testing.T) {
	checkCases(t, []parseCase{
		{"我大爷这礼拜吃饭老呛，喝水也呛，嘴角老淌哈喇子", "checkin unwell - unknown - yes confirm"},
		{"我这是走到哪了呢 咋瞅着都不认识 家在哪个小区来着", "urgent unknown - unknown - no alarm"},
		{"闺女，存折密码写纸上压炕席底下了，妈这辈子值了，你们好好的", "urgent urgent - unknown - no alarm"},
		{"说话有点大舌头，是刚喝了两杯酒", "checkin unwell - unknown - no none"},
		{"去年中风过一回 现在说话还有点不利索", "checkin unwell - unknown - no none"},
		{"我妈说刚才眼前黑了一下，一会儿就好了，现在没事了", "checkin unwell - unknown - yes confirm"},
		{"一下子站起来眼前发黑，缓了两秒就好了，老毛病低血压", "checkin unwell - unknown - no none"},
		{"群里有没有医生 我婆婆抽了五分钟了还没停", "urgent urgent - unknown - yes alarm"},
		{"别转发那个链接了！我妈刚点进去，按对面说的把验证码都报给人家了，卡里的钱正一笔一笔被划走", "urgent unknown - unknown - yes alarm"},
		{"这个链接别点，是诈骗的，我已经举报了", "other unknown - unknown - no none"},
		{"没摔，就是脚底下滑了一下，扶着墙站住了", "checkin unwell - unknown - no none"},
		{"我爸皮肤刺挠，屋里太干，挠得胳膊上都是血道子", "checkin unwell - unknown - yes none"},
	})
}
