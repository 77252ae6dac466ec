package parse

// Rounds 29 and 30 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestStoryOfAnother: an illness told of a sibling, a friend, a stranger or a pet (or a
// relative's positive test) runs on through the clauses after it that name no one; a
// grandchild or a carer named in the elder's own story does not take it over, and a
// well after a relative is named stays the writer's.
func TestStoryOfAnother(t *testing.T) {
	checkCases(t, []parseCase{
		{"我姐在台湾 昨天中风住院了 急死我了", "other unknown - unknown - no none"},
		{"我女儿在上海阳了 发烧三十九度 我们俩老的没事", "checkin well - unknown - no none"},
		{"小区门口一个骑电动车的小伙子摔了，流了好多血，有人报警了", "other unknown - unknown - no none"},
		{"我家狗今天吐了，不吃东西", "other unknown - unknown - no none"},
		{"孙子也来了挺热闹，就是刚才洗碗的时候胸口一下子揪着疼，疼到后背，坐着都出汗", "urgent urgent - unknown - no alarm"},
		{"楼上放炮放得我心慌，一晚上没睡好", "checkin unwell - unknown - no none"},
		{"孙子放假回来了，挺好的", "checkin well - unknown - no none"},
		{"有人说我孙子在派出所，要交两万保释金，让我别告诉别人", "urgent unknown - unknown - no alarm"},
	})
}

// TestRound29Words: downstairs as a place, a well before the weather, Cantonese plurals.
func TestRound29Words(t *testing.T) {
	checkCases(t, []parseCase{
		{"上礼拜在楼下摔了 手腕骨折 现在打着石膏在家养着呢", "checkin unwell - unknown - no none"},
		{"我今天挺好的没有什么事情就是天气太热了不想出门", "checkin well - unknown - no none"},
		{"阳光很好", "other unknown - unknown - no none"},
		{"我哋冇事", "checkin well - unknown - no none"},
	})
}

// TestEnglishCheckin: the words of an English check-in reply — ok alone, tests and
// doses — and a surname after a title.
func TestEnglishCheckin(t *testing.T) {
	checkCases(t, []parseCase{
		{"ok", "checkin well - unknown - no none"},
		{"OK!", "checkin well - unknown - no none"},
		{"ok but dizzy", "checkin unwell - unknown - no none"},
		{"PCR negative", "checkin unknown - negative - no none"},
		{"Mum's antigen: faint second line", "checkin unknown - positive - yes none"},
		{"two jabs, antigen negative", "checkin unknown 2 negative - no none"},
		{"Had my third dose yesterday, arm a bit sore", "checkin unwell 3 unknown - no none"},
		{"Not vaccinated yet", "checkin unknown 0 unknown - no none"},
		{"This is Professor Ma. All fine here.", "checkin well - unknown - no none"},
	})
}

// TestRound29Signs: a medicine taken by mistake, vomit like coffee grounds, chest
// pressure with a cold sweat, a kitchen fire, a father with dementia not back.
func TestRound29Signs(t *testing.T) {
	checkCases(t, []parseCase{
		{"爸爸误服了妈妈的安眠药，现在老想睡", "urgent urgent - unknown - yes alarm"},
		{"爸爸吐了两次，像咖啡色的东西，现在头晕，脸色苍白", "urgent urgent - unknown - yes alarm"},
		{"Dad took a whole strip of Mum's sleeping tablets by mistake. He's getting very sleepy.", "urgent urgent - unknown - yes alarm"},
		{"Grandpa's had a heavy pressure in his chest for half an hour, cold sweat on his forehead.", "urgent urgent - unknown - yes alarm"},
		{"Fire in my kitchen! The oil pan caught, flames still there", "urgent unknown - unknown - no alarm"},
		{"Dad went out for a walk this morning and still isn't back. He has early dementia.", "urgent urgent - unknown - yes alarm"},
		{"我姐在东北摔了一跤，骨折了，她儿子在那边照顾，我想过去看看，可我这腿也走不了远路", "checkin unwell - unknown - no none"},
	})
}

// TestEnglishRecovered: recoveries and the family's "everyone fine" read as well, a
// hope for others as a blessing, and burnt food is no fever (in Chinese either).
func TestEnglishRecovered(t *testing.T) {
	checkCases(t, []parseCase{
		{"Covid done! Tested negative today, no more fever, eating like a horse.", "checkin well - negative - no none"},
		{"Mum is fully over the flu, back to dancing in the living room.", "checkin well - unknown - yes none"},
		{"Fever broke overnight, 36.8 this morning, feel normal again.", "checkin well - unknown - no none"},
		{"Not a fall, Grandpa dropped the rice cooker lid, everyone fine.", "checkin well - unknown - yes none"},
		{"Saw an ambulance outside the next compound this morning, hope everyone's OK.", "other unknown - unknown - no none"},
		{"Grandpa keeps saying he wishes he could go to sleep and not wake up", "urgent urgent - unknown - yes alarm"},
		{"The fire alarm went off because I burnt the fish, windows open now, all fine here.", "checkin well - unknown - no none"},
		{"饭烧糊了，都好", "checkin well - unknown - no none"},
	})
}

// TestRound29English: first person is the writer, news and TV are hearsay, a fire or
// ambulance that was not ours, a fall with the back of the head hit, a fraud by a
// "policeman" on a video call, and a medicine taken instead of one's own.
func TestRound29English(t *testing.T) {
	checkCases(t, []parseCase{
		{"Someone posted there's a gas leak at the east gate?? I don't smell anything here, we're fine.", "checkin well - unknown - no none"},
		{"Saw on the news an old man slipped on the ice in Harbin and lay there an hour. So sad.", "other unknown - unknown - no none"},
		{"Saw on TV an old lady was tricked out of 500,000 by a fake policeman. Terrible.", "other unknown - unknown - no none"},
		{"The security guard says an ambulance came for somebody at 3am. Not us, we're fine.", "checkin well - unknown - no none"},
		{"He went down in the shower and hit the back of his head, now he's throwing up", "urgent urgent - unknown - no alarm"},
		{"Grandma is on a video call with a policeman who told her to tell nobody, she's leaving for the bank now.", "urgent unknown - unknown - yes alarm"},
		{"Dad took Mum's sleeping tablets instead of his own by mistake, about 6 of them", "urgent unknown - unknown - yes alarm"},
		{"No, Dad hasn't been scammed, he only liked the video, didn't pay anything.", "other unknown - unknown - yes none"},
		{"Grandpa has 39.4, drinking water, chatting normally with us.", "checkin unwell - unknown - yes confirm"},
		{"爷爷39.4，喝水聊天都正常", "checkin unwell - unknown - yes confirm"},
		{"买了36.5元的菜", "other unknown - unknown - no none"},
		{"How do I send a voice message in this app? My son usually does it for me.", "other unknown - unknown - no none"},
	})
}

// TestWordsCameOutWrong: a passing speech sign in English starts an alert (confirm or,
// with the resemblance model, alarm: the model decides which, not this test).
func TestWordsCameOutWrong(t *testing.T) {
	r := Parse("Mom just called, she said she felt dizzy this morning and her words came out wrong for a minute, now she's normal again. Should we worry?")
	if r.Alert == AlertNone {
		t.Errorf("a passing speech sign starts no alert: %+v", r.Findings)
	}
}

// TestCarerAway: a carer away for a while asks to confirm only when the elder is alone.
func TestCarerAway(t *testing.T) {
	checkCases(t, []parseCase{
		{"奶奶一个人在家，保姆回老家了，下个月才来，能不能帮忙去看看", "checkin unknown - unknown - yes confirm"},
		{"保姆回老家了", "other unknown - unknown - no none"},
	})
}

// TestRound30: "fine, but" errands are no complaint, a fraud stopped is over, a slip
// with nothing hurt is mitigated, a question asked both ways (好不好) or the northern
// way (能吃柿子不) is general, and 一动不动 is no question.
func TestRound30(t *testing.T) {
	checkCases(t, []parseCase{
		{"没有不舒服 就是起晚了没看见群里消息", "checkin well - unknown - no none"},
		{"没头晕没胸闷，血压也正常，就是来群里冒个泡", "checkin well - unknown - no none"},
		{"挺好的，就是耳朵越来越背了", "checkin unwell - unknown - no none"},
		{"老伴接了个推销保健品的电话 非让人家送货上门 我给拦下了 一分钱没花", "other unknown - unknown - yes none"},
		{"我爸今天说他想从楼上跳下去，被我拦住了", "urgent urgent - unknown - yes alarm"},
		{"早上在冰上出溜了一下 孙子给扶起来的 哪也不疼 啥事没有", "checkin unwell - unknown - no none"},
		{"高血压的人冬天早上出去锻炼好不好", "other unknown - unknown - no none"},
		{"糖尿病人能吃柿子不", "other unknown - unknown - no none"},
		{"从窗户往里看，对门李伯伯躺在地上一动不动", "urgent urgent - unknown - no alarm"},
	})
}

// TestWriterAndFarewell: a child's own complaint beside a parent's news is not the
// parent's (a cry for help, 120 called, stays the writer's to make); indirect farewells
// (passwords left written down, "don't be sad", a last word to the group) are alarms.
func TestWriterAndFarewell(t *testing.T) {
	checkCases(t, []parseCase{
		{"我妈挺好的，倒是我自己这两天胸口闷得慌，明天去医院看看", "checkin well - unknown - yes none"},
		{"老豆啱啱饮茶饮到一半，半边面塌咗落嚟，讲嘢都唔清楚，我而家打紧120", "urgent urgent - unknown - yes alarm"},
		{"我爸这几天老说活够本了，今天跟我妈说存折密码写在本子上了，让我们以后别难过，我觉得不对劲", "urgent urgent - unknown - yes alarm"},
		{"各位老同事，这是我最后一次在群里说话了，以后大家多保重", "urgent urgent - unknown - no alarm"},
	})
}

// TestWatched: family or neighbours keeping watch are no doctor: a sign of the body
// stays an alarm (round 32; round 30 had lowered it to confirm); a hospital ward or CCU
// is care; a neighbour's fraud is theirs.
func TestWatched(t *testing.T) {
	checkCases(t, []parseCase{
		{"公公胸口疼了快半个钟头了，一直疼到后背，脸刷白还想吐，我老公开车在回来的路上，我跟孩子在家守着", "urgent urgent - unknown - yes alarm"},
		{"老张刚才在楼道里一头栽下去了 人躺地上不动弹 我们几个邻居在边上守着 他老伴吓得直哭", "urgent urgent - unknown - no alarm"},
		{"诸大爷昨晚胸痛送了市一院，现在在CCU，家属陪着", "checkin unwell - unknown - yes none"},
		{"我妈刚才有点低血糖，喝了糖水，现在测5.6，人清醒了，我在旁边看着", "checkin unwell - unknown - yes none"},
		{"邻居家老头被骗了十几万，我们家都挺好", "checkin well - unknown - no none"},
	})
}

// TestRound30Words: a sugar measured without its name, an answer not given, the
// money already moved to a caller, a wound to dress, a throat like a knife, dialect.
func TestRound30Words(t *testing.T) {
	checkCases(t, []parseCase{
		{"老伴打完胰岛素没吃上饭 测了3.4 手抖 一身汗 喂了点糖水还是这样", "urgent urgent - unknown - yes alarm"},
		{"老伴坐沙发上说着话就歪过去了 半分钟才缓过来 现在人迷迷糊糊的 问啥都不搭腔", "urgent urgent - unknown - yes alarm"},
		{"刚才把五万块转给一个说是公安局的，挂了电话才反应过来，咋办啊", "urgent unknown - unknown - no alarm"},
		{"我爸今天把他的存款都轉給了我，說以後用不上了", "urgent urgent - unknown - yes alarm"},
		{"腿上伤口该换药了", "checkin unwell - unknown - no none"},
		{"谢谢社区医生上门，我爸的伤口拆线了，长得挺好", "checkin well - unknown - yes none"},
		{"抗原两道杠，阳了，嗓子跟刀割一样", "checkin unwell - positive - no none"},
		{"伊拉讲冬天汏浴水勿好太烫，会晕过去额，是真额伐", "other unknown - unknown - no none"},
		{"新闻上说今年流感厉害，好多老人都住院了", "other unknown - unknown - no none"},
	})
}

// TestRound30English: a typed "Kant", a wish to join a late spouse with things given
// away, sudden disorientation after a normal breakfast.
func TestRound30English(t *testing.T) {
	checkCases(t, []parseCase{
		{"Sir keep saying he want to go and join Madam (his late wife). Today he give away his watch and his books to me.", "urgent urgent - unknown - yes alarm"},
		{"My wife keeps asking what year it is and where we are. She was chatting normally at breakfast. I'm frightened", "urgent urgent - unknown - yes alarm"},
	})
}

// TestRound31: a heart told as 心里头 with a cold sweat and nausea, pills hoarded
// (攒好了 is no recovery), an indirect farewell in Cantonese, a scald that took the
// skin, confusion that was not there last night, and frauds stopped in time.
func TestRound31(t *testing.T) {
	checkCases(t, []parseCase{
		{"我爸说心里头堵得慌，一直往下淌冷汗，还恶心想吐", "urgent urgent - unknown - yes alarm"},
		{"老伴走了一个月了，俺心里头堵得慌，天天想他", "checkin unwell - unknown - yes none"},
		{"活到这把年纪，天天关在屋里，我真不知道还熬个什么劲，药我都攒好了", "urgent urgent - unknown - no alarm"},
		{"林伯今日敲門時講『你哋唔使再嚟啦，過兩日就唔使麻煩你哋』", "urgent urgent - unknown - no alarm"},
		{"一壶开水全打翻在脚面上了，烫起一大片泡，皮都脱下来了", "urgent urgent - unknown - no alarm"},
		{"我爸差点被短信骗了，链接点开了但没输密码，卡也查了钱都在", "other unknown - unknown - yes none"},
	})
}

// TestRound31English: English strokes, hearts, breathing and despair in the elders' own
// words, a blood pressure spelt out, and pinyin of a fall that starts with 我.
func TestRound31English(t *testing.T) {
	checkCases(t, []parseCase{
		{"Old man says his heartburn is crushing and going down his left arm, he's been sick twice.", "urgent urgent - unknown - no alarm"},
		{"Pressure's two hundred and four over one-ten, feel muddled and my chest is tight", "urgent urgent - unknown - no alarm"},
		{"I have been putting my sleeping tablets aside for some weeks. Please tell the children I love them.", "urgent urgent - unknown - no alarm"},
		{"wo die dao le, tui dong bu liao", "urgent urgent - unknown - no alarm"},
	})
}

// TestRound32: a stroke or a fall is no less urgent for a carer or neighbour watching;
// a stranger collapsing before a doctor who took her away is someone else's; a shroud
// brought out is a farewell; seeing people on the wall is confusion; a phone that 不行了
// is the phone's.
func TestRound32(t *testing.T) {
	checkCases(t, []parseCase{
		{"老陈出院才三天，今早起来右边脸耷拉下来了，说话含含糊糊的，护工在旁边守着", "urgent urgent - unknown - no alarm"},
		{"凌晨三点看见8栋刘奶奶穿着睡衣在小区大门口转，问她住哪她说不知道，我先陪着她", "checkin unknown - unknown - yes confirm"}, // health unknown as labelled (lost, nothing told of the body),
		{"今天去复查，候诊的时候前面一个老太太突然倒了，医生马上推走了，吓我一跳", "other unknown - unknown - no none"},
		{"妈妈今天说“你们别管我了，我收拾好就去找你爸”，还把寿衣翻出来了", "urgent urgent - unknown - yes alarm"},
		{"爸爸这三四天晚上老说看见墙上有人，白天还好", "checkin unwell - unknown - yes confirm"},
		{"我刚才说“不行了”是说手机不行了，没电了，人没事", "checkin well - unknown - no none"},
	})
}

// TestRound32English: mixed English and Chinese from families abroad.
func TestRound32English(t *testing.T) {
	checkCases(t, []parseCase{
		{"Mum is super drowsy, keeps nodding off mid sentence and I can't keep her awake on the call, this came on in the last hour", "urgent urgent - unknown - yes alarm"},
		{"Mum left the gas on, the whole flat stinks of 煤气, she says she's dizzy with a headache", "urgent urgent - unknown - yes alarm"},
		{"Neighbour's kitchen caught fire this afternoon, firemen came, nobody hurt, our flat is untouched.", "checkin well - unknown - no none"},
	})
}
