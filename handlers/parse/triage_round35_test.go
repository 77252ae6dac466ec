package parse

// Round 35 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestClinicalShorthand: the shorthand of care-station staff — HR, T, SOB, NAD, BGL —
// reads as its words; "no SOB" denies a sign and says nothing of dying.
func TestClinicalShorthand(t *testing.T) {
	checkCases(t, []parseCase{
		{"HR 128 resting Mrs Jia, no c/o, rechecking in 15", "checkin unwell - unknown - no confirm"},
		{"Obs Mr Wen: BP 134/82, HR 76, SpO2 97% RA, T 36.6. NAD.", "checkin well - unknown - no none"},
		{"Temp 39.0 Mr Luo, shivery, otherwise alert. No SOB.", "checkin unwell - unknown - no confirm"},
		{"Old Mr Wei knocked the kettle over his legs, big blisters, skin coming off, he's shaking", "urgent urgent - unknown - no alarm"},
	})
}

// TestRound35Words: Wu dialect (勒, 关脱, 呒没的事体), 从小区 is no "since childhood",
// pills swallowed by the handful, a farewell, an ambulance heard in the street, and
// numbness from sleeping on the arm.
func TestRound35Words(t *testing.T) {
	checkCases(t, []parseCase{
		{"姆妈从小区后门走出去了，保安讲看到伊往河边去了，到现在两个钟头寻勿着", "urgent unknown - unknown - yes alarm"},
		{"我老头子吃药吃错了，降糖药一把吞了五六粒，现在人有点迷糊", "urgent urgent - unknown - yes alarm"},
		{"群里讲我跌跤了？呒没的事体，我好好的", "checkin well - unknown - no none"},
		{"我这把年纪也够了 走了也好 省得给你们添麻烦 别告诉我闺女", "urgent urgent - unknown - no alarm"},
		{"右手有点麻 麻了一晚上了 可能是睡觉压着了", "checkin unwell - unknown - no confirm"},
	})
}
