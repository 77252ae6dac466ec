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

// TestMedicineNamesNoSign: a sign or an illness that names a medicine (气喘喷剂, 薄血药,
// 老年痴呆的药) is no sign and no complaint; a remedy taken for a sign (止痛药) still tells
// of it, and a sign beside the medicine stands.
func TestMedicineNamesNoSign(t *testing.T) {
	checkCases(t, []parseCase{
		{"老伴嘅薄血藥就嚟冇，邊度可以攞", "other unknown - unknown - yes none"},
		{"我阿嬤的氣喘噴劑只剩一罐了，可以幫她再拿兩罐嗎", "aid unknown - unknown - no none"},
		{"我妈的药吃完了就是那个老年痴呆的药能不能帮忙配一下", "aid unknown - unknown medicine yes none"},
		{"还可以 吃了止痛药就不咋个痛了", "checkin unwell - unknown - no none"},
		{"喘得厉害，喷剂喷了也不管用，嘴唇发紫", "urgent urgent - unknown - no alarm"},
	})
}

// TestSelfWell: 我 right before a well names the writer, even after a thing, a grandchild
// or hearsay in the same dictated clause, or after a laugh; a laugh after the complaint
// still takes the well with it, and hearsay of everyone is no well.
func TestSelfWell(t *testing.T) {
	checkCases(t, []parseCase{
		{"那个我这个手机不太会用啊我孙子教我说话它就变成字了我很好你们不要担心", "checkin well - unknown - no none"},
		{"群里那个救命的语音是我孙子玩我手机发的不好意思我们都好", "checkin well - unknown - no none"},
		{"哈哈哈我很好", "checkin well - unknown - no none"},
		{"我还好 嘴里起了个泡 说话有点漏风😂", "checkin unwell - unknown - no none"},
		{"Me ok, wife also ok", "checkin well - unknown - no none"},
		{"我们大家都好", "checkin well - unknown - no none"},
		{"祝我们大家都好", "other unknown - unknown - no none"},
		{"听说大家都好", "other unknown - unknown - no none"},
	})
}

// TestFamiliarChestAsks: chest discomfort told as familiar (老毛病, 以前也有过) asks to
// confirm (shared/triage.md); an old heart attack that has not come back, and a chest
// pain a doctor has explained, do not.
func TestFamiliarChestAsks(t *testing.T) {
	checkCases(t, []parseCase{
		{"那个我这两天胸口老是有点闷闷的也不是很疼就是闷一会儿就过去了以前也有过的你们说要不要紧", "checkin unwell - unknown - no confirm"},
		{"有点胸闷，老毛病了，这两天一直这样，不用管我", "checkin unwell - unknown - no confirm"},
		{"三年前得过心梗，这几年一直吃着阿司匹林，没再犯过", "checkin well - unknown - no none"},
		{"前天半夜胸口痛去急診，醫生說是胃食道逆流，吃藥有好一點", "checkin unwell - unknown - no none"},
	})
}

// TestConfirmRound57: alone and frightened at home while the spouse is in hospital (the
// hospital is not the writer's care); not eating since a cold last week (自从…以后 runs
// on to now); feeling the way along the furniture, the fear of a fall told after it; lost
// at night in one's own home, but not in a mall.
func TestConfirmRound57(t *testing.T) {
	checkCases(t, []parseCase{
		{"我一个人在家老伴住院了我晚上害怕得睡不着听到一点动静就心里扑通扑通的", "checkin unwell - unknown - yes confirm"},
		{"自从上个礼拜感冒以后老伴就一直躺着饭也吃不下人瘦了一圈", "checkin unwell - unknown - yes confirm"},
		{"老伴最近在家里走路都要一路摸着桌子柜子走腿打飘我真怕他哪天摔了", "checkin unwell - unknown - yes confirm"},
		{"黑灯瞎火的摸着墙找开关", "other unknown - unknown - no none"},
		{"老伴這陣子半夜都找不到廁所在哪，白天還好", "checkin unwell - unknown - yes confirm"},
		{"商场里找不到厕所，急死了", "other unknown - unknown - no none"},
	})
}

// TestLonePlea: a plea that is the whole message (帮帮我, 快来啊, help) cries for help; with
// an errand (帮帮我买点菜, pls help) it asks for one.
func TestLonePlea(t *testing.T) {
	checkCases(t, []parseCase{
		{"帮帮我吧", "urgent unknown - unknown - no alarm"},
		{"快来啊！！", "urgent unknown - unknown - no alarm"},
		{"HELP!!", "urgent unknown - unknown - no alarm"},
		{"help me", "urgent unknown - unknown - no alarm"},
		{"帮帮我买点菜", "aid unknown - unknown food no none"},
		{"谁能帮帮我", "aid unknown - unknown - no none"},
	})
}

// TestTerseRound57: the short words of an elder who types with one finger: a spouse
// fainted (老伴昏了, 他晕过去了; not 他晕了半天才看懂 or 晕车), hunger told with its days.
func TestTerseRound57(t *testing.T) {
	checkCases(t, []parseCase{
		{"老伴昏了", "urgent urgent - unknown - yes alarm"},
		{"他晕过去了", "urgent urgent - unknown - no alarm"},
		{"他晕了半天才看懂", "checkin unwell - unknown - no none"},
		{"她晕车了", "checkin unwell - unknown - no none"},
		{"饿了两天", "checkin unknown - unknown - no confirm"},
		{"没饭吃了", "aid unknown - unknown food no none"},
	})
}

// TestClinicalEnglish: a nurse's or a doctor's shorthand (CP, diaphoretic, SBP, severe
// HA, melena, lightheaded); ambulating is walking, no ambulance; zhongfeng typed in
// pinyin is the stroke, not 中锋 (a football centre), unless asked of in general; an
// ambulance asked for in English (pls send … asap) is asked for.
func TestClinicalEnglish(t *testing.T) {
	checkCases(t, []parseCase{
		{"Yeye c/o CP radiating to L arm, diaphoretic", "urgent urgent - unknown - yes alarm"},
		{"SBP 210 with severe HA and blurry vision", "urgent urgent - unknown - no alarm"},
		{"melena x2 today, lightheaded", "urgent urgent - unknown - no alarm"},
		{"yeye at baseline, ate well, ambulating with walker", "checkin well - unknown - no none"},
		{"is it zhongfeng?? grandma face one side hanging down like melted, she keep drooling, pls send jiuhuche asap", "urgent urgent - unknown - yes alarm"},
		{"how to know zhongfeng? my friend send me BE FAST, what is the E?", "other unknown - unknown - no none"},
		{"hao ren yi sheng ping an 🙏🙏", "other unknown - unknown - no none"},
		{"No need ambulance la, Ah Gong only cut his finger slicing ginger, plaster on and stopped bleeding already", "checkin unwell - unknown - no none"},
		{"Radiator's been stone cold since Friday and it's -5 outside", "checkin unknown - unknown - no confirm"},
	})
}

// TestDenialRound57: the plain denials of a rumour (哪有的事, 那是误会, no such thing) take
// back the fall told before them; 平安平安，不麻烦你们了 is politeness, while "from now on I
// won't trouble you" with the affairs settled is a farewell.
func TestDenialRound57(t *testing.T) {
	checkCases(t, []parseCase{
		{"群里说我摔了？哪有的事，好着呢", "checkin well - unknown - no none"},
		{"Who say I fell? No such thing lah, I very ok", "checkin well - unknown - no none"},
		{"群里讲我摔跤了那是误会是我的手机摔了人好好的", "checkin well - unknown - no none"},
		{"平安平安，不麻烦你们了", "checkin well - unknown - no none"},
		{"以后就不麻烦你们了，我的存折在抽屉里", "urgent urgent - unknown - no alarm"},
	})
}

// TestCareAndTimeRound57: a doctor or the ambulance already there is care (医生已经到了,
// 120已经到了); a stent years ago is no care now; a fall three years ago told in one
// dictated stretch with today is past; a fear of others (怕我想不开) taken back (其实我
// 想得开); news of a stranger; chest pains denied in English.
func TestCareAndTimeRound57(t *testing.T) {
	checkCases(t, []parseCase{
		{"我老伴刚才头晕摔了一下社区医生已经到了在给他检查", "checkin unwell - unknown - yes none"},
		{"Yeye has pain in his jaw and between his shoulder blades and he's clammy and grey. He thinks it's his teeth but he had a stent in 2019. Please get a doctor to him now.", "urgent urgent - unknown - yes alarm"},
		{"三年前我也是在家里摔了一跤股骨头断了换了个关节现在走路比以前还好", "checkin well - unknown - no none"},
		{"我女儿怕我想不开天天打电话其实我想得开得很吃得香睡得着", "checkin well - unknown - no none"},
		{"Saw on news an old man in Yishun fell from his window, so sad", "other unknown - unknown - no none"},
		{"No I am NOT having chest pains, the kids are fussing over nothing", "checkin well - unknown - no none"},
	})
}

// TestNotBreathing: not breathing, in Chinese and English, is the gravest sign; no
// trouble breathing is not.
func TestNotBreathing(t *testing.T) {
	checkCases(t, []parseCase{
		{"没有呼吸了", "urgent urgent - unknown - no alarm"},
		{"不喘气了", "urgent urgent - unknown - no alarm"},
		{"please send someone, he is not breathing", "urgent urgent - unknown - no alarm"},
		{"我没有呼吸困难", "other unknown - unknown - no none"},
		{"Dad lost sight in one eye out of nowhere an hour ago, says like a curtain came down", "urgent urgent - unknown - yes alarm"},
		{"dad is on the phone with 'Medicare' RIGHT NOW giving his bank info and i cant get him to hang up", "urgent unknown - unknown - yes alarm"},
	})
}

// TestDialectRound57: Wu (寻勿着屋里: cannot find home) and Cantonese (唔想生存) in the
// words of a probe batch; a head cut open; 救 alone; a key not found at home is no one
// lost.
func TestDialectRound57(t *testing.T) {
	checkCases(t, []parseCase{
		{"寻勿着屋里了", "urgent unknown - unknown - no alarm"},
		{"我唔想生存", "urgent urgent - unknown - no alarm"},
		{"头破了", "checkin unwell - unknown - no confirm"},
		{"救", "urgent unknown - unknown - no alarm"},
		{"找不到屋里的钥匙了", "other unknown - unknown - no none"},
	})
}

// TestFiguresAndHeartbeat: 39度一个人在家 is 39 degrees and a person alone, not 39.1 then
// nonsense; a heartbeat out of order is a complaint, joy's racing heart is not.
func TestFiguresAndHeartbeat(t *testing.T) {
	checkCases(t, []parseCase{
		{"体温39度一个人在家，退烧药吃完了，谁方便帮带一盒", "aid unwell - unknown medicine no confirm"},
		{"三十七度一个晚上没睡", "other unknown - unknown - no none"},
		{"我有时候心跳漏一拍，今天特别多，冇晕", "checkin unwell - unknown - no none"},
		{"看到孙女穿婚纱，心跳得都快蹦出来了，激动！", "other unknown - unknown - no none"},
	})
}

// TestEnglishConfirmRound57: no proper meal for days, a missed step yesterday with a
// swollen knee, a heater that has packed it in on a cold night ask to confirm; no longer
// wanting to trouble the children is despair, not wanting to trouble the office is not.
func TestEnglishConfirmRound57(t *testing.T) {
	checkCases(t, []parseCase{
		{"Haven't had a proper feed in three days, cupboard's bare, feeling a bit weak. Could someone bring some tucker", "aid unwell - unknown - no confirm"},
		{"Missed a step yesterday, knee's swollen and purple but I can hobble about. Don't want a fuss", "checkin unwell - unknown - no confirm"},
		{"Heater's packed it in and it's 3 degrees tonight in Ballarat. Mum's 88, rugged up in bed", "checkin unknown - unknown - yes confirm"},
		{"活了八十多岁，够本了，不想再给孩子们添麻烦了", "urgent urgent - unknown - no alarm"},
		{"不想给你们添麻烦，菜我自己去买", "aid unknown - unknown food no none"},
	})
}

// TestWellWordsRound57: 今天气色不错 is a good colour today and 今天气温低 a cold day, not
// the weather (天气) that would take the 天 of 今天; "in good form", "his usual self".
func TestWellWordsRound57(t *testing.T) {
	checkCases(t, []parseCase{
		{"老头子今天气色不错", "checkin well - unknown - yes none"},
		{"今天气温低，冻得手发抖", "checkin unwell - unknown - no none"},
		{"今天天气不错", "other unknown - unknown - no none"},
		{"Mum's in good form today", "checkin well - unknown - yes none"},
		{"Dad is his usual self", "checkin well - unknown - yes none"},
	})
}

// TestTerseProbesRound57: a last probe batch of one-finger replies: consciousness lost in
// Cantonese (失咗知覺), choking on food (a thing is no excuse when 噎 is the word), a low
// sugar said with 好 and shaking, a fall out of bed, 抬不起来 typed by its sounds.
func TestTerseProbesRound57(t *testing.T) {
	checkCases(t, []parseCase{
		{"失咗知覺", "urgent urgent - unknown - no alarm"},
		{"吃东西噎住了", "urgent urgent - unknown - no alarm"},
		{"血糖好低 手抖", "urgent urgent - unknown - no alarm"},
		{"掉床下了", "urgent urgent - unknown - no alarm"},
		{"手抬不气来", "checkin unwell - unknown - no confirm"},
	})
}

// TestEnglishComplaintsRound57: everyday English complaints the lexicon lacked — feeling
// rough (the model had read it well), poorly today, an upset tummy, the runs, mild
// symptoms with a positive test, a back that is killing her; "poorly organised" is no
// complaint.
func TestEnglishComplaintsRound57(t *testing.T) {
	checkCases(t, []parseCase{
		{"Dad's feeling rough, hasn't got out of bed", "checkin unwell - unknown - yes none"},
		{"dad is poorly today", "checkin unwell - unknown - yes none"},
		{"tummy upset since last night", "checkin unwell - unknown - no none"},
		{"he has the runs", "checkin unwell - unknown - no none"},
		{"my back is killing me", "checkin unwell - unknown - no none"},
		{"the government is poorly organised", "other unknown - unknown - no none"},
	})
}
