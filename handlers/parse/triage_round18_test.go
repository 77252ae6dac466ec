package parse

import "testing"

// TestTriageRound18 holds what round 18 (tuned on AO, AP and AQ) changed.
func TestTriageRound18(t *testing.T) {
	checkCases(t, []parseCase{
		// what the writer heard someone say is hearsay, into the next clause
		{"听楼下说，三号楼有人让人骗走十几万，真吓人", "other unknown - unknown - no"},
		{"刚才听到里面有人哼哼，敲门没人应", "urgent urgent - unknown - no"},
		// a young stranger, a grandchild, a young neighbour: not the elder
		{"公园里一个跑步的小伙子倒地上了，有个医生在给他做心肺复苏", "other unknown - unknown - no"},
		{"对门那户年轻人家里煤气漏了，物业已经来处理了，我家门窗都开着呢", "other unknown - unknown - no"},
		{"孙子打游戏输了在屋里喊救命，把我吓一跳", "other unknown - unknown - no"},
		// …but a fraud naming a grandchild and a carer who cannot come are the elder's
		{"有人打电话冒充我孙子，要我马上转五万块钱", "urgent unknown - unknown - no"},
		{"保姆发烧39度，今天来不了，我妈一个人在家", "checkin unknown - unknown - yes confirm"},
	})
}
