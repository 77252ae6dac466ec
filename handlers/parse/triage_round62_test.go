package parse

// Round 62 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestViolenceAtHome: a weapon with a threat or with the elder hiding, a threat to blow
// up or burn the home, blows that hurt are alarms (police 110); being shoved now and then
// asks a person to look. A relative who holds the knife does not make it the relative's
// emergency; words said in anger at a phone are nobody's danger.
func TestViolenceAtHome(t *testing.T) {
	checkCases(t, []parseCase{
		{"儿子拿着刀说要砍死我，我躲在卧室里", "urgent unknown - unknown - no alarm"},
		{"女婿喝多了抄起菜刀在屋里乱砍，我躲在厕所里不敢出来", "urgent unknown - unknown - no alarm"},
		{"老伴喝了酒就动手打我，今天把我推倒了，头磕在桌角上流血了", "urgent unknown - unknown - yes alarm"},
		{"儿媳妇天天骂我，偶尔推搡几下", "checkin unknown - unknown - no confirm"},
		{"气得我想砍人，这破手机", "other unknown - unknown - no none"},
		{"孙子在学校跟同学打架，被人打了一拳", "other unknown - unknown - no none"},
	})
	if got := Parse("儿子拿着刀说要砍死我，我躲在卧室里").Findings[0].Label(); got != "人身危险：拿着刀说要砍死我，我躲在卧室" {
		t.Errorf("violence label %q", got)
	}
}

// TestRound62Alarms: a fall from a stool (从小马扎 is no "from childhood"), oil alight in
// the pan, a wish to join a parent who died with things given away, blood vomited by one
// who sulks (赌气 is no joke), one who barely opens the eyes when called, a burden's
// leave-taking (a blessing that is a goodbye).
func TestRound62Alarms(t *testing.T) {
	checkCases(t, []parseCase{
		{"我爸踩着小马扎够柜顶，从小马扎上摔下来了，腰疼得动不了", "urgent urgent - unknown - yes alarm"},
		{"灶上的油着了，火苗蹿得老高", "urgent unknown - unknown - no alarm"},
		{"老伴前年走的，我妈今天老说想去找他，还把首饰都分给我们了", "urgent urgent - unknown - yes alarm"},
		{"我爸吐了好多血，跟我赌气不肯去医院", "urgent urgent - unknown - yes alarm"},
		{"喊了半天才睁一下眼，话也不说", "urgent urgent - unknown - no alarm"},
		{"闺女嫌我吃白饭，以后不给她添麻烦了，各位老姐妹保重", "urgent urgent - unknown - no alarm"},
	})
}

// TestRound62Confirms: no fuel for the stove in the cold, alone; a fall last night with a
// bruise; home oxygen that will not last until the next delivery; fear alone at night; a
// painkiller run out with pain all night; meals sent back untouched for days; an old
// woman who says for days that someone steals from her.
func TestRound62Confirms(t *testing.T) {
	checkCases(t, []parseCase{
		{"家里没炭烧了，屋里冷得打哆嗦，就我一个人", "checkin unwell - unknown - no confirm"},
		{"昨天晚上去厕所跪倒了，今天膝盖青了一大块", "checkin unwell - unknown - no confirm"},
		{"我妈的氧气撑不到明天了，送气的说要后天", "checkin unknown - unknown - yes confirm"},
		{"一个人住，晚上一喘起来就怕得很", "checkin unwell - unknown - no confirm"},
		{"止痛药吃完了，老伴疼得整夜哼哼", "aid unwell - unknown medicine no confirm"},
		{"张伯这几天送去的饭都原样退回来了", "checkin unwell - unknown - no confirm"},
		{"我婆婆这几天总说有人偷她东西，半夜不睡", "checkin unwell - unknown - yes confirm"},
	})
}

// TestRound62Calm: noise that makes the head "burst", bones that will not break, a rumour
// of coughing blood put right, despair denied, hands dry from disinfectant, 救命 at the
// network, breathless only from talking, a stroke on the mend, a fall long over, the
// confusion he has long had.
func TestRound62Calm(t *testing.T) {
	checkCases(t, []parseCase{
		{"楼上电钻吵得我脑袋都要炸了", "other unknown - unknown - no none"},
		{"我这身子骨摔不坏，放心", "other unknown - unknown - no none"},
		{"孩子说我吐血？那是吃了红心火龙果，没吐血", "checkin well - unknown - no none"},
		{"我哪有想不开，就是不想去医院折腾", "other unknown - unknown - no none"},
		{"消毒液洗多了，手上起皮", "other unknown - unknown - no none"},
		{"救命啊，这网速，视频都打不开", "other unknown - unknown - no none"},
		{"就是话说多了会喘，别的都好", "checkin unwell - unknown - no none"},
		{"脑梗恢复得还行，走路还有点拖腿", "checkin unwell - unknown - no none"},
		{"那事早过去了，现在天天下楼遛弯", "other unknown - unknown - no none"},
		{"他一直这样，白天明白晚上糊涂，老样子", "checkin unwell - unknown - no none"},
	})
}
