package parse

// Round 66 of the triage layer (docs/triage.md): the cases each change was made for,
// in words of our own (not the held-out sets' lines).

import "testing"

// TestRound66Alarms: despair said now after a hard past (这回), with the bankbook told
// and treatment refused, or beside the hospital bill that caused it (the rules ask to
// confirm, the model raises it); dialysis missed for
// days with the body failing; a carer's report in Wu (伊) of a blue face and no breath;
// lost inside a care home; chest pain a nurse only watches; a week's pills mixed up with
// dizziness; speech worse since the discharge.
func TestRound66Alarms(t *testing.T) {
	checkCases(t, []parseCase{
		{"那几年那么难都熬过来了，这回是真熬不动了，不想活了", "urgent urgent - unknown - no alarm"},
		{"跟你交代个事，存折在衣柜顶上，我不想再去医院了", "urgent urgent - unknown - no alarm"},
		{"透析室封了一个礼拜，我四天没透了，浑身软得站不住", "urgent urgent - unknown - no alarm"},
		{"我妈那边护工讲伊面孔发青，气透不过来", "urgent urgent - unknown - yes alarm"},
		{"婆婆说找不到自己房间了，在走廊里转了半天", "urgent unknown - unknown - yes alarm"},
		{"我爸胸口压着疼了半个多钟头，往左肩膀窜，护士说先观察着，我心里没底", "urgent urgent - unknown - yes alarm"},
		{"药盒里早晚的药吃反了，今天人晕乎乎的", "urgent urgent - unknown - no alarm"},
		{"中风出院后，说话比在医院时还含糊", "urgent urgent - unknown - no alarm"},
		{"活着真没意思，住一回院把老两口的积蓄都花完了", "urgent urgent - unknown - no alarm"},
	})
}

// TestRound66Confirms: swelling while dialysis
// waits, little urine, a dialysis line infected with chills, a bedridden elder with the
// carer gone, days of a few mouthfuls, fever after discharge, sleeping all day and not
// eating (Cantonese), new confusion over days, choking on water then fever, low mood
// that stops eating, a pressure sore red and hot while a doctor is asked for.
func TestRound66Confirms(t *testing.T) {
	checkCases(t, []parseCase{
		{"明天该透析了，车子出不去，老头脚脖子已经有点肿", "checkin unwell - unknown - no confirm"},
		{"老太太一早上就尿了一点点，以前不这样", "checkin unwell - unknown - yes confirm"},
		{"我的透析管子那块发红流脓，身上一阵阵发冷", "checkin unwell - unknown - no confirm"},
		{"护工回家了，这几天没人给我妈翻身，她本来就瘫在床上", "checkin unwell - unknown - yes confirm"},
		{"妈妈这两天就喝了几口粥，人没精神", "checkin unwell - unknown - yes confirm"},
		{"出院第二天又发烧了，三十九度二", "checkin unwell - unknown - no confirm"},
		{"阿嫲成日瞓，成日冇食嘢", "checkin unwell - unknown - no confirm"},
		{"爷爷这几天不认得人了，把我叫成我爸的名字", "checkin unwell - unknown - yes confirm"},
		{"老伴喝水老呛，这两天又有点发烧", "checkin unwell - unknown - yes confirm"},
		{"住院回来以后老说自己是个废物，饭也不吃", "checkin unwell - unknown - no confirm"},
		{"骨头那块褥疮红肿发烫，越来越大，能不能请医生来看看", "aid unwell - unknown medical no confirm"},
	})
}

// TestRound66Calm: a joke owned up to (逗你的), despair heard as a rumour the police
// denied, despair last week treated by a counsellor, a scam number the group is warned
// of (大家别接), a mouthful of water (喝口水 is no drool).
func TestRound66Calm(t *testing.T) {
	checkCases(t, []parseCase{
		{"我心口疼！——逗你玩的，刚跑完步", "other unknown - unknown - no none"},
		{"刚才群里说5号楼有人跳楼，假的，派出所辟谣了", "other unknown - unknown - no none"},
		{"上礼拜她说不想活了，带去看了心理医生，这几天好多了", "checkin unwell - unknown - yes none"},
		{"那个骗子电话是0571开头的，大家别接", "other unknown - unknown - no none"},
		{"喝口水缓了缓，没事了", "checkin well - unknown - no none"},
	})
}

// TestRound66Health: a passing choke or dizziness whose end is told (咳出来就好了, 坐了
// 会儿就好咧) is well; a complaint after 挺好，就是 stays unwell however usual it is
// called; a fever going down, a wound getting better are recovering, not recovered.
func TestRound66Health(t *testing.T) {
	checkCases(t, []parseCase{
		{"老伴喝粥呛了一下，咳出来就好了", "checkin well - unknown - yes none"},
		{"早上起来头晕了一阵，坐了会儿就好咧", "checkin well - unknown - no none"},
		{"挺好的，就是小便有点急，人老了都这样", "checkin unwell - unknown - no none"},
		{"医生来家里挂了水，烧退了些", "checkin unwell - unknown - no none"},
		{"伤口在好转，护士说再换两次药", "checkin unwell - unknown - no none"},
	})
}
