package parse

// Round 39 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestStoveForHeat: a gas hob kept on for warmth is a stove's fumes: with dizziness or
// drowsiness it is an alarm.
func TestStoveForHeat(t *testing.T) {
	checkCases(t, []parseCase{
		{"开着燃气灶烧水取暖烧了一晚上，现在头晕乎乎的，想睡", "urgent urgent - unknown - no alarm"},
	})
}

// TestColdDespair: 冻死算了 wishes for death; 冻死我了 is only the cold.
func TestColdDespair(t *testing.T) {
	checkCases(t, []parseCase{
		{"冻死算了，一个人熬着有啥意思", "urgent urgent - unknown - no alarm"},
		{"冻死我了，暖气啥时候来", "other unknown - unknown - no none"},
	})
}

// TestOxygenWithoutPower: an oxygen machine in a power cut asks a person to look; a carer
// who falls ill with the elder leaves no one to care.
func TestOxygenWithoutPower(t *testing.T) {
	checkCases(t, []parseCase{
		{"停电了，我爸用着制氧机呢，谁家有发电机或者大充电宝能借一下", "checkin unknown - unknown - yes confirm"},
		{"制氧机没电了，来电了，没事了", "checkin well - unknown - no none"},
		{"我老伴病倒了，平时都是他照顾我，现在俩人都躺床上", "checkin unwell - unknown - yes confirm"},
	})
}

// TestSinceThen: 上周开始 and "since last week" run until now; a past week alone is past.
func TestSinceThen(t *testing.T) {
	checkCases(t, []parseCase{
		{"上周开始老伴有时候不知道今天几号，把鞋放冰箱里，以前不这样", "checkin unwell - unknown - yes confirm"},
		{"前几天开始胸口闷", "checkin unwell - unknown - no confirm"},
		{"上周摔了一跤，现在好了", "checkin well - unknown - no none"},
		{"Since last week my husband sometimes does not know what day it is, he put his shoes in fridge. Before he was not like this.", "checkin unwell - unknown - yes confirm"},
		{"mom has stopped eating her meals she just pushes the bowl away since the weekend", "checkin unwell - unknown - yes confirm"},
	})
}

// TestTodaysFigure: a figure told with 今天 after yesterday's story is today's reading of
// the same measure.
func TestTodaysFigure(t *testing.T) {
	checkCases(t, []parseCase{
		{"血糖昨天低，3.4，吃了块糖就好了，今天6.1", "checkin well - unknown - no none"},
		{"血压昨天130，吃了药，睡了一觉，今天190", "checkin unwell - unknown - no confirm"},
		{"Yesterday my sugar was low, 3.4, I eat candy and it was fine. Today 6.1.", "checkin well - unknown - no none"}, // well since round 67: the figure read again is the present
	})
}

// TestNotTheirs: a classmate's father, a friend's husband, a chat's story; a near miss
// of a scam; a stroke asked about; a smell denied; a mouthful of water.
func TestNotTheirs(t *testing.T) {
	checkCases(t, []parseCase{
		{"我同学她爸前天夜里中风了，你们家老人也多注意", "other unknown - unknown - no none"},
		{"我朋友在北京，她老伴昨天心梗，救护车叫了好久", "other unknown - unknown - no none"},
		{"我妈在北京，她老伴昨天心梗", "checkin unwell - unknown - yes confirm"},
		{"我刚才差点儿让骗子骗了，好在我闺女拦着了，钱没转", "other unknown - unknown - no none"},
		{"中风有啥先兆，我想记下来", "other unknown - unknown - no none"},
		{"没有煤气味，刚才是蜡烛的味儿", "other unknown - unknown - no none"},
		{"打嗝打了一上午，喝了口水好了", "checkin well - unknown - no none"},
		{"我妈胸口疼，救护车已经拉到市一院了，正在做心电图，有消息再说", "checkin unwell - unknown - yes none"},
		{"My friend in Beijing, her husband had heart attack yesterday, they could not get ambulance for long time.", "other unknown - unknown - no none"},
		{"Korean community chat says one grandmother in Hongqiao fell and nobody help for 3 hours. So sad.", "other unknown - unknown - no none"},
		{"The ambulance took Ron to Tongren an hour ago, the doctors are seeing him now. Will update.", "checkin unwell - unknown - no none"},
		{"坐着没动心率125，也没觉得难受", "checkin unwell - unknown - no confirm"},
		{"胸口发沉，跟以前一样，变天就这样", "checkin unwell - unknown - no confirm"},
	})
}

// TestRetireesEnglish: the English of foreign retirees and their spouses (round 39).
func TestRetireesEnglish(t *testing.T) {
	checkCases(t, []parseCase{
		{"Choked up watching the volunteers today. What a community. Thank you all.", "other unknown - unknown - no none"},
		{"I fall in love again with this city when I see spring flowers from my window", "other unknown - unknown - no none"},
		{"Could someone help me get my blood pressure tablets (amlodipine) from Huashan? Prescription's ready, I've got the slip.", "aid unknown - unknown medicine no none"},
		{"Saturation 84, I measure three times. Husband says leave me, is ok. Not ok.", "urgent urgent - unknown - no alarm"},
		{"Can't seem to catch my breath at all tonight, even sitting still in my chair. Not the usual stairs business.", "urgent urgent - unknown - no alarm"},
		{"I am tired to live. Every day same four walls. I wrote to my son where are documents and money.", "urgent urgent - unknown - no alarm"},
		{"Cut my hand on a broken jar, it's pumping through the tea towel and won't stop. I'm on rivaroxaban.", "urgent urgent - unknown - no alarm"},
		{"Nobody would notice if I just didn't wake up. I've been keeping my sleeping tablets in a drawer.", "urgent urgent - unknown - no alarm"},
		{"My husband call me, he say he is at a big road, he cannot find home, he don't know the road name.", "urgent unknown - unknown - yes alarm"},
	})
}
