package parse

import "testing"

// TestTriageRound17 holds what round 17 (tuned on AM and AN, and on the health
// readings of sets AA to AN) changed: signs told as lasting days, falls the elder got
// up from, figures with nothing felt, two stroke signs together, pain that reaches
// the chest with a cold sweat; and health — being treated, grief, boredom, fear, a
// carer's fever and a viewer's tears.
func TestTriageRound17(t *testing.T) {
	checkCases(t, []parseCase{
		// days without onset: someone looks today, no stroke in progress
		{"左手指头麻了好几天了，拿东西还行", "checkin unwell - unknown - no confirm"},
		{"右半边脸有点麻，两三天了，不疼", "checkin unwell - unknown - no confirm"},
		{"今天早上突然左手抬不起来了", "urgent urgent - unknown - no"},
		// a fall got up from asks to confirm; with blood from the head it is an alarm
		{"姥爷上午摔了一下，自己爬起来了，说屁股疼，走路一瘸一拐的", "checkin unwell - unknown - yes confirm"},
		{"摔了一跤，自己爬起来了，头磕破了在流血", "urgent urgent - unknown - no"},
		// figures past the line with nothing felt ask to confirm; 一直 is no figure
		{"血糖仪一直显示HI，人倒没觉得哪不舒服", "checkin unwell - unknown - no confirm"},
		{"血压１８６/９８ 没感觉", "checkin unwell - unknown - no confirm"},
		{"血压一百八十八，左边胳膊没感觉", "urgent urgent - unknown - no"},
		// the heart's pain told from the stomach, and two stroke signs together
		{"我爸说胃那里疼，连着胸口，出冷汗，下巴也发酸", "urgent urgent - unknown - yes"},
		{"今早起来左眼看东西是俩影，走道往一边偏", "urgent urgent - unknown - no"},
		{"我把老伴的安眠药当成降压药吃了，吃了四五片，现在脑袋发沉", "urgent urgent - unknown - yes"},
		{"活著太累了，不想再撐了", "urgent urgent - unknown - no"},
		{"烧到39度8，人迷迷瞪瞪的，问他话也不答", "urgent urgent - unknown - no"},
		{"120刚把我们楼的老赵拉走了，不知道怎么回事", "other unknown - unknown - no"},
		// health
		{"电视剧里那个老头中风了，看得我直掉眼泪", "other unknown - unknown - no"},
		{"老伴走了三个月了，心里还是堵得慌", "checkin unwell - unknown - yes"},
		{"在ICU门口守着，我爸还插着管，医生说没脱离危险", "checkin unwell - unknown - yes"},
		{"保姆发烧39度，今天来不了，我妈一个人在家", "checkin unknown - unknown - yes confirm"},
		{"一个人在家晚上怕得睡不着，外头老有动静", "checkin unknown - unknown - no confirm"},
		{"两天没吃饭了，不饿，也不想吃", "checkin unwell - unknown - no confirm"},
		{"家里两天没吃的了，也没人送", "aid unknown - unknown food no confirm"},
		{"哪儿都不难受", "checkin well - unknown - no"},
		{"出院一周了，还在吃药，刀口快长好了", "checkin unwell - unknown - no"},
		{"出院一个礼拜了，伤口长好了，能自己下楼了", "checkin well - unknown - no"},
		{"天天关在家里，憋死了，想出去溜达溜达", "other unknown - unknown - no"},
		{"挺好的，就是老伴打呼噜吵得我睡不着", "checkin unwell - unknown - no"},
	})
}

// TestIncidentOver: a scare at home with nobody's body in it, told as over, says how
// the house is, not how anyone is; 人没事 still tells of someone.
func TestIncidentOver(t *testing.T) {
	checkCases(t, []parseCase{
		{"厨房冒烟了，是锅烧干了，关了火开了窗，没事了", "other unknown - unknown - no"},
		{"刚才闻到煤气味，原来是灶没关严，已经关了开了窗，虚惊一场", "other unknown - unknown - no"},
		{"刚才炒菜油锅起火，赶紧盖上锅盖灭了，虚惊一场，人没事", "checkin well - unknown - no"},
		{"隔壁单元着火了，消防车来了已经扑灭，我们家没事", "checkin well - unknown - no"},
	})
}

// TestRumourAndDrama: a rumour checked (是真的吗) is hearsay, a scene of a drama (那段,
// 演得真像) is a story; a fraud asked about is still a fraud.
func TestRumourAndDrama(t *testing.T) {
	checkCases(t, []parseCase{
		{"听说隔壁楼有个老头中风了，昨晚被救护车拉走了，是真的吗", "other unknown - unknown - no"},
		{"听楼下说昨天半夜救护车来了，不知道是哪家，有人知道吗", "other unknown - unknown - no"},
		{"有个电话说我中了大奖，要先交手续费才能领，这是真的吗", "urgent unknown - unknown - no"},
		{"看《人世间》看到周母中风那段，哭得不行", "other unknown - unknown - no"},
		{"外婆看的那个电视剧里老头中风了，嘴歪了，她边看边抹眼泪，说演得真像", "other unknown - unknown - yes"},
		{"那段时间我一直头晕，现在好了", "checkin well - unknown - no"},
	})
}

// TestFigureChains: a figure that became another is read as what it became, figures
// told side by side count by the worse, a reading told beside another (白天94) does
// not clear it, and blood pressure's 、 joins the upper and the lower figure.
func TestFigureChains(t *testing.T) {
	checkCases(t, []parseCase{
		{"爸爸血氧这两天从97掉到93、92了，他说不难受", "checkin unwell - unknown - yes confirm"},
		{"我妈血氧这两晚都是91、92，白天94，她说不难受", "checkin unwell - unknown - yes confirm"},
		{"血压一百九十五、一百二十，头疼得要炸，看东西模模糊糊", "urgent urgent - unknown - no"},
		{"血压185，吃了药歇了一会儿，再量140", "checkin unwell - unknown - no"},
	})
}

// TestGroanBehindDoor: a groan behind a door no one opens is a body in trouble.
func TestGroanBehindDoor(t *testing.T) {
	checkCases(t, []parseCase{
		{"隔壁王阿姨家门锁着，敲了半天没人开，里面有人哼哼", "urgent urgent - unknown - yes"},
		{"402屋里一直有人在哼哼，门敲不开，应该是李奶奶，她一个人住", "urgent urgent - unknown - yes"},
	})
}

// TestShortestWell: 好 and 回复1 answer the check-in prompt; a dream ends on waking
// (梦见自己摔了，吓醒了，其实好好的); a thumbs-up stays a greeting, as the public corpus
// reads it.
func TestShortestWell(t *testing.T) {
	checkCases(t, []parseCase{
		{"好", "checkin well - unknown - no"},
		{"好 好 好", "checkin well - unknown - no"},
		{"回复1", "checkin well - unknown - no"},
		{"👍👍👍", "other unknown - unknown - no"},
		{"好像有点发烧", "checkin unwell - unknown - no"},
		{"半夜做梦梦见自己摔了，吓醒了，其实好好的", "checkin well - unknown - no"},
	})
}

// TestRemedyWorked: a remedy done (吃了两块糖就好了) is a recovery; a habit (歇歇就好了)
// and breath lost on the stairs (爬六楼…歇了两分钟就好了) are not; a sign explained and
// then well (说话不利索是假牙摘了，戴上就好了) is well.
func TestRemedyWorked(t *testing.T) {
	checkCases(t, []parseCase{
		{"早上低血糖了一下，吃了两块糖就好了", "checkin well - unknown - no"},
		{"爬到四楼有点喘，歇歇就好了", "checkin unwell - unknown - no"},
		{"刚才喘不过气，是爬六楼去拿快递，歇了两分钟就好了", "checkin unwell - unknown - no"},
		{"汤爷爷说话不利索是假牙摘了，戴上就好了", "checkin well - unknown - yes"},
		{"煤气报警器一直叫，原来是电池没电了，换了就好了", "other unknown - unknown - no"},
	})
}

// TestPets: a pet's fall, sickness or straying is not the elder's.
func TestPets(t *testing.T) {
	checkCases(t, []parseCase{
		{"我家的猫从柜子上摔下来了，一瘸一拐的", "other unknown - unknown - no"},
		{"我挺好，就是我家猫两天不吃东西了，愁死了", "checkin well - unknown - no"},
		{"不是我摔了，是我家猫从柜子上摔下来了", "other unknown - unknown - no"},
	})
}

// TestDietQuestions: what one may eat with an illness, asked in general, tells no one's
// health.
func TestDietQuestions(t *testing.T) {
	checkCases(t, []parseCase{
		{"老人便秘吃什么好", "other unknown - unknown - no"},
		{"高血压能喝点白酒不", "other unknown - unknown - no"},
		{"血糖低的时候吃点啥好", "other unknown - unknown - no"},
	})
}

// TestForgotStove: forgetting the stove over days is confusion that endangers: confirm.
func TestForgotStove(t *testing.T) {
	checkCases(t, []parseCase{
		{"最近老是忘事，昨天出门把自己锁外面，今天煤气又忘关了", "checkin unwell - unknown - no confirm"},
		{"最近老忘事，今天出门两次都忘了要干啥，昨天还忘关火", "checkin unwell - unknown - no confirm"},
	})
}
