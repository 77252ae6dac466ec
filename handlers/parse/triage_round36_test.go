package parse

// Round 36 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestPinyinInEnglish: in an English message, a run of pinyin words that sounds like a
// phrase of the lexicon is read as it; a name that only sounds like one (Tita) is not.
// English "or" after a negation joins a list, as 或 does: no fever or cough denies both.
func TestPinyinInEnglish(t *testing.T) {
	checkCases(t, []parseCase{
		{"laoban zou diu le! gate guard say he go out at 6 morning, now still no back", "urgent unknown - unknown - yes alarm"},
		{"bu xiang huo le. every day alone with four wall", "urgent urgent - unknown - no alarm"},
		{"xin kou very tight, like big stone press on it. cold sweat come out, 20 min already not go", "urgent urgent - unknown - no alarm"},
		{"xueya 200/115 now, head very pain, eye see blur", "urgent urgent - unknown - no alarm"}, // labelled alarm in its set; the resemblance model trained on every tuned set reads it so (round 50)
		{"heard Tita Lorna's mother fell in the bathroom, is she ok? anyone know", "other unknown - unknown - no none"},
		{"no fever or cough, just tired", "checkin unwell - unknown - no none"},
		{"no fever or cough", "checkin well - unknown - no none"},
	})
}

// TestMinnan: the words of Minnan and Teochew (伫厝, 佗位, 揣无, 瓦斯, 喙, 本底就).
func TestMinnan(t *testing.T) {
	checkCases(t, []parseCase{
		{"厝内一阵瓦斯味，阿嬷讲头壳晕", "urgent urgent - unknown - no alarm"},
		{"我毋知这是佗位，行来行去拢揣无阮厝", "urgent unknown - unknown - no alarm"},
		{"伊喙本底就歪一边，少年时讨海予风吹着留落来的，毋是今仔日才按呢", "checkin unwell - unknown - no none"},
	})
}

// TestRound36Structure: a daughter who tells that her father is lost passes the news
// on; thanks for years of care tell of no long illness; 抽屉里那个 is no drama; 这个数
// alone is no "always this figure"; 没感觉不舒服 is no numbness.
func TestRound36Structure(t *testing.T) {
	checkCases(t, []parseCase{
		{"有没有人看见5栋的周大爷？穿灰棉袄戴个毛线帽，他闺女打电话说他走丢了", "urgent unknown - unknown - yes alarm"},
		{"小李，周末平安。我存折密码写在抽屉里那个红本子上了，房子的事跟我儿子都说好了，猫托给对门了。以后就麻烦你们了，谢谢这几年照顾", "urgent urgent - unknown - no alarm"},
		{"我爸血氧夹上显示92，他说没感觉不舒服，在看电视呢，这个数要紧不？", "checkin unwell - unknown - yes confirm"},
	})
}

// TestParting: thanks for the years with one's affairs told (where the passbook is,
// "I won't be needing anything") is a farewell; the heart's pain in the back with a
// grey face and a sweat is the heart's.
func TestParting(t *testing.T) {
	checkCases(t, []parseCase{
		{"各位老同事 这些年谢谢大家照顾 以后就不跟大家唠了 存折在柜子第二层", "urgent urgent - unknown - no alarm"},
		{"Please tell the office thank you for all these years. I have put the bankbook and the keys in the red box for my son. I won't be needing anything anymore.", "urgent urgent - unknown - no alarm"},
		{"出院了，谢谢这几年照顾，今天挺好", "checkin well - unknown - no none"},
		{"My husband insists it's only indigestion, but he's grey, sweating, and the pain goes right through to his back.", "urgent urgent - unknown - yes alarm"},
	})
}
