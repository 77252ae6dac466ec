package parse

import "testing"

func TestRuleNegation(t *testing.T) {
	checkCases(t, []parseCase{
		{"没发烧", "checkin well - unknown - no"},
		{"不咳嗽", "checkin well - unknown - no"},
		{"没有什么需要", "other unknown - unknown - no"},   // negator two runes before its word
		{"无发热、咳嗽等症状", "checkin well - unknown - no"}, // negation carries through a list
		{"没发烧，头疼", "checkin unwell - unknown - no"},  // a clause ends the scope
		{"没发烧就是乏力", "checkin unwell - unknown - no"}, // so does 就是
		{"不太舒服", "checkin unwell - unknown - no"},    // a hedge that negates
		{"没摔倒", "other unknown - unknown - no"},      // a negated emergency is no signal
		{"还没做核酸", "checkin unknown - none - no"},
		{"还没出结果", "checkin unknown - pending - no"},
		{"不缺药", "other unknown - unknown - no"},
		{"没有退烧药了", "aid unknown - unknown medicine no"}, // 没有 before an object: it is lacking
	})
}

func TestRuleClauses(t *testing.T) {
	checkCases(t, []parseCase{
		{"平安，降压药快吃完了", "aid well - unknown medicine no"},
		{"身体好，不缺药，就是缺菜", "aid well - unknown food no"},
		{"请问明天还要报平安吗", "other unknown - unknown - no"}, // question: no well
		{"血压高怎么办？", "checkin unwell - unknown - no"},   // question: illness still counts
		{"听说隔壁有人阳了", "other unknown - unknown - no"},   // hearsay
		{"祝大家身体健康", "other unknown - unknown - no"},    // blessing
		{"大家注意身体，别感冒", "other unknown - unknown - no"}, // about others
		{"转发：吃大蒜防感冒", "other unknown - unknown - no"},  // forward
		{"https://example.com 阳性病例", "other unknown - unknown - no"},
		{"谢谢你们帮我买菜", "other unknown - unknown - no"}, // thanks carry no request
	})
}

func TestRulePastAndRecovery(t *testing.T) {
	checkCases(t, []parseCase{
		{"上周阳了现在转阴了", "checkin unknown - negative - no"}, // the latest result wins
		{"以前摔过一跤，现在好了", "checkin well - unknown - no"},
		{"去年摔倒骨折过", "checkin unwell - unknown - no"}, // a past emergency is an illness, not an emergency
		{"感冒已经好了", "checkin well - unknown - no"},
		{"感冒好多了", "checkin unwell - unknown - no"}, // recovering is not recovered
		{"平安……不对，我发烧了", "checkin unwell - unknown - no"},
	})
}

func TestRuleNearMisses(t *testing.T) {
	checkCases(t, []parseCase{
		{"今天阴天", "other unknown - unknown - no"},
		{"心态积极，身体棒", "checkin well - unknown - no"},
		{"阳光很好", "other unknown - unknown - no"},
		{"心里有点急", "other unknown - unknown - no"},
		{"手机掉地上了", "other unknown - unknown - no"},
		{"不好意思，发错了", "other unknown - unknown - no"},
		{"好人一生平安", "other unknown - unknown - no"},
		{"血压120/80", "other unknown - unknown - no"},
		{"活到120岁", "other unknown - unknown - no"},
		{"打了120", "urgent urgent - unknown - no"},
	})
}

func TestRuleMenu(t *testing.T) {
	checkCases(t, []parseCase{
		{"1", "checkin well - unknown - no"},
		{"2", "checkin unwell - unknown - no"},
		{"3", "aid unknown - unknown - no"},
		{"１", "checkin well - unknown - no"},
		{"1 平安", "checkin well - unknown - no"},
		{"2 头晕", "checkin unwell - unknown - no"},
		{"3 买菜 配药", "aid unknown - unknown food,medicine no"},
		{"2+3，发烧，没药了", "aid unwell - unknown medicine no"},
		{"1，腿疼", "checkin unwell - unknown - no"}, // the words outweigh the menu
		{"3点开始", "other unknown - unknown - no"},  // a time, not a choice
		{"12", "other unknown - unknown - no"},
		{"3针", "checkin unknown 3 unknown - no"},
	})
}

func TestRuleDoses(t *testing.T) {
	checkCases(t, []parseCase{
		{"两针", "checkin unknown 2 unknown - no"},
		{"第三针打了", "checkin unknown 3 unknown - no"},
		{"加强针打了", "checkin unknown 3 unknown - no"},
		{"３针", "checkin unknown 3 unknown - no"},
		{"打了三针", "checkin unknown 3 unknown - no"},
		{"三针打完了，第四针还没轮到", "checkin unknown 3 unknown - no"},
		{"一针没打", "checkin unknown 0 unknown - no"},
		{"没打疫苗", "checkin unknown 0 unknown - no"},
		{"疫苗在哪里打三针？", "other unknown - unknown - no"},
	})
}

func TestRuleProxy(t *testing.T) {
	checkCases(t, []parseCase{
		{"我爸挺好", "checkin well - unknown - yes"},
		{"家父平安", "checkin well - unknown - yes"},
		{"老伴咳嗽", "checkin unwell - unknown - yes"},
		{"我和老伴都好", "checkin well - unknown - no"},
		{"我是张老师的女儿，他挺好", "checkin well - unknown - yes"},
		{"我是刚进群的", "other unknown - unknown - no"},
		{"张爷爷挺好的", "checkin well - unknown - yes"},
		{"谢谢王老师", "other unknown - unknown - no"}, // a weak marker needs a report
		{"保姆回老家了", "other unknown - unknown - no"},
		{"我爸让我谢谢大家", "other unknown - unknown - yes"},
	})
}

func TestRuleMeasures(t *testing.T) {
	checkCases(t, []parseCase{
		{"体温36.5", "other unknown - unknown - no"},
		{"体温37.8", "checkin unwell - unknown - no"},
		{"38度5", "checkin unwell - unknown - no"},
		{"烧到40度", "checkin unwell - unknown - no confirm"},
		{"血氧85", "urgent urgent - unknown - no"},
		{"血氧92", "checkin unwell - unknown - no confirm"},
		{"血氧98", "other unknown - unknown - no"},
		{"今天30度，好热", "other unknown - unknown - no"},
	})
}

func TestDetailAndEvidence(t *testing.T) {
	cases := []struct {
		text, detail string
		evidence     []Evidence
	}{
		{"3，降压药快吃完了", "降压药", []Evidence{{"intent", "快吃完"}, {"needs", "降压药"}}},
		{"3 买菜 配药", "买菜、配药", []Evidence{{"intent", "3"}, {"needs", "买菜"}, {"needs", "配药"}}},
		{"需要配药：硝苯地平缓释片", "配药、硝苯地平缓释片", nil},
		{"平安", "", []Evidence{{"intent", "平安"}, {"health", "平安"}}},
		{"没发烧", "", []Evidence{{"intent", "发烧"}, {"health", "发烧"}}},
		{"我妈打了三针，核酸阴性", "", []Evidence{{"intent", "三针"}, {"doses", "三针"}, {"test", "阴性"}, {"proxy", "我妈"}}},
		{"家里没有退烧药", "退烧药", []Evidence{{"intent", "没有退烧药"}, {"needs", "退烧药"}}},
	}
	for _, c := range cases {
		r := Parse(c.text)
		if r.Detail != c.detail {
			t.Errorf("Parse(%q).Detail = %q, want %q", c.text, r.Detail, c.detail)
		}
		if c.evidence != nil && !equalEvidence(r.Evidence, c.evidence) {
			t.Errorf("Parse(%q).Evidence = %v, want %v", c.text, r.Evidence, c.evidence)
		}
	}
}

func equalEvidence(a, b []Evidence) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
