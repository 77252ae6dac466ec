package parse

// Round 37 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestDictatedEnglish: the homophones of voice dictation (breed, coffin, pleasure,
// joking on) read as the words meant.
func TestDictatedEnglish(t *testing.T) {
	checkCases(t, []parseCase{
		{"I can't breed please help", "urgent urgent - unknown - no alarm"},
		{"I've been coffin up blood this morning quite a lot bright red in the tissue", "urgent urgent - unknown - no alarm"},
		{"blood pleasure this morning 128 over 78 feeling good", "checkin well - unknown - no none"},
		{"grandpa is joking on a piece of meat he can't breathe or talk", "urgent urgent - unknown - yes alarm"},
	})
}

// TestRound37Words: "since supper, still like this" is now, not always; gas left on
// after the flame went out; a visit that found the elder well; a network or a phone
// that "has fits" or "is poisoned".
func TestRound37Words(t *testing.T) {
	checkCases(t, []parseCase{
		{"2 胸口闷得喘不上气 还恶心想吐 喝罢汤到现在一直这样 不得劲得很", "urgent urgent - unknown - no alarm"},
		{"袁奶奶家一股煤气味，敲门半天才开，灶上烧水火被扑灭了还开着气，我们先开窗了", "urgent unknown - unknown - yes alarm"},
		{"管大爷把手机摔坏了，所以这两天联系不上，我刚上门看过，人挺好", "checkin well - unknown - yes none"},
		{"这网咋老抽风 视频一会儿卡一会儿卡", "other unknown - unknown - no none"},
		{"俺手机中毒了？老弹广告", "other unknown - unknown - no none"},
	})
}
