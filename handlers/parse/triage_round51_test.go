package parse

// Round 51 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestShanghaiAndVoice: Shanghai lane houses and elders' voice-to-text: fear of a fall
// is no fall; 困觉 and 弗醒 (asleep since noon, cannot be woken); a coal-briquette stove
// with headaches and drowsiness; a chest gripped as by a hand, with sweat; a saviour
// (救命恩人) is thanks; a fit with froth; a gas card running low; 跌 and 立不牢; the lost
// found; 活到头了 and a phone then not answered; locked out by the wind in the cold; gone
// three hours; a neighbour limp and answering nothing; a nosebleed of an hour is today's,
// whatever the blood pressure always was; the writer who refuses calls is reachable;
// heating off; a link clicked and money taken; voice-typed 安眠要 and 赞; a mind
// slipping over days; a drunk's gait after drinking that passed; a blister from work.
func TestShanghaiAndVoice(t *testing.T) {
	checkCases(t, []parseCase{
		{"屋里扶梯上灯泡坏了，黑洞洞，怕跌跤，有啥人好帮我换只", "aid unknown - unknown errand no none"},
		{"老头子中午困觉困到现在，喊伊推伊都弗醒", "urgent urgent - unknown - yes alarm"},
		{"老头子生了只煤饼炉取暖，门窗关得牢牢，现在阿拉两个人都头痛想吐，伊已经有点迷糊", "urgent urgent - unknown - yes alarm"},
		{"胸口里向像有只手捏牢，一阵一阵，胃也翻，浑身汗嗒嗒滴", "urgent urgent - unknown - no alarm"},
		{"团长侬是救命恩人！菜收到了，谢谢谢谢", "other unknown - unknown - no none"},
		{"我老伴手脚一抽一抽，牙齿咬紧，嘴巴里吐白沫，现在还在抽", "urgent urgent - unknown - yes alarm"},
		{"好帮我充一下燃气卡伐，快没气了", "aid unknown - unknown errand no none"},
		{"爷叔跌在弄堂里，右脚一碰就痛，根本立不牢", "urgent urgent - unknown - yes alarm"},
		{"昨日讲走丢的李家阿爷寻着了，在外婆桥那边，谢谢大家", "other unknown - unknown - no none"},
		{"我妈刚才电话里讲“活到头了，今朝夜里就跟侬爸去”，然后挂掉不接了", "urgent urgent - unknown - yes alarm"},
		{"我出去倒垃圾，门被风关上了，钥匙在里面，穿件单衫在弄堂里冻得发抖，已经一个多钟头", "urgent urgent - unknown - no alarm"},
		{"隔壁阿奶坐在楼梯口，人软塌塌，问伊啥都不回答，眼睛定洋洋", "urgent urgent - unknown - no alarm"},
		{"阿婆鼻头出血出了一个钟头了，塞了棉花也止不牢，伊血压本来就高", "urgent urgent - unknown - no alarm"},
		{"鼻子出血一个小时了止不住，他本来就有高血压", "urgent urgent - unknown - no alarm"},
		{"上回被骗了两千块 已经报了警 钱追回来一半 现在谁打电话我都不接", "other unknown - unknown - no none"},
		{"那个 我们这个楼停暖了 屋里才几度 我老头子冻得直咳嗽", "checkin unwell - unknown - yes confirm"},
		{"停暖了，不过我们有电暖气，挺暖和", "other unknown - unknown - no none"},
		{"那个网上说能领防疫补贴 我点了链接填了银行卡 刚收到短信卡里钱被扣了八千多", "urgent unknown - unknown - no alarm"},
		{"我把这几个月的安眠要都赞下来了 够了 你们不用管我了", "urgent urgent - unknown - no alarm"},
		{"老伴这几天有点糊涂 钥匙放冰箱里 昨天还问我儿子上哪了 儿子都五十了", "checkin unwell - unknown - yes confirm"},
		{"昨晚喝多了，走路像喝醉了一样，今天好了", "checkin well - unknown - no none"},
		{"手上起泡了，干活磨的", "checkin unwell - unknown - no none"},
	})
}

// TestCarersEnglish: carers' and in-laws' second-language English with Javanese,
// Indonesian, Tagalog and Hindi words: ngelantur, a blackout after a pounding heart,
// susah napas and gurgling, a street not known, dada squeezed, nonsense words since a
// nap, leaning left like a drunk who never drinks, eyes that open and close again,
// money just transferred to an "officer", an anglo arang in a closed room, boiling dal
// and skin peeled off, gula darah 3.4, a slip held (tidak jatuh), a nosebleed that
// stopped, another's faint taken to the clinic, a head bursting with a BP of 196, gift
// cards and codes.
func TestCarersEnglish(t *testing.T) {
	checkCases(t, []parseCase{
		{"Mbah putri ngelantur since an hour, talking to her late husband and doesn't know it's night, never like this before", "urgent urgent - unknown - no alarm"},
		{"Lola says her heart is pounding so fast then she go blackout for few seconds sitting on the sofa po", "urgent urgent - unknown - yes alarm"},
		{"Nenek susah napas sekali, sounds like gurgling in her throat, please help cepat", "urgent urgent - unknown - yes alarm"},
		{"Nana called me from somewhere, he doesn't know which street, says all buildings look same, he sounds scared", "urgent unknown - unknown - yes alarm"},
		{"Mbah kakung bilang dadanya like squeezed, cold sweat on forehead, already 15 minutes not going away", "urgent urgent - unknown - no alarm"},
		{"My father-in-law wakes from nap answering me in nonsense words, gets cross we don't understand. Was fine at 1pm. 120 called", "urgent urgent - unknown - yes alarm"},
		{"Bapak walking and leaning to left side like drunk man, he never drink, this from morning, and his words also slow", "urgent urgent - unknown - no alarm"},
		{"Ma'am Chen very sleepy and floppy, I call her name she opens eyes and closes again, can't even sip water", "urgent urgent - unknown - yes alarm"},
		{"Madam just transferred 50,000 to a 'medical insurance officer' on the phone 10 min ago, I only found out now", "urgent unknown - unknown - no alarm"},
		{"Opa pakai anglo arang in his bedroom with window closed, now headache, muntah, very sleepy", "urgent urgent - unknown - no alarm"},
		{"Nana spilled the boiling dal on his leg, skin peeled off and big blisters, he's crying", "urgent urgent - unknown - yes alarm"},
		{"Oma gula darahnya 3.4, she is talking strange and sweaty, what do I do", "urgent urgent - unknown - no alarm"},
		{"Opa kepleset di kamar mandi tapi saya pegang, tidak jatuh, aman", "checkin well - unknown - no none"},
		{"Baba's nosebleed this morning stopped after 5 min, he's fine", "checkin well - unknown - no none"},
		{"Volunteer said someone in block 3 fainted in the test queue, they took her to the clinic. Not ours, Baba fine", "checkin well - unknown - yes none"},
		{"1 平安 mostly, but BP 196/112 just now and Nana says his head is bursting and his vision is blurry", "urgent urgent - unknown - yes alarm"},
		{"Lolo still on phone with guy from 'social security', they told him buy gift cards and read the codes, he's doing it now po", "urgent unknown - unknown - yes alarm"},
	})
}
