package parse

// Round 67 of the triage layer (docs/triage.md): the cases each change was made for,
// in words of our own (not the held-out sets' lines).

import "testing"

// TestRound67Alarms: poison swallowed with a spouse entrusted (让我照顾好: a farewell, not
// care), a fall alert with no answer and an elder lying still on camera (一动不动; the
// camera's 头 is no head), a sugar told as 测的糖, a bite followed by fever and no breath
// (被狗咬: the dog acts on the elder, the clause is hers).
func TestRound67Alarms(t *testing.T) {
	checkCases(t, []parseCase{
		{"我爸打电话说他把敌敌畏喝了，让我照顾好我妈", "urgent urgent - unknown - yes alarm"},
		{"我妈手环报了摔倒，电话不接，看监控她躺在厨房一动不动", "urgent urgent - unknown - yes alarm"},
		{"外婆测的糖是2.7，手一直抖", "urgent urgent - unknown - yes alarm"},
		{"被狗咬了以后腿肿得发亮，今天烧到39.5，喘不上来", "urgent urgent - unknown - no alarm"},
	})
}

// TestRound67Calm: a watch's fall alert pressed away, the elder fine.
func TestRound67Calm(t *testing.T) {
	checkCases(t, []parseCase{
		{"手环的跌倒提醒又响了，她自己按掉了，人好好的", "checkin well - unknown - no none"},
	})
}

// TestRound67Endings: a complaint that has stopped ends itself and nothing else (不X了,
// 不X啦: the change of state after a negated complaint), a word of ending (退了, 消了,
// 愈合了) ends the complaint told before it and says nothing alone, and a figure that a
// later reading finds normal is over, unless medicine brought it down.
func TestRound67Endings(t *testing.T) {
	checkCases(t, []parseCase{
		// ended: the complaint named, its subject, the last clause that told one
		{"上午胃里翻得难受，喝了碗小米粥，现在不反胃了", "checkin well - unknown - no none"},
		{"老伴的湿疹早就不痒了", "checkin well - unknown - yes none"},
		{"昨晚腰有点疼，今天起来不疼了", "checkin well - unknown - no none"},
		{"脖子上起的红疹子，抹了药膏，今天都消了", "checkin well - unknown - no none"},
		{"外公嘴里的溃疡愈合了", "checkin well - unknown - yes none"},
		{"低热两天，昨晚退了", "checkin well - unknown - no none"},
		// not ended: another complaint, one that goes on, a lessening, a relapse, a correction
		{"嗓子还是哑，不发烧了", "checkin unwell - unknown - no none"},
		{"腿还有点肿，不疼了", "checkin unwell - unknown - no none"},
		{"咳嗽好多了，晚上不大咳了", "checkin unwell - unknown - no none"},
		{"吃了退烧药退了又烧起来，三十八度五", "checkin unwell - unknown - no none"},
		{"胳膊上的淤青比前天消了些", "checkin unwell - unknown - no none"},
		// alone, a word of ending says nothing about health
		{"买多的菜退了，钱也退回来了", "other unknown - unknown - no none"},
		// a figure read again
		{"血氧仪刚才显示88，手太凉了，捂热再夹是97", "checkin well - unknown - no none"},
		{"老爷子爬完楼梯脉搏一百一十几，歇了一刻钟回到72", "checkin well - unknown - yes none"},
		{"早上血压一百七，吃了药降到一百三", "checkin unwell - unknown - no none"},
	})
}

// TestRound67SplitComplaints: a complaint whose verb and object a count splits (拉了三回
// 肚子, 跑了五趟厕所) is the complaint, after a well too.
func TestRound67SplitComplaints(t *testing.T) {
	checkCases(t, []parseCase{
		{"都挺好，就是老伴夜里拉了三回肚子", "checkin unwell - unknown - no none"},
		{"我还行，一上午跑了六趟厕所", "checkin unwell - unknown - no none"},
	})
}

// TestRound67FromHUHZ: what HU–HZ (round 67's blind sets, read once they had measured
// it) missed, in words of our own: a scam's story (a health consultant paid, the
// medical-insurance card "in trouble", bail money waiting in cash, the card number
// typed into a link), nonsense talk that is confusion (乱说话, not 乱说: a denial),
// double sight told as 看什么都是俩, a knock to the head on a blood thinner, a farewell
// that will no longer burden the family, a whole bottle of pills, sight blurred of a
// sudden.
func TestRound67FromHUHZ(t *testing.T) {
	checkCases(t, []parseCase{
		{"我爸这个月给那个健康顾问转了两万多，昨天又转了五千", "urgent unknown - unknown - yes alarm"},
		{"有人打电话说我的医保卡出事了，让我去银行转钱", "urgent unknown - unknown - no alarm"},
		{"门口有人等着拿保释金，钱我都取好了", "urgent unknown - unknown - no alarm"},
		{"我在那个链接里填了卡号和密码，钱还没少", "urgent unknown - unknown - no alarm"},
		{"外公中午突然乱说话，说屋里有小孩在跑", "urgent urgent - unknown - yes alarm"},
		{"奶奶早上起来看什么都是俩，站不稳", "urgent urgent - unknown - yes alarm"},
		{"老伴脑袋磕在桌角上了，他天天吃着华法林", "urgent urgent - unknown - yes alarm"},
		{"攒了好些药，以后不再拖累孩子们了", "urgent urgent - unknown - no alarm"},
		{"降压药一整瓶都吃了", "urgent urgent - unknown - no alarm"},
		{"早上起来看东西突然有点模糊，精神还行", "checkin unwell - unknown - no confirm"},
	})
}
