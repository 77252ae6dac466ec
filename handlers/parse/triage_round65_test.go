package parse

// Round 65 of the triage layer (docs/triage.md): the cases each change was made for,
// in words of our own (not the held-out sets' lines).

import "testing"

// TestRound65Alarms: a throat closing after a new drug, a child who ate the pills as
// sweets, smoke that felled someone, a stroke told in Cantonese with 999 called, an
// elder lying still in the stairwell, farewells (过了今晚就不用问了, 先走一步, 下辈子
// 再做你妈), a burning smell with dizziness, water rising in the home, a smoking
// blanket that unplugging did not stop.
func TestRound65Alarms(t *testing.T) {
	checkCases(t, []parseCase{
		{"我爸吃了新开的消炎药，喉咙越来越紧，声音都变了", "urgent urgent - unknown - yes alarm"},
		{"外孙把姥姥的降糖药当糖豆吃了几颗", "urgent urgent - unknown - yes alarm"},
		{"我妈在楼道里被烟呛晕了", "urgent urgent - unknown - yes alarm"},
		{"老公食緊飯，嘴角一邊流口水，已經打咗999", "urgent urgent - unknown - yes alarm"},
		{"楼道里躺着个老人，叫也不应", "urgent urgent - unknown - no alarm"},
		{"以后不用再打电话问我了，过了今晚就不用问了", "urgent urgent - unknown - no alarm"},
		{"这些年谢谢大家，我先走一步了", "urgent urgent - unknown - no alarm"},
		{"别难过，下辈子再做你妈", "urgent urgent - unknown - no alarm"},
		{"屋里一股烧焦味，头发晕", "urgent urgent - unknown - no alarm"},
		{"雨水灌进屋了，水到膝盖，我们出不去", "urgent unknown - unknown - no alarm"},
		{"电热毯冒烟，插头拔了还在冒", "urgent unknown - unknown - no alarm"},
	})
}

// TestRound65Calm: a general question about 999, a smell after the fire was out, a
// pot that only smelt, a dog sworn off for the next life.
func TestRound65Calm(t *testing.T) {
	checkCases(t, []parseCase{
		{"听说打999要等很久，是真的吗？", "other unknown - unknown - no none"},
		{"锅烧干冒了点火苗，已经灭了，屋里一股焦味", "other unknown - unknown - no none"},
		{"下辈子再也不养猫了，又把沙发抓烂了", "other unknown - unknown - no none"},
		{"电热毯冒烟了，插头拔了就不冒了", "other unknown - unknown - no none"},
	})
}

// TestRound65Confirms: rust-coloured phlegm, a sugar told after 验 (验血 swallowed the
// measure), an oxygen machine that gives no air, a
// stove smoking into the room with a cough (the model makes the spouse's an alarm: the
// fumes may be carbon monoxide).
func TestRound65Confirms(t *testing.T) {
	checkCases(t, []parseCase{
		{"咳了两天，痰是铁锈色的", "checkin unwell - unknown - no confirm"},
		{"阿公早上验血糖二十多，他说口很干", "checkin unwell - unknown - yes confirm"},
		{"制氧机坏了不出气，他晚上离不开", "checkin unknown - unknown - no confirm"},
		{"炉子倒烟，屋里有点呛，我一直咳", "checkin unwell - unknown - no confirm"},
		{"炉子往屋里倒烟，老伴一直咳", "urgent urgent - unknown - yes alarm"},
	})
}

// TestVitalSeries: figures of one measure told in a row, each after its time, are read
// in turn (血氧早上95中午91现在87 ends at 87), and a later normal one is the latest.
func TestVitalSeries(t *testing.T) {
	checkCases(t, []parseCase{
		{"阳了在家，血氧早上95中午91现在87，还在往下掉", "urgent urgent - positive - no alarm"},
		{"我妈血氧早上93中午92", "checkin unwell - unknown - yes confirm"},
		{"血氧早上87现在97，夹子没夹好", "checkin well - unknown - no none"}, // well since round 67: the figure read again is the present
	})
}

// TestRashAfterNewDrug: a rash after a new medicine is looked at today, an alarm when
// the breath goes with it; a rash already seen, or from a plaster, is not.
func TestRashAfterNewDrug(t *testing.T) {
	checkCases(t, []parseCase{
		{"吃了新开的药，身上起了一片红疹子，痒得很，别的还好", "checkin unwell - unknown - no confirm"},
		{"吃了新开的消炎药，浑身起疹子，喘不上气", "urgent urgent - unknown - no alarm"},
		{"身上起了疹子，医生看过了，开了药膏", "checkin unwell - unknown - no none"},
		{"老伴胸口皮肤上起了一片红疹子，是贴膏药过敏了", "checkin unwell - unknown - yes none"},
	})
}
