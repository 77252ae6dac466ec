package parse

// Round 40 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestRespellKeepsMeasures: a respelling never eats the first character of a measure word
// (这边血压 is not 这便血压), and still mends a sign (最歪了, 咳出学).
func TestRespellKeepsMeasures(t *testing.T) {
	checkCases(t, []parseCase{
		{"我这边血压早上量的140多 药一直吃着", "checkin unwell - unknown - no none"},
		{"咳出学了", "urgent urgent - unknown - no alarm"},
	})
}

// TestEitherOr: 是…还是… asks which of two it is; "还是咋的" asks nothing of the two. A
// threshold asked (低于多少) is asked in general.
func TestEitherOr(t *testing.T) {
	checkCases(t, []parseCase{
		{"问问大夫 胸口闷一般是心脏的毛病还是肺的毛病", "other unknown - unknown - no none"},
		{"血糖仪显示个HI 是坏了还是咋的 人倒没啥感觉", "checkin unwell - unknown - no confirm"},
		{"血氧低于多少得打120啊", "other unknown - unknown - no none"},
	})
}

// TestStrokeResidue: the signs a stroke told as past or in care left behind are
// long-standing; a sign told with its own time or an onset is a new episode.
func TestStrokeResidue(t *testing.T) {
	checkCases(t, []parseCase{
		{"上個月中風住院，現在復健中，左手還有點無力", "checkin unwell - unknown - no none"},
		{"去年中风过一次，今天早上右手又拿不住东西了，嘴也有点歪", "urgent urgent - unknown - no alarm"},
		{"爺爺中風出院才一週，剛才吃飯筷子突然掉了，右手抬不起來，說話也含糊", "urgent urgent - unknown - yes alarm"},
		{"Grandpa's stroke was 3 years ago, until now his right arm cannot lift high, but stable", "checkin unwell - unknown - yes none"},
		{"Last week husband had small stroke, now he is home from hospital, speaking better, right hand still weak.", "checkin unwell - unknown - yes none"},
	})
}

// TestAloneWhileSpouseInHospital: a spouse in hospital leaves the writer alone now; a
// parcel that cannot be collected is no fraud; a health card lost is a thing.
func TestAloneWhileSpouseInHospital(t *testing.T) {
	checkCases(t, []parseCase{
		{"老伴住院了就我一个在家 晚上一点动静就吓醒 心里怕的慌 不敢关灯", "checkin unwell - unknown - yes confirm"},
		{"我儿子给我买的药在快递站 取不出来 能帮取一下吗", "aid unknown - unknown errand,medicine no none"},
		{"卡里的钱取不出来了，说是要先交保证金", "urgent unknown - unknown - no alarm"},
		{"拉肚子一天七八回 嘴发干 没力气下床", "checkin unwell - unknown - no confirm"},
		{"里長，阿嬤的健保卡不見了，可以補辦嗎？", "other unknown - unknown - no none"},
	})
}

// TestHongKongTaiwan: Cantonese and Taiwanese words in Traditional characters.
func TestHongKongTaiwan(t *testing.T) {
	checkCases(t, []parseCase{
		{"今朝起身有啲頭暈，企唔穩咗一陣，而家好返啲", "checkin unwell - unknown - no confirm"},
		{"阿嬤上禮拜發燒住院，已經出院回家了，現在活蹦亂跳", "checkin well - unknown - no none"},
		{"屋企已經三日冇餸食，淨係食緊梳打餅", "aid unknown - unknown food no confirm"},
		{"停電冇暖爐，阿爺鎖咗喺露台入唔返屋，佢淨係著件背心", "urgent urgent - unknown - no alarm"},
		{"我的外傭確診咗喺房隔離，而家冇人幫我沖涼煮飯", "aid unknown - unknown food no confirm"},
		{"隔離酒店有個阿伯上咗新聞，講佢俾人呃咗十萬", "other unknown - unknown - no none"},
	})
}

// TestMalayCantoneseEnglish: Singapore, Malaysian and Hong Kong English with Malay and
// Cantonese words; yesterday's figure is the earlier one; a bare temperature before an
// English word.
func TestMalayCantoneseEnglish(t *testing.T) {
	checkCases(t, []parseCase{
		{"Kong kong sesak nafas teruk, mouth open open like fish. Called 999 but they say 20 min", "urgent urgent - unknown - no alarm"},
		{"Ah Gong pengsan at the wet market, the fishmonger call me, he still lying on the floor there", "urgent urgent - unknown - no alarm"},
		{"Atuk tiba2 tak boleh angkat tangan kanan, mulut senget sebelah. 999 on the way already", "urgent urgent - unknown - no alarm"},
		{"Lo yeh keep saying sam hau tung, back also pain, face white white and sweat non-stop. We in Sha Tin", "urgent urgent - unknown - no alarm"},
		{"Got message in the group say my dad fall down? No lah, he ok. That one is Mr Lee from the next block", "checkin well - unknown - yes none"},
		{"sometimes i think jump down also better, then nobody need to take care of me", "urgent urgent - unknown - no alarm"},
		{"Nenek hilang from the house since lunch, police report made already, pls share her photo", "urgent unknown - unknown - yes alarm"},
		{"Dad just transferred 30k to someone claiming from MOH, say his CPF got problem!!! how to stop the bank??", "urgent unknown - unknown - yes alarm"},
		{"Popo 39.5 since afternoon, gave panadol already still hot. breathing ok, talking ok", "checkin unwell - unknown - yes confirm"},
		{"weight 38.5 kgs now", "other unknown - unknown - no none"},
		{"Gong gong oxygen 91 today, yesterday 95. coughing more. ART still negative", "checkin unwell - negative - yes confirm"},
		{"My neighbour's uncle (not in this group) kena covid, ambulance came take him last night", "other unknown - unknown - no none"},
		{"Don't worry, the one who went missing is Mdm Chua from Blk 6, and she's found already at the hawker centre", "other unknown - unknown - no none"},
		{"My grandma keep say living has no meaning, she want to go find grandpa (he pass away). Today she give me her bank card and tell me what to do after she die", "urgent urgent - unknown - yes alarm"},
	})
}
