package parse

import "testing"

// TestEnglish: an English sentence stays one clause (its spaces are joined, not made
// separators) and its words for the discriminators read as the Chinese ones, so a
// child abroad is heard; someone else's heart attack is someone else's.
func TestEnglish(t *testing.T) {
	checkCases(t, []parseCase{
		{"Grandma face droops on one side and she cant lift her arm pls help", "urgent urgent - unknown - yes"},
		{"my grandma passed out just now not responding", "urgent urgent - unknown - yes"},
		{"oxygen 87 grandpa breathing so fast", "urgent urgent - unknown - yes"},
		{"My dad has chest pain and is sweating a lot", "urgent urgent - unknown - yes"},
		{"My friend's mother in Vancouver just had a heart attack 😢 prayers please", "other unknown - unknown - no"},
		{"my grandma is fine, she says hi", "checkin well - unknown - yes"},
	})
}

// TestRound21: a word broken into single characters by spaces (憋 气 上不来) is joined;
// a chest told as 心窝子 or 胸骨后, a stent had told with its count, a bridge one cannot
// name, a mood not right after "fine, but".
func TestRound21(t *testing.T) {
	checkCases(t, []parseCase{
		{"憋 气 上不来", "urgent urgent - unknown - no"},
		{"没摔 别瞎传 好好的", "checkin well - unknown - no"},
		{"老伴说心窝子疼，连着胃也疼，吐了一次，有点喘，他装过两个支架的", "urgent urgent - unknown - yes"},
		{"爷爷打电话说他在一座大桥底下，说不出是哪座桥，电话里风呼呼的", "urgent urgent - unknown - yes"},
		{"身体没毛病，就是心里不痛快，儿子半年没来电话了", "checkin unwell - unknown - no"},
	})
}

// TestEnglishWords: single English words of the parts compose within the sentence they
// share (chest … hurts … sweating); not and doesnt negate; a rash is a complaint.
func TestEnglishWords(t *testing.T) {
	checkCases(t, []parseCase{
		{"Mom says her chest hurts and she is sweating", "urgent urgent - unknown - yes"},
		{"dad fell on the floor and cant get up", "urgent urgent - unknown - yes"},
		{"she says she doesnt want to live anymore", "urgent urgent - unknown - no"},
		{"Mom is not eating for three days", "checkin unwell - unknown - yes confirm"},
		{"My grandma insists she's perfectly fine but she's been scratching a rash on her arm for days", "checkin unwell - unknown - yes"},
		{"mom has a cough but no fever", "checkin unwell - unknown - yes"},
	})
}

// TestRound23: a fear of fraud is no fraud; a knee that is "不行了" is a knee, not a
// life. (English conditionals, hearsay, friends and wards were tried and taken out:
// they cost emergencies on the English set BC.)
func TestRound23(t *testing.T) {
	checkCases(t, []parseCase{
		{"我怕我妈被那些冒充公安的骗，你们能不能上门给她讲讲反诈？", "other unknown - unknown - yes"},
		{"都蛮好，不过膝盖又不行了，上楼梯费劲", "checkin unwell - unknown - no"},
		{"我不行了，快来人", "urgent urgent - unknown - no"},
	})
}
