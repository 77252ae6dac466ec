package parse

// Round 43 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestHotlineTranscripts: a volunteer's transcripts of hotline calls: a line cut and busy
// when called back, a sign asked about (有没有想不开), a hob that will not light, a fall
// alarm asked about, a walk along the furniture.
func TestHotlineTranscripts(t *testing.T) {
	checkCases(t, []parseCase{
		{"[通话中断] 老人说了一句“我有点不对劲”就断了，回拨两次占线", "urgent urgent - unknown - no alarm"},
		{"你们是不是又要问我有没有想不开啊 [笑] 我好着呢，天天跟老伴斗嘴", "checkin well - unknown - no none"},
		{"煤气灶打不着火了，是不是没气了，能找人来看看吗", "other unknown - unknown - no none"},
		{"我儿子说要给我装个那个摔倒报警的东西，有必要吗？", "other unknown - unknown - no none"},
		{"我妈最近起身老晃，走两步就要抓东西，我怕她摔，我在外地隔离回不去", "checkin unwell - unknown - yes confirm"},
		{"邻居说从窗户看见我姑奶奶倒在客厅地上一动不动，门反锁着，我人在外地！求求谁能过去", "urgent urgent - unknown - yes alarm"},
	})
}

// TestSouthwestMandarin: Guizhou, Yunnan and Guangxi speech: 出不赢气, 打胡乱说, 痰里头带血丝,
// the worst headache in seventy-odd years (an age is no long illness), the affairs told
// with a farewell, eyes half open and not answering.
func TestSouthwestMandarin(t *testing.T) {
	checkCases(t, []parseCase{
		{"出不赢气了", "urgent urgent - unknown - no alarm"},
		{"我妈从中午开始一直打胡乱说，烧也没退，喊她名字她就看到我笑", "urgent urgent - unknown - yes alarm"},
		{"我老伴这两天咳嗽，今天痰里头带血丝", "checkin unwell - unknown - yes confirm"},
		{"脑壳痛得要炸开一样，活了七十几年没这么痛过，眼睛也花", "urgent urgent - unknown - no alarm"},
		{"儿，存折密码我写在衣柜抽屉头，你们几姊妹好生过，莫吵架，妈走了也放心", "urgent urgent - unknown - no alarm"},
		{"老人家睡到现在，推他也不答应，眼睛半睁起，呼噜打得好响", "urgent urgent - unknown - yes alarm"},
		{"我不是讲我 是电视头那个人嘴巴歪了", "other unknown - unknown - no none"},
		{"中风十几年了", "checkin unwell - unknown - no none"},
		{"我今年七十多岁了", "other unknown - unknown - no none"},
		{"以后我走了，这套房子就留给孙子", "other unknown - unknown - no none"},
	})
}

// TestBritishUnderstatement: British English: had enough of all this, came on just now,
// only half his mouth moves, the room's spinning, can't keep anything down, a radiator
// stone cold; explanations (the dentist's injection, a hearing aid) and a notice (for
// info).
func TestBritishUnderstatement(t *testing.T) {
	checkCases(t, []parseCase{
		{"Mr Gao told me on my round he's \"had enough of all this\" and asked if I'd look after his canary \"after\". I don't think he was joking", "urgent urgent - unknown - no alarm"},
		{"mum keeps dropping her spoon, right hand wont grip at all, she laughed it off but this came on just now. can someone get a doctor up to 3-402 please", "urgent urgent - unknown - yes alarm"},
		{"Mr Cao seemed confused yesterday but it was because he'd not got his hearing aid in – put it back and he's sharp as ever", "checkin well - unknown - no none"},
		{"Uncle Bao just tried to stand and his right leg buckled, and when he talks only half his mouth moves. This literally just happened", "urgent urgent - unknown - no alarm"},
		{"Dad's INR test for his warfarin is a week overdue. Can the clinic send someone to take blood?", "other unknown - unknown - yes none"},
		{"Mum thought she was having a stroke because her face felt numb, but it was the dentist's injection – she had a filling at 10. All fine now", "checkin well - unknown - yes none"},
		{"Dad's passing black tarry stuff and nearly went over in the bathroom, says the room's spinning", "urgent urgent - unknown - yes alarm"},
		{"Could the community doctor pop in and look at Dad's toenails? They're digging into his feet and he can't reach", "checkin unwell - unknown - yes none"}, // toenails digging in are a complaint to the health heads (round 55),
		{"For info: chest pain with sweating = ring 120 straight away, don't wait for us. Please share with your elders", "other unknown - unknown - no none"},
		{"He can't keep anything down since yesterday, not even water, sick every time. He's 86", "checkin unwell - unknown - no confirm"},
		{"Radiator's been stone cold since Friday and it's -5 outside, I'm in bed in my coat and hat. Mustn't grumble, but could somebody ring the management?", "checkin unknown - unknown - no confirm"},
		{"ngl ye ye sounds tired today, said he has a headache, he thinks it's bc he didn't sleep", "checkin unwell - unknown - yes none"},
	})
}

// TestEnglishBodyWords: single English words of the body; "no breathing trouble" is no
// breath lost; a scammer still on the line; pyjamas in the cold.
func TestEnglishBodyWords(t *testing.T) {
	checkCases(t, []parseCase{
		{"No fever, no cough, no breathing trouble, no nothing.", "checkin well - unknown - no none"},
		{"nai nai's vision has been getting blurry for a few months, can someone take her to see an eye dr when the clinic opens", "aid unwell - unknown - yes none"},
		{"A man from the 'Public Security Bureau' is on the phone saying my account is linked to money laundering and I must move my savings to a safe account now. He's still on the line. Is this real?", "urgent unknown - unknown - no alarm"},
		{"Locked myself out on the balcony in my pajamas, door's jammed, it's -6 out here, been about 40 min. Thank god I had my phone", "urgent urgent - unknown - no alarm"},
		{"这些安眠药我留了好久了 今晚就用上 不给孩子们添乱了", "urgent urgent - unknown - no alarm"},
	})
}
