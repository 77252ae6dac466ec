package parse

// Round 34 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestAmericanUnits: a blood sugar above 40 is in mg/dL, a bare figure with F after it
// is Fahrenheit.
func TestAmericanUnits(t *testing.T) {
	checkCases(t, []parseCase{
		{"Dad's glucose was 340 tonight (US units, mg/dL, sorry), he seems fine in himself", "checkin unwell - unknown - yes confirm"},
		{"Mom's running 102.6 F, she's chatting and eating a little", "checkin unwell - unknown - yes confirm"},
	})
}

// TestSignAskedBothWays: a sign asked both ways (闷不闷) is asked, not told.
func TestSignAskedBothWays(t *testing.T) {
	checkCases(t, []parseCase{
		{"楼长问我胸口还闷不闷，不闷了，早好了", "checkin well - unknown - no none"},
	})
}

// TestHeartSpreads: chest tightness on exertion that spreads to the jaw is the heart's;
// a stomach pain with a cold sweat, worse than ever, too.
func TestHeartSpreads(t *testing.T) {
	checkCases(t, []parseCase{
		{"铲完雪上楼胸口就发紧，疼到下巴颏，歇了二十分钟也不见好", "urgent urgent - unknown - no alarm"},
		{"爬楼的时候胸口有点闷，歇歇就好", "checkin unwell - unknown - no confirm"},
		{"老伴说胃口那块疼，出虚汗，他有冠心病，以前从没这么疼过", "urgent urgent - unknown - yes alarm"},
	})
}

// TestRelativeTakesElder: a sister who takes the elder to hospital does not make the
// story hers.
func TestRelativeTakesElder(t *testing.T) {
	checkCases(t, []parseCase{
		{"我爸昨天中风了，我姐送他去了市一院，现在在病房，稳定", "checkin unwell - unknown - yes none"},
	})
}

// TestRound34Words: numbness explained by sleeping on the arm asks to confirm; a
// carer's care is no stay in care; Sichuan 莫 is 没; English for words that will not
// come, blue lips, a scald, a farewell, being lost in a taxi, the heating off, and
// the idioms of being lost in an app.
func TestRound34Words(t *testing.T) {
	checkCases(t, []parseCase{
		{"左手有点麻 可能是睡觉压到了", "checkin unwell - unknown - no confirm"},
		{"我妈一个人在屋头 照顾她的阿姨病了回去了 她腿脚又不方便", "checkin unwell - unknown - yes confirm"},
		{"莫发烧 莫咳嗽 也莫喘 啥子都好", "checkin well - unknown - no none"},
		{"My father-in-law suddenly can't get his words out. Started about 20 mins ago. Ambo called.", "urgent urgent - unknown - yes alarm"},
		{"Mum tipped the kettle down her leg, boiling water, blisters bigger than my hand and she's in agony", "urgent urgent - unknown - yes alarm"},
		{"Mum rang me from a taxi, she couldn't tell the driver her address and didn't know what district she was in", "urgent urgent - unknown - yes alarm"},
		{"Dad's got lost in the group-buy mini program again, can someone order him 2kg of potatoes?", "aid unknown - unknown food yes none"},
	})
}

// TestRound34More: "not sure if" is no hypothesis; an English check-in's "well" and a
// clear PCR; a disinfectant drunk for water; medicine stocked up is no hoard; the cost
// of an ambulance asked; Sichuan 巴适 typed as 八十.
func TestRound34More(t *testing.T) {
	checkCases(t, []parseCase{
		{"Not sure if this counts as urgent but Dad is very drowsy, keeps nodding off mid-sentence and isn't making any sense. He was fine last night", "urgent urgent - unknown - yes alarm"},
		{"PCR came back clear, Mum's well", "checkin well - negative - yes none"},
		{"把84当成凉白开喝了一口，嗓子火辣辣的", "urgent unknown - unknown - no alarm"},
		{"降压药备足了，攒了一个多月的量，人也挺好，放心吧", "checkin well - unknown - no none"},
		{"打120要好多钱 问一下以防万一", "other unknown - unknown - no none"},
		{"今天八十得很 出太阳了 在楼下晒了一哈", "checkin well - unknown - no none"},
	})
}
