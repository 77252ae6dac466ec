package parse

// Round 48 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestAustralianEnglish: Australian and New Zealand English: the bank books told and a
// goodbye, a rumour of a fall, lips a funny colour, ending it, words mushed up since
// brekkie, an old girl on the kitchen floor, pills put aside with thanks to everyone, a
// sugar in mmol with confusion.
func TestAustralianEnglish(t *testing.T) {
	checkCases(t, []parseCase{
		{"Mum rang tonight and told me where the bank books are, said she's written letters for each of us, and said goodbye properly at the end. She's never like that.\\nI'm scared", "urgent urgent - unknown - yes alarm"},
		{"Saw a msg in here saying Mum had a fall?? No idea where that came from, just spoke to her, she's fine", "checkin well - unknown - yes none"},
		{"Cant get me breath. lips gone a funny colour the wife reckons", "urgent urgent - unknown - no alarm"},
		{"Can't stop thinking I should just end it. Sorry to put this in the group.", "urgent urgent - unknown - no alarm"},
		{"Mum's on the phone and her words are all mushed up, she was perfectly fine at brekkie. Can someone get to her flat NOW pls", "urgent urgent - unknown - yes alarm"}, // labelled alarm in its set; the resemblance model trained on every tuned set reads it so (round 50)
		{"Can somebody get to Block B now, there's an elderly lady sitting in the snow, doesn't know her own name or where she lives", "urgent urgent - unknown - no alarm"},
		{"Pop's out on the balcony railing saying he wants to go, the carer's trying to talk him down. Please someone come", "urgent urgent - unknown - no alarm"},
		{"The carer's come down with a fever so there's nobody with Nan today", "checkin unknown - unknown - yes confirm"},
		{"The old girl next door is on her kitchen floor, I can see her through the window, door's locked. She's moving a bit but not getting up", "urgent urgent - unknown - no alarm"},
		{"Dad took a handful of his heart pills by mistake, he thinks 6 instead of 1 ... what now??", "urgent urgent - unknown - yes alarm"},
		{"I've been putting me pills aside. Got enough now. Just wanted to say ta to everyone for everything", "urgent urgent - unknown - no alarm"},
		{"Dear all, reading this morning 3.1 mmol, and my wife has gone very quiet and confused, keeps putting on and taking off her cardigan. She's had her insulin. Please advise quickly.", "urgent urgent - unknown - no alarm"},
	})
}

// TestCouplesAndChildrenAbroad: frail couples and children abroad: a spouse who may not
// hold out, a fracture just out of hospital, a phone broken and so out of touch, a notice
// of heating repairs asked about, vegetables eaten up days ago.
func TestCouplesAndChildrenAbroad(t *testing.T) {
	checkCases(t, []parseCase{
		{"我阳了，咳得厉害，老伴也阳着，还得照顾我，我怕他撑不住。两个人抗原都是两道杠", "checkin unwell - positive - no confirm"},
		{"我爸骨折刚出院，家里得要个轮椅，哪位能帮忙弄一个", "aid unwell - unknown - yes none"},
		{"我爸手机摔坏了，这几天联系不上很正常，他用我妈手机，俩人都挺好", "checkin well - unknown - yes none"},
		{"邻居说物业要停暖检修 是不是真的 这么冷可受不了", "other unknown - unknown - no none"},
		{"外婆家的菜三天前就吃完了，她不会手机下单，一直吃咸菜泡饭", "aid unknown - unknown food yes confirm"},
	})
}
