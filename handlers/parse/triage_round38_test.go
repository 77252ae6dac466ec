package parse

// Round 38 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestLiteralEnglish: English translated word for word from Chinese (no power, big
// toilet, thinking not open, lift not up) reads as the Chinese it came from.
func TestLiteralEnglish(t *testing.T) {
	checkCases(t, []parseCase{
		{"Me 78 years old, grandson help me type. Just now my right hand and right leg both no power, phone drop on floor, walk not straight", "urgent urgent - unknown - no alarm"},
		{"My big toilet is black like the road asphalt since yesterday, today stand up head dizzy and eye black", "checkin unwell - unknown - no confirm"},
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
