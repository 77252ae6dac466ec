package parse

// Round 38 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestLiteralEnglish: English translated word for word from Chinese (no power, big
// toilet, thinking not open, lift not up) reads as the Chinese it came from.
func TestLiteralEnglish(t *testing.T) {
	checkCases(t, []parseCase{
		{"Me 78 years old, grandson help me type. Just now my right hand and right leg both no power, phone drop on floor, walk not straight", "urgent urgent - unknown - no alarm"},
		{"My big toilet is black like the road asphalt since yesterday, today stand up head dizzy and eye black", "urgent urgent - unknown - no alarm"}, // labelled alarm in its set; the resemblance model trained on every tuned set reads it so (round 50)
		{"I am thinking not open these days. Tonight I write a letter to my son. Nobody need me", "urgent urgent - unknown - no alarm"},
		{"Somebody in group say my grandpa fall down? No this thing! He good, sitting watch TV", "checkin well - unknown - yes none"},
	})
}

// TestStaffRelay: a doctor relaying a report (医生转：) is no forwarded notice; a
// pharmacist's warning (药师提醒：) still is.
func TestStaffRelay(t *testing.T) {
	checkCases(t, []parseCase{
		{"家庭医生转：孙XX 今晨咯血约半杯，伴胸闷", "urgent urgent - unknown - no alarm"},
		{"药师提醒：华法林和阿司匹林一起吃出血风险大，别自己加药", "other unknown - unknown - no none"},
	})
}

// TestNorthwest: Shaanxi and Gansu words (额家, 么吃的, 阿达, 出不上气).
func TestNorthwest(t *testing.T) {
	checkCases(t, []parseCase{
		{"额出来取药，转来转去找不着回去的路了，这是阿达嘛", "urgent unknown - unknown - no alarm"},
		{"伊拉讲冬天汏浴水勿好太烫，会晕过去额，是真额伐", "other unknown - unknown - no none"},
	})
}

// TestReadingLists: a grid worker's list of readings after a header (血氧测了一圈：…,
// 血压：\n乐阿姨 125/80\n…) reads every figure as the header's measure, and the alert
// quotes the name with the figure.
func TestReadingLists(t *testing.T) {
	checkCases(t, []parseCase{
		{"3号楼血氧测了一圈：许阿姨97，何叔96，吕奶奶86，吕奶奶说她没啥不舒服", "urgent urgent - unknown - yes alarm"},
		{"量了一圈血压：\n乐阿姨 125/80\n于叔 185/105 他说没啥感觉\n时奶奶 140/85", "checkin unwell - unknown - yes confirm"},
		{"血压：张大爷135/80，王奶奶128/76", "other unknown - unknown - no none"},
	})
	r := Parse("29号楼血氧：\n欧阳阿姨 98\n司马叔 91 有点咳\n上官奶奶 97")
	if r.Alert != AlertConfirm || len(r.Findings) == 0 || r.Findings[0].Quote != "司马叔 91" {
		t.Errorf("a list's low figure: alert %s, findings %+v; want confirm quoting 司马叔 91", r.Alert, r.Findings)
	}
}
