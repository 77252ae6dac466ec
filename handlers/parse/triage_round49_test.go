package parse

// Round 49 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestTelegraphicAndFestival: the telegraphic messages of the hard of hearing and the
// Spring Festival: a carer reporting (护工报：) is no story of the carer's; a chest pressed
// as if trodden on with a soaked shirt; a phone screen gone black; a nap and then no words;
// curtains caught from burnt paper; a fever with talk of a mother ten years dead.
func TestTelegraphicAndFestival(t *testing.T) {
	checkCases(t, []parseCase{
		{"没事没事 就是心口像有人踩着 汗把衣服都湿了", "urgent urgent - unknown - no alarm"},
		{"好着呢 耳朵不好使 电话打不通就发字", "checkin unwell - unknown - no none"},
		{"护工报：老人11:20呼之不应，已打120，家属在路上", "urgent urgent - unknown - no alarm"},
		{"米面都没了 三天就吃饼干 没人送", "aid unknown - unknown food no confirm"},
		{"手机屏幕突然黑了 啥也看不见 谁会修", "checkin unwell - unknown - no none"},
		{"午睡起来 说不出话 舌头不听使唤 打字还行", "urgent urgent - unknown - no alarm"},
		{"我爸刚才视频里说了句“我这把老骨头留着干啥”就挂了，再打死活不接", "urgent unknown - unknown - yes alarm"},
		{"心里难受 不是身上不舒服 就是想孩子 今年又没回来", "checkin unwell - unknown - no none"},
		{"3号楼2单元有烟！！好像是701烧纸引着窗帘了 有人在家吗", "urgent unknown - unknown - no alarm"},
		{"爸烧到39.8了，开始说胡话，一直喊我妈的名字，我妈都走了十年了", "urgent urgent - unknown - yes alarm"},
		{"孩子们都别回来了，以后也不用回来了，存折密码我写在挂历背面了", "urgent urgent - unknown - no alarm"},
	})
}

// TestCelticEnglish: Irish, Scottish and Welsh English: tipping over to the left, a
// sentence that needs air, a pension unfrozen for a deposit, a taste not back, a heart
// scalded with worry, a right hand that'll no grip.
func TestCelticEnglish(t *testing.T) {
	checkCases(t, []parseCase{
		{"granny keeps tipping over to the left when she tries to walk, it came on sudden when she got up this morning and she says one eye's gone blurry", "urgent urgent - unknown - yes alarm"},
		{"she can't get a sentence out without stopping for air and her lips have a bluey look to them. the finger clip says 86", "urgent urgent - unknown - no alarm"},
		{"some fella on a video call is telling my mother she has to pay a 'deposit' to get her pension unfrozen, she has the banking app open right now, can anyone get round to her", "urgent unknown - unknown - yes alarm"},
		{"Mam's on the mend from the covid, still tires easy and the taste's not back", "checkin unwell - unknown - no none"},
		{"She's not sick as such, it's her nerves, the lockdown has her heart scalded with worry", "checkin well - unknown - no none"},
		{"Och it's Da, he's dropped his chopsticks twice and his right hand'll no grip. His talk's gone all mushy. Started about 10 min ago. Can someone phone 120 for him please I'm stuck in Glasgow", "urgent urgent - unknown - no alarm"},
		{"a 'bank' lady called asking my ID number. I did not give yet. she said she will call back at 3", "checkin unknown - unknown - no confirm"},
	})
}
