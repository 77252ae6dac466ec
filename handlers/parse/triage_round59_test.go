package parse

// Round 59 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestAskedForCareIsNoCare: a doctor asked for (请社区医生上门) is no doctor there; the
// writer keeping a patient company in hospital (我在医院陪床) leaves whoever is at home
// in nobody's care, while a parent named in hospital is in care.
func TestAskedForCareIsNoCare(t *testing.T) {
	checkCases(t, []parseCase{
		{"本人高压二百一，低压一百二十，头昏沉，右手发麻，请社区医生上门。", "urgent urgent - unknown medical no alarm"},
		{"母亲高烧三十九度五，一个人在老房子里，我在外地回不去，请社区医生上门看看。", "aid unwell - unknown medical yes confirm"},
		{"老伴儿量的体温39度，一个人在家，我在医院陪床回不去", "checkin unwell - unknown - yes confirm"},
		{"我妈住院了，我在医院陪床", "checkin unwell - unknown - yes none"},
		{"老伴刚才胸口不舒服，社区医生已到家看过，说是胃胀气，吃了药已经好了。", "checkin well - unknown - yes none"},
	})
}

// TestLostWhateverHerPast: an old confusion tells why an elder is lost, not when; a
// thing that cannot be found is no one lost, however often.
func TestLostWhateverHerPast(t *testing.T) {
	checkCases(t, []parseCase{
		{"老太太下楼排队测体温，一转眼人没了，她本来就有点糊涂，到处找不到", "urgent urgent - unknown - yes alarm"},
		{"我妈老糊涂了，经常到处找不到钥匙", "checkin unwell - unknown - yes none"},
	})
}

// TestScammersWordsAreNoHearsay: what the voice on the telephone said, with the writer
// told to send money today, is the fraud; a warning about such calls is not.
func TestScammersWordsAreNoHearsay(t *testing.T) {
	checkCases(t, []parseCase{
		{"電話裡那個人說是法院的，叫我今天之內把錢匯過去，不然就抓我，我該怎麼辦", "urgent unknown - unknown - no alarm"},
		{"听说有人冒充法院打电话，叫老人把钱汇过去，大家注意", "other unknown - unknown - no none"},
	})
}

// TestFamiliarForDecades: chest tightness "as it has been for decades" still asks to
// confirm (shared/triage.md: familiar chest discomfort).
func TestFamiliarForDecades(t *testing.T) {
	checkCases(t, []parseCase{
		{"父亲胸口隔一阵就发闷，他说几十年了都这样，不碍事，我们不放心报一下。", "checkin unwell - unknown - yes confirm"},
	})
}

// TestDaysAfterAPastEvent: 这两天 after a past fall tells of now.
func TestDaysAfterAPastEvent(t *testing.T) {
	checkCases(t, []parseCase{
		{"摔了那一跤以后，我爸这两天记性特别差，老是发呆", "checkin unwell - unknown - yes confirm"},
	})
}

// TestLaughsAreNotNegated: a 不 before a laugh does not take the laugh away (关不掉哈哈);
// a forwarded text headed （转） is a forward.
func TestLaughsAreNotNegated(t *testing.T) {
	checkCases(t, []parseCase{
		{"救命啊，这个抖音咋关不掉了😂", "other unknown - unknown - no none"},
		{"（转）心梗前兆有这几个，大家对照看看：胸闷、出汗、左臂痛……", "other unknown - unknown - no none"},
		{"转，我妈刚才摔倒了，起不来", "urgent urgent - unknown - yes alarm"},
	})
}

// TestWordsRound59: a filled bottle is no pretence (装的农药); pressure like someone
// sitting on the chest; a last word to the group; pills all taken, in Cantonese; alone
// and uneasy in literary Chinese; vomiting all that is eaten for days; the third day of
// refusing food; seeing children who are not there; heating broken in the cold; a fall
// risk, blood drawn at a check-up.
func TestWordsRound59(t *testing.T) {
	checkCases(t, []parseCase{
		{"我妈喝了一口瓶子里的「水」，原来是我爸装的农药，现在一直吐", "urgent urgent - unknown - yes alarm"},
		{"心口像有人坐在上面，背上全是汗，左胳膊也酸，以为是心慌老毛病，可半个钟头了还不过去", "urgent urgent - unknown - no alarm"},
		{"最后跟大家说一声，谢谢这些年群里照顾，我那盆君子兰留给楼下刘姐", "urgent urgent - unknown - no alarm"},
		{"冇人理我，我諗住今晚食晒啲藥就算", "urgent urgent - unknown - no alarm"},
		{"孤身一人，近日心中惴惴不安，总觉得要出事，夜里开着灯睡。", "checkin unknown - unknown - no confirm"},
		{"这两天吃啥吐啥，就能喝点水，浑身没劲", "checkin unwell - unknown - no confirm"},
		{"老人：王秀英\n情况：今天又不肯吃饭，第三天了\n报告人：女儿", "checkin unwell - unknown - no confirm"},
		{"我妈这几天晚上老说看见有小孩在屋里跑，白天又正常，以前从来没有过", "checkin unwell - unknown - yes confirm"},
		{"天冷了家里空调坏了，晚上只能盖两床被子，手脚冰凉，能来个人看看吗", "checkin unwell - unknown - no confirm"},
		{"楼道里堆的杂物能不能帮忙清一下，老人走路容易绊倒", "aid unknown - unknown - no none"},
		{"需要有人陪我去医院复查，医生让每个月量一次血压抽一次血", "aid unknown - unknown medical no none"},
	})
}

// TestScamStoryIsNoIllness: the illness a scammer's story names (说交钱能治好他的糖尿病),
// or the writer's sense that something is wrong, leaves the health of a fraud unknown;
// the writer's own headache after it does not.
func TestScamStoryIsNoIllness(t *testing.T) {
	checkCases(t, []parseCase{
		{"唐大爷家来了个卖保健品的，说交钱能治好他的糖尿病，他已经交了两万，那人现在还在他家坐着让他再交", "urgent unknown - unknown - yes alarm"},
		{"有个人打电话说是医保局的，说我的卡被人冒用了，让我把钱转到安全账户，我刚转了两万，咋觉得不对劲", "urgent unknown - unknown - no alarm"},
		{"被骗了五万，气得我头疼得厉害，心口也堵", "urgent urgent - unknown - no alarm"},
	})
}

// TestLostIsNotConfused: not knowing the way or the place (不认得路, 此地不认得) is being
// lost, no sign of the mind; not knowing one's own child is.
func TestLostIsNotConfused(t *testing.T) {
	checkCases(t, []parseCase{
		{"吾于菜市场迷了路，此地不认得，四下都是生面孔，手机快没电了。", "urgent unknown - unknown - no alarm"},
		{"外婆在外面给我打电话哭，说不认得回家的路了，周围都是不认识的楼", "urgent unknown - unknown - yes alarm"},
		{"出来做完核酸回不去了，这边楼都长一个样，不知道我家是哪一栋", "urgent unknown - pending - no alarm"},
		{"我妈今天连我都不认得了", "checkin unwell - unknown - yes confirm"},
	})
}

// TestHelpHasArrived: a doctor or an ambulance there now is care (unwell, no alert),
// thanks to the group notwithstanding; stitches are an injury.
func TestHelpHasArrived(t *testing.T) {
	checkCases(t, []parseCase{
		{"医生已经到家了，正在给我爸缝针，谢谢大家", "checkin unwell - unknown - yes none"},
		{"120已经到了，正抬他下楼，谢谢大家惦记", "checkin unwell - unknown - no none"},
		{"急诊缝了三针 回家了", "checkin unwell - unknown - no none"},
	})
}

// TestNightIsNoBlindness: 天黑了 is night falling and 墙上黑了一大块 a scorched wall, not
// sight lost; 插头 and 老周头 name no head; a quilt that 烧了个洞 burns, the elder has no
// fever; a chest that burns 像火烧 is the heart's, not a fire. Eyes that go dark still do.
func TestNightIsNoBlindness(t *testing.T) {
	checkCases(t, []parseCase{
		{"电热毯冒烟了，被子烧了个洞，插头我拔了，屋里全是烟", "urgent unknown - unknown - no alarm"},
		{"插座冒火花，墙上黑了一大块，电闸在哪里寻勿着", "urgent unknown - unknown - no alarm"},
		{"我们连队的老周头早上说去地里看看，天黑了还没回来，地里找过了没人，外面零下十几度", "urgent unknown - unknown - no alarm"},
		{"我老伴说胸口里头像火烧，一直往左胳膊窜，脸色灰灰的", "urgent urgent - unknown - yes alarm"},
		{"老李头掉井里了！！！快来人拿绳子", "urgent urgent - unknown - no alarm"},
		{"我妈发烧了，烧到三十八度五", "checkin unwell - unknown - yes none"},
		{"眼前一下子黑了，啥也看不见", "urgent urgent - unknown - no alarm"},
	})
}

// TestSharedQualitiesNameNoBody: a one-rune quality everyday words share (饼干, 楼长,
// 一个多钟头) tells of no body, so a model's confirm on the message leaves its health
// as told; a quality of the body (嘴干) still tells of it, and standing up unsteady is a
// fall risk.
func TestSharedQualitiesNameNoBody(t *testing.T) {
	checkCases(t, []parseCase{
		{"家里米面都吃光了 这两天就拿开水泡饼干对付 今天饼干也没了 能不能帮我买点", "aid unknown - unknown food no confirm"},
		{"楼长 1-203 贾叔家的狗叫了一整天，敲门没人开，屋里灯一直亮着", "checkin unknown - unknown - no confirm"},
		{"没摔，是我把凳子碰倒了，邻居听见响动以为我出事了", "checkin well - unknown - no none"},
		{"嗓子有点干", "checkin unwell - unknown - no none"},
		{"我爸最近一站起来就晃，昨天差点摔，现在出门得有人扶着", "checkin unwell - unknown - yes confirm"},
	})
}

// TestModelsAlarmIsAboutTheBody: an alarm the model alone raises, on a message that
// tells of no fire, gas, money, lost person or unanswered door, is about someone's body
// or mind (a hidden farewell); an estate told is no money trouble. Places and hours
// (门口, 两个钟头) name no mouth and no head; 要紧吗 asks, it is no tightness.
func TestModelsAlarmIsAboutTheBody(t *testing.T) {
	checkCases(t, []parseCase{
		{"存折在枕头底下 密码是孙子生日\n跟孩子们说 我先走了", "urgent urgent - unknown - no alarm"},
		{"没什么事，就是跟你们说一声，我把存折放在枕头底下了，密码写在纸上，我闺女来了你们告诉她", "urgent urgent - unknown - no alarm"},
		{"等了两个钟头没回，打电话也不接", "urgent unknown - unknown - no alarm"},
		{"胸口紧，要紧吗", "checkin unwell - unknown - no confirm"},
		{"在小区门口摔了一跤，膝盖破了", "urgent urgent - unknown - no alarm"},
	})
}

// TestEverydayWordsAreNoBody: a fridge, a flower bed, a door handle are no cold, no
// blurred sight, no hand; calling one's wife by her sister's name is confusion.
func TestEverydayWordsAreNoBody(t *testing.T) {
	checkCases(t, []parseCase{
		{"这天冷得，出门一趟冻成冰棍了，回屋暖和过来了", "checkin well - unknown - no none"},
		{"老伴这几天老找东西 昨天把袜子放冰箱里了 叫我名字叫成他妹妹的", "checkin unwell - unknown - yes confirm"},
	})
}

// TestNearFaintAndEmptyBed: almost fainting is a sign, not a denial (差点晕倒, with black
// stools); a bed found empty at night is an elder missing; the pain a fall left that is
// getting no better asks to confirm.
func TestNearFaintAndEmptyBed(t *testing.T) {
	checkCases(t, []parseCase{
		{"老伴一直拉黑乎乎的稀便，刚才起来差点晕倒", "checkin unwell - unknown - yes confirm"},
		{"半夜醒了老头子不在床上，大门开着，楼道里楼下都没有", "urgent unknown - unknown - yes alarm"},
		{"上礼拜跌过一跤，这几天腰痛得翻身都难，还能下床走走", "checkin unwell - unknown - no confirm"},
	})
}

// TestSignsInFewWords: a blood pressure of 200 with a head "about to burst", a pulse of
// 150 and no breath, a racing heart and eyes going black, a headache like an axe-blow
// never had before with vomiting are alarms however tersely told.
func TestSignsInFewWords(t *testing.T) {
	checkCases(t, []parseCase{
		{"血压200 头要炸", "urgent urgent - unknown - no alarm"},
		{"心跳150 喘不过", "urgent urgent - unknown - no alarm"},
		{"心慌 眼一黑", "urgent urgent - unknown - no alarm"},
		{"老朽头痛如劈，平生未有，继而呕吐两次，特此奉告。", "urgent urgent - unknown - no alarm"},
	})
}

// TestSlipButNoFall: a slip followed by 没摔 was no fall; a fall followed by 没摔着 still
// was one.
func TestSlipButNoFall(t *testing.T) {
	checkCases(t, []parseCase{
		{"滑了一下 没摔", "checkin unwell - unknown - no none"},
		{"摔了一跤，没摔着，就是吓了一跳", "checkin unwell - unknown - no confirm"},
	})
}

// TestEverydayComplaintsRound59: a cold and a runny nose in Cantonese, getting up at
// night to pass water, an upset stomach and poor sleep in English are complaints; a cold
// already over (已经冇事) is over.
func TestEverydayComplaintsRound59(t *testing.T) {
	checkCases(t, []parseCase{
		{"有啲傷風，流鼻水", "checkin unwell - unknown - no none"},
		{"挺好的，只是晚上要起來尿兩三次", "checkin unwell - unknown - no none"},
		{"dodgy tummy today but she is ok", "checkin unwell - unknown - no none"},
		{"dad ok but not sleeping great", "checkin unwell - unknown - yes none"},
		{"好返晒喇，上個禮拜嗰個傷風已經冇事", "checkin well - unknown - no none"},
	})
}

// TestQuestionsAboutADisease: a question about a disease that names no one tells
// nobody's state (shared/triage.md); the writer's own disease in a question does.
func TestQuestionsAboutADisease(t *testing.T) {
	checkCases(t, []parseCase{
		{"糖尿病人一天吃几个鸡蛋合适？", "other unknown - unknown - no none"},
		{"高血压好吃阿胶伐？", "other unknown - unknown - no none"},
		{"我有高血压，可以喝咖啡吗？", "checkin unwell - unknown - no none"},
	})
}

// TestNegationsThatStop: 没有不舒服 is denied and 都好着呢 after it is so; the formal 无
// covers a list with no joiner (无发热咳嗽); a complaint followed by 也没犯 was not had;
// wo men in pinyin is 我们, not a stuffy 闷.
func TestNegationsThatStop(t *testing.T) {
	checkCases(t, []parseCase{
		{"没有不舒服都好着呢", "checkin well - unknown - no none"},
		{"家父母均安，无发热咳嗽，特此代报。", "checkin well - unknown - yes none"},
		{"无发热，咳嗽两天", "checkin unwell - unknown - no none"},
		{"老毛病也没犯，这几天挺好", "checkin well - unknown - no none"},
		{"wo men dou hao, bu yong dan xin", "checkin well - unknown - no none"},
		{"wo xiong kou men", "checkin unwell - unknown - no confirm"},
	})
}

// TestMoreEverydayComplaints: a troubled mind (心里烦), no sleep in Cantonese (瞓唔着), a
// ringing ear, an itch, a rash, red and watering eyes, a stiff neck are complaints; an
// elder in the emergency room with the doctor at work is in care, whatever the writer
// promises the group.
func TestMoreEverydayComplaints(t *testing.T) {
	checkCases(t, []parseCase{
		{"心里烦", "checkin unwell - unknown - no none"},
		{"瞓唔着，成晚醒三四次", "checkin unwell - unknown - no none"},
		{"耳朵嗡嗡响，好几个月了", "checkin unwell - unknown - no none"},
		{"I have a stiff neck today, maybe slept wrong", "checkin unwell - unknown - no none"},
		{"我妈在急诊，医生正在看，已经吸上氧了，有消息再跟大家说", "checkin unwell - unknown - yes none"},
		{"楼下那家的狗叫了一黑夜，吵得人心烦", "other unknown - unknown - no none"},
	})
}

// TestFiguresOfSpeechRound59: a grandson who 不好好上 his lessons and a month 憋 at home
// are no complaints; 不好好吃饭 is not eating.
func TestFiguresOfSpeechRound59(t *testing.T) {
	checkCases(t, []parseCase{
		{"我要被孙子气死了，网课不好好上天天打游戏，你说这咋办？", "other unknown - unknown - no none"},
		{"在家憋了一个月了，帮忙买点菜", "aid unknown - unknown food no none"},
	})
}

// TestPulseCountedAfter: a pulse taken in one clause and counted in the next (今晨数脉，
// 每分钟四十六下) is a reading: under 50 asks to confirm.
func TestPulseCountedAfter(t *testing.T) {
	checkCases(t, []parseCase{
		{"今晨数脉，每分钟四十六下，自觉并无异样，照常打太极。", "checkin unwell - unknown - no confirm"},
		{"量了脉搏，挺好的", "checkin well - unknown - no none"},
	})
}

// TestWellInMoreWords: well in literary Chinese (身心俱安, 步履稳健, 勿念), in Wu (侪好), in
// Sichuanese (吃得睡得), and in Australian English (bright and breezy).
func TestWellInMoreWords(t *testing.T) {
	checkCases(t, []parseCase{
		{"闭门读书第十二日，身心俱安。", "checkin well - unknown - no none"},
		{"我搭老头子侪好，勿要挂念", "checkin well - unknown - yes none"},
		{"托福托福，老朽今日步履稳健，在屋里走了三千步。", "checkin well - unknown - no none"},
		{"Bright and breezy today", "checkin well - unknown - no none"},
	})
}
