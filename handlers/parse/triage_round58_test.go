package parse

// Round 58 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestFacesBetweenWords: a WeChat face code or an emoji between two stretches of words
// ends the first, so that 之前 after it does not make the blood before it past; a face
// between the writer and a well (我[捂脸]没事) still reads as before.
func TestFacesBetweenWords(t *testing.T) {
	checkCases(t, []parseCase{
		{"今天咳出来一大口鲜红的血[流泪]之前只是痰里带点丝", "urgent urgent - unknown - no alarm"},
		{"摔了一跤😭站不起来了", "urgent urgent - unknown - no alarm"},
		{"我[捂脸]没事", "checkin well - unknown - no none"},
		{"平\u200b安", "checkin well - unknown - no none"}, // a zero-width space is no face
		{"平安[抱拳]", "checkin well - unknown - no none"},
	})
}

// TestCarerFallsIll: the care in 照顾阿爷的工人姐姐 is the care now missing, not care
// given; a carer in hospital while the writer asks for groceries for someone else is no
// alert.
func TestCarerFallsIll(t *testing.T) {
	checkCases(t, []parseCase{
		{"照顾阿爷嘅工人姐姐发高烧病倒咗，而家冇人睇住阿爷", "checkin unknown - unknown - no confirm"},
		{"我老婆住院了我两头跑顾不过来，我妈那边想请人帮忙买一周的菜送过去", "aid unwell - unknown food yes none"},
	})
}

// TestUnsureGuessExplainsNothing: a harmless cause the writer only guesses at (不知道是不
// 是没睡好) does not set a sign aside; one they give (可能是吃太急了) still may.
func TestUnsureGuessExplainsNothing(t *testing.T) {
	checkCases(t, []parseCase{
		{"心口有点闷闷的，不知道是不是没睡好", "checkin unwell - unknown - no confirm"},
		{"舌头有点发硬 不知是不是没睡好", "checkin unwell - unknown - no confirm"},
		{"头晕，不知道是不是没睡好", "checkin unwell - unknown - no none"},
	})
}

// TestWordsRound58: a handful of pills; 喘不上 without 气; sugar low with sweat and a
// tremor; 唔識人; out and the phone off; the same question over and over this week; no
// food for two days; legs that give way and near-falls.
func TestWordsRound58(t *testing.T) {
	checkCases(t, []parseCase{
		{"药吃多了 一大把", "checkin unknown - unknown - no confirm"},
		{"中药吃多了上火", "other unknown - unknown - no none"},
		{"Yeye swallowed a whole handful of his pills at once, no idea how many. He's getting sleepy", "urgent urgent - unknown - yes alarm"},
		{"喉咙肿 喘不上", "urgent urgent - unknown - no alarm"},
		{"手抖 出虚汗 糖低了", "urgent urgent - unknown - no alarm"},
		{"阿爸唔識人啦", "checkin unwell - unknown - yes confirm"},
		{"老伴出去了三个钟头，电话打不通", "urgent unknown - unknown - yes alarm"},
		{"爸这礼拜老问一样的话", "checkin unwell - unknown - no confirm"},
		{"冇嘢食兩日了", "checkin unknown - unknown - no confirm"},
		{"屋里厢三天没啥吃了，团购的菜一直没到", "checkin unknown - unknown - no confirm"},
		{"姆妈走路老是打软脚，这礼拜差点跌了两趟", "checkin unwell - unknown - yes confirm"},
	})
}

// TestIntensifiersNegateNothing: the 非 of 非常 and the 别 of 特别 are no negators, so
// 非常疼 is pain (it read as well) and 特别难受 a complaint (it read as nothing); 非要 is
// insisting.
func TestIntensifiersNegateNothing(t *testing.T) {
	checkCases(t, []parseCase{
		{"非常疼", "checkin unwell - unknown - no none"},
		{"今天特别难受", "checkin unwell - unknown - no none"},
		{"我特别想吐", "checkin unwell - unknown - no none"},
		{"老头子今天胃口特别好 吃了两大碗面条", "checkin well - unknown - yes none"},
		{"我妈非要出去买菜", "other unknown - unknown - yes none"},
		{"别感冒了，多穿点", "other unknown - unknown - no none"},
	})
}

// TestSleepierThanUsual: sleepy beyond the usual (比平时睡得多, more than usual, hard to
// keep awake) asks for a look; sleepy after a cold medicine or every spring does not.
func TestSleepierThanUsual(t *testing.T) {
	checkCases(t, []parseCase{
		{"爷爷今天特别嗜睡，比平时睡得多", "checkin unwell - unknown - yes confirm"},
		{"Grandpa very sleepy whole day, more than usual, wake up a while then sleep again", "checkin unwell - unknown - yes confirm"},
		{"最近老犯困，特别想睡", "checkin unwell - unknown - no none"},
		{"吃了感冒药，比平时能睡", "other unknown - unknown - no none"},
	})
}

// TestNegatorsInsideWords: a word that begins with or holds a negator but negates
// nothing (无法, 不停, 不断, 时不时, 无缘无故, 忍不住, 不由得, 不光, 没站稳, 没留神, 别提, 不知
// 不觉, 没多久, 没几天, 不料, 不管) no longer takes the sign after it. 无法呼吸 read as
// nothing, 不断呕吐 and 时不时头晕 as well, 没站稳摔倒了 as no fall.
func TestNegatorsInsideWords(t *testing.T) {
	checkCases(t, []parseCase{
		{"无法呼吸", "urgent urgent - unknown - no alarm"},
		{"不停地抽搐", "urgent urgent - unknown - no alarm"},
		{"不断呕吐", "checkin unwell - unknown - no none"},
		{"时不时头晕", "checkin unwell - unknown - no none"},
		{"无缘无故头晕", "checkin unwell - unknown - no none"},
		{"四肢无力", "checkin unwell - unknown - no none"},
		{"忍不住咳嗽", "checkin unwell - unknown - no none"},
		{"不由得发抖", "checkin unwell - unknown - no none"},
		{"别提多难受了", "checkin unwell - unknown - no none"},
		{"没站稳摔倒了", "urgent urgent - unknown - no alarm"},
		{"没留神滑倒了", "urgent urgent - unknown - no alarm"},
		{"不知不觉就晕过去了", "urgent urgent - unknown - no alarm"},
		{"没多久就吐血了", "urgent urgent - unknown - no alarm"},
		{"心跳个不停", "checkin unwell - unknown - no confirm"},
		{"姥姥感觉还行 不过今天喷嚏打个不停", "checkin unwell - unknown - yes none"},
		{"没去医院", "other unknown - unknown - no none"},
		{"别说了，我没事", "checkin well - unknown - no none"},
	})
}

// TestUnableInEnglish: "unable to breathe", "not able to stand", a bleed that "hasn't
// stopped"; and speech that is "有点不清楚", however hedged, asks for a look.
func TestUnableInEnglish(t *testing.T) {
	checkCases(t, []parseCase{
		{"unable to breathe", "urgent urgent - unknown - no alarm"},
		{"Mum unable to get up after she slipped", "urgent urgent - unknown - yes alarm"},
		{"not able to stand up", "urgent urgent - unknown - no alarm"},
		{"bleeding hasn't stopped", "urgent urgent - unknown - no alarm"},
		{"说话有点不清楚", "checkin unwell - unknown - no confirm"},
		{"他讲话一直不太清楚，几十年了", "checkin unwell - unknown - no none"},
	})
}

// TestCantoneseNegatorsInsideWords: 冇耐 (before long) negates nothing; 唔郁得 is
// cannot move, 食乜呕乜 keeping nothing down, 冇晒力 no strength left.
func TestCantoneseNegatorsInsideWords(t *testing.T) {
	checkCases(t, []parseCase{
		{"冇耐就晕咗", "checkin unwell - unknown - no none"},
		{"阿妈唔郁得", "urgent urgent - unknown - yes alarm"},
		{"食乜呕乜", "checkin unwell - unknown - no none"},
		{"成个人冇晒力", "checkin unwell - unknown - no none"},
		{"头痛到爆，突然的，吐咗两次", "urgent urgent - unknown - no alarm"},
	})
}

// TestCheckedAndFine: an illness of an earlier day, checked since and found fine (查了
// 没事, 医生说没问题, 心电图正常), is well; still treated, resting or recovering (放了支
// 架, 在家休息, 恢复得不错), or begun then and going on (昨天开始发烧), it is not.
func TestCheckedAndFine(t *testing.T) {
	checkCases(t, []parseCase{
		{"前天胸口疼 查了没事", "checkin well - unknown - no none"},
		{"昨天说的那个胸闷，去医院做了心电图，医生说没事", "checkin well - unknown - no none"},
		{"琴日阿爸喺屋企暈咗一陣，去咗急症，醫生話冇大礙，而家喺屋企休息緊", "checkin unwell - unknown - yes none"},
		{"我爸前天心梗住院了，放了支架，医生说恢复得不错", "checkin unwell - unknown - yes none"},
		{"昨天开始发烧，今天去社区看了，医生说没事", "checkin unwell - unknown - no none"},
	})
}

// TestNothingFeltAnywhere: 没觉得哪里不舒服, 没觉着哪儿不得劲, 也没感觉哪里疼 are well: the
// negation reaches over 觉得 and 哪里 to the complaint.
func TestNothingFeltAnywhere(t *testing.T) {
	checkCases(t, []parseCase{
		{"没觉得哪里不舒服", "checkin well - unknown - no none"},
		{"没觉着哪儿不得劲", "checkin well - unknown - no none"},
		{"也没感觉哪里疼", "checkin well - unknown - no none"},
		{"觉得哪里都不舒服", "checkin unwell - unknown - no none"},
	})
}

// TestPostPosedNegation: complaints first and the negator last (发烧咳嗽都没有, 胸闷气短都
// 没有, 头晕没有了) deny them: well, and no alarm. A negator that closes on something
// else (硝酸甘油都没有) or asks (头疼有没有) denies nothing; what is lacking (吃的都没有了)
// is still asked for.
func TestPostPosedNegation(t *testing.T) {
	checkCases(t, []parseCase{
		{"发烧咳嗽都没有", "checkin well - unknown - no none"},
		{"胸闷气短都没有", "checkin well - unknown - no none"},
		{"头疼、发烧、咳嗽啥的都没有", "checkin well - unknown - no none"},
		{"头晕没有了", "checkin well - unknown - no none"},
		{"发烧倒是没有，就是咳嗽", "checkin unwell - unknown - no none"},
		{"心口疼得厉害硝酸甘油都没有", "urgent urgent - unknown - no alarm"},
		{"吃的都没有了", "aid unknown - unknown food no none"},
	})
}

// TestRoomNumbersAreNoMenu: a building, unit and room (2-3-101, 3-201) opening a
// volunteer's report is an address, not menu choice 2 or 3; 1 from 402 still chooses 1.
func TestRoomNumbersAreNoMenu(t *testing.T) {
	checkCases(t, []parseCase{
		{"2-3-101到2-3-602都问过了，没有异常", "checkin well - unknown - no none"},
		{"3-201 老陈 平安", "checkin well - unknown - no none"},
		{"2", "checkin unwell - unknown - no none"},
		{"1 from 402, Toronto. ping an", "checkin well - unknown - no none"},
	})
}

// TestCarersFeverIsNotTheElders: the fever of a carer who falls ill (保姆发烧39度，今天
// 来不了) is hers, not the elder's: health unknown, the confirm stands.
func TestCarersFeverIsNotTheElders(t *testing.T) {
	checkCases(t, []parseCase{
		{"保姆发烧39度，今天来不了", "checkin unknown - unknown - no confirm"},
		{"照顾我爸的保姆发高烧躺下了，现在没人管他", "checkin unknown - unknown - yes confirm"},
		{"老头子这几天起床要我扶半天才站得起来走几步就要坐我一个人扶不动他", "checkin unwell - unknown - yes confirm"},
		{"My wife who looks after me has a fever of 38.5 today, and with my Parkinson's I can't do much", "checkin unwell - unknown - yes confirm"},
	})
}

// TestOwnPhoneOff: a phone off in a message that explains the writer missed the group
// (不好意思，手机关机了没回; 没电了，刚充上) is theirs, and they are here: no alarm. A phone
// off alone, a mother's, or a neighbour's who has not answered for days still is one.
func TestOwnPhoneOff(t *testing.T) {
	checkCases(t, []parseCase{
		{"不好意思，手机关机了没回", "other unknown - unknown - no none"},
		{"刚才手机关机了，没看到群消息", "other unknown - unknown - no none"},
		{"手机关机了", "urgent unknown - unknown - no alarm"},
		{"我妈手机关机了，打不通", "urgent unknown - unknown - yes alarm"},
	})
}
