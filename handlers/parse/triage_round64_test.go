package parse

// Round 64 of the triage layer (docs/triage.md): the cases each change was made for,
// in words of our own (not the held-out sets' lines).

import "testing"

// TestBleedingSeen: blood that spurts, a face or mouth full of it, black-red vomit;
// a blood thinner taken for years is taken today (the years are not the bleeding's).
func TestBleedingSeen(t *testing.T) {
	checkCases(t, []parseCase{
		{"老头子刷牙牙龈出血到现在没停，一嘴血，他吃着华法林好些年了", "urgent urgent - unknown - yes alarm"},
		{"我妈剪指甲剪破了，血往外喷", "urgent urgent - unknown - yes alarm"},
		{"我妈吐了一口黑红的东西，脸色煞白", "urgent urgent - unknown - yes alarm"},
		{"刚在楼道里摔了一跤，头磕破了，流了一脸血", "urgent urgent - unknown - no alarm"},
		{"剛喺街市門口跌低咗，頭撞穿咗，成面都係血", "urgent urgent - unknown - no alarm"},
	})
}

// TestBleedingToLookAt: a little blood in urine, phlegm, vomit or the white of the eye
// asks for a look, the more so on a thinner; blood that stopped and was seen to is none.
func TestBleedingToLookAt(t *testing.T) {
	checkCases(t, []parseCase{
		{"小便有点发红，吃着阿司匹林呢", "checkin unwell - unknown - no confirm"},
		{"咳嗽痰里有血丝，发烧38度5", "checkin unwell - unknown - no confirm"},
		{"眼白红了一块，我吃着氯吡格雷", "checkin unwell - unknown - no confirm"},
		{"吐过一回，里面有几丝红的，现在不吐了", "checkin unwell - unknown - no confirm"},
		{"蓝阿姨上礼拜咳了点血丝，医院看了说是支气管炎，这两天没再咳血", "checkin unwell - unknown - yes none"},
	})
}

// TestCarerWords: a carer's years are the carer's (伺候他八年了 does not make today's
// despair long-standing); a carer who reports on the elder (保姆说奶奶…) tells the
// elder's news; the writer who cares for a spouse is not in anybody's care.
func TestCarerWords(t *testing.T) {
	checkCases(t, []parseCase{
		{"我伺候他八年了，实在熬不住，想跟他一块走了算了", "urgent urgent - unknown - no alarm"},
		{"保姆说奶奶刚吐了一大口黑乎乎的东西", "urgent urgent - unknown - yes alarm"},
		{"我血压今天180/112，老伴还等着我照顾", "checkin unwell - unknown - no confirm"},
		{"我也阳了烧得起不来，老伴瘫在床上全靠我", "checkin unwell - positive - no confirm"},
	})
}

// TestRound64Dangers: a burden asking to be let go, money sent and the seller gone
// silent, smoke with no way out; a scam refused stays calm.
func TestRound64Dangers(t *testing.T) {
	checkCases(t, []parseCase{
		{"别管我了，我就是个累赘，让我走吧", "urgent urgent - unknown - no alarm"},
		{"网上卖保健品的让我先转钱，我转了三千，现在他把我拉黑了", "urgent unknown - unknown - no alarm"},
		{"厨房冒烟了，我腿不好出不去", "urgent urgent - unknown - no alarm"},
		{"卖菜群里的人让我先付钱，我没付，直接拉黑了", "other unknown - unknown - no none"},
	})
}

// TestAcuteToLookAt: a fish bone lodged, a tube out, choking on drink with a fever, a
// tender belly, pain that brings a sweat, a sore gone bad, an oxygen machine failing,
// days without cooking or eating: a person looks today.
func TestAcuteToLookAt(t *testing.T) {
	checkCases(t, []parseCase{
		{"吃鱼的时候鱼刺卡喉咙了，咽口水疼，气还喘得上", "checkin unwell - unknown - no confirm"},
		{"鱼刺卡了一下，吃了口饭咽下去了，没事了", "checkin well - unknown - no none"},
		{"我爸的胃管半夜自己拔出来了，能不能来个护士", "aid unwell - unknown medical yes confirm"},
		{"老太太最近喝水老是呛，今天有点低烧", "checkin unwell - unknown - yes confirm"},
		{"结石又犯了，疼得一身冷汗", "checkin unwell - unknown - no confirm"},
		{"肚子疼了一上午，右下腹按着更疼", "checkin unwell - unknown - no confirm"},
		{"我妈褥疮那块流脓了，还有臭味", "checkin unwell - unknown - yes confirm"},
		{"制氧机不出氧了，一直报警，他离不开氧", "checkin unknown - unknown - no confirm"},
		{"米面都吃完了，两天没开火，啃饼干呢", "aid unknown - unknown food no confirm"},
		{"我爸嗓子溃疡，快一个礼拜吃不了饭了", "checkin unwell - unknown - yes confirm"},
	})
}

// TestEchoDenied: a writer who repeats what was said of them, asking, and answers no
// (说我摔了？没有的事) denies it; 没有力气 after a question tells a sign.
func TestEchoDenied(t *testing.T) {
	checkCases(t, []parseCase{
		{"说我摔了？没有的事，我好着呢", "checkin well - unknown - no none"},
		{"嘴歪？没有啊，是刚吃了辣椒", "checkin well - unknown - no none"},
		{"我妈是不是中风了？没有力气，说话也不清楚", "urgent urgent - unknown - yes alarm"},
	})
}

// TestNotAnEmergencyHere: the neighbours' ambulance when the writer's household is well,
// a saying of thirty years, a nightmare, the muddle of waking as always, a fear of
// choking, a remedy asked about, what people say of strokes, a general question, a
// hypothesis ending in 的话; the spouse taken by ambulance with a plea stays an alarm.
func TestNotAnEmergencyHere(t *testing.T) {
	checkCases(t, []parseCase{
		{"我们小区有人阳了，救护车刚拉走了，我们家都挺好", "checkin well - unknown - no none"},
		{"刚才打了120，老伴被救护车拉走了，谁能来帮帮我", "urgent urgent - unknown - yes alarm"},
		{"老头子成天把活够了挂在嘴边，那是他口头禅，吃得香睡得好", "checkin well - unknown - yes none"},
		{"老伴半夜喊救命，是做噩梦了，拍醒就好了", "other unknown - unknown - yes none"},
		{"老太太每次睡醒都迷糊一阵，过一会儿就清楚了，一向这样", "checkin unwell - unknown - yes none"},
		{"怕噎着，饭都泡汤吃", "other unknown - unknown - no none"},
		{"听说三七粉能止血，跟阿司匹林一起吃行不", "other unknown - unknown - no none"},
		{"大家都说中风前会头晕，我这头晕是没睡好", "checkin unwell - unknown - no none"},
		{"中风一般有什么前兆啊，想了解一下", "other unknown - unknown - no none"},
		{"摔倒爬不起来的话按这个手环就行吧？我就问问", "other unknown - unknown - no none"},
		{"老毛病心绞痛，早上犯了一回，含了药就过去了", "checkin unwell - unknown - no confirm"},
	})
}

// TestHealthRound64: a thing made ready (约好了, 熬好了) is no recovery; 不太疼 still
// hurts; half better and better than yesterday are recovering; a fever gone in a
// hospital bed ends the fever, not the stay; a bruise, a scab and a feeding tube are
// complaints; the doctor's 好了 is well.
func TestHealthRound64(t *testing.T) {
	checkCases(t, []parseCase{
		{"胃不舒服，中药熬好了，喝上了", "checkin unwell - unknown - no none"},
		{"腿疼，明天复查约好了的", "checkin unwell - unknown - no none"},
		{"平安，今天腰也不太疼", "checkin unwell - unknown - no none"},
		{"老伴的面瘫扎针好了一大半", "checkin unwell - unknown - yes none"},
		{"今天没咳，血氧96，比昨天强", "checkin unwell - unknown - no none"},
		{"我妈在医院住着，今天挂水，烧退了", "checkin unwell - unknown - yes none"},
		{"住院输液，已经好了", "checkin well - unknown - no none"},
		{"胳膊上碰了块青，不疼", "checkin unwell - unknown - no none"},
		{"上周摔的，膝盖破皮已经结痂了", "checkin unwell - unknown - no none"},
		{"鼻饲一天五次，大便正常", "checkin unwell - unknown - no none"},
		{"医生说好了，可以下地走了", "checkin well - unknown - no none"},
	})
}

// TestEverydayNotIll: a bowl of porridge is no wrist and no loose stool, duck-blood
// noodles are no bleeding, years of caring for a spouse are nobody's stay in care; a
// carer gone into hospital leaves the spouse without one.
func TestEverydayNotIll(t *testing.T) {
	checkCases(t, []parseCase{
		{"今个好得很，早上吃了两碗稀饭一根油条", "checkin well - unknown - no none"},
		{"我妈今天精神蛮好，还吵着要吃鸭血粉丝", "checkin well - unknown - yes none"},
		{"照顾老伴八年了，习惯了，没啥苦的", "other unknown - unknown - no none"},
		{"没人照顾老伴了，我住院了", "checkin unwell - unknown - no confirm"},
	})
}

// TestOverAndCoping: a nosebleed pressed until it stopped, a prick that beads, a bleed
// stopped in hospital, a fall that left the spouse as if nothing happened, rehab with
// a rail, a carer shut out while the writer copes, scam calls not answered, a burnt
// pot aired, morning stiffness that eases: calm.
func TestOverAndCoping(t *testing.T) {
	checkCases(t, []parseCase{
		{"鼻子出血了，捏了几分钟就止住了，虚惊一场", "checkin well - unknown - no none"},
		{"鼻血流了一个多钟头，刚止住", "checkin unwell - unknown - no confirm"},
		{"摘花被刺扎了一下，冒个血珠", "other unknown - unknown - no none"},
		{"我爸在医院，胃出血止住了，谢谢大家", "checkin unwell - unknown - yes none"},
		{"老伴前天摔了个屁股墩，没伤着，自己爬起来的，今天跟没事人一样", "checkin well - unknown - yes none"},
		{"康复训练扶着栏杆站了三分钟，有进步", "checkin unwell - unknown - no none"},
		{"保姆被封在外面回不来，我一个人还应付得过来", "other unknown - unknown - no none"},
		{"诈骗电话打了好几次，我都不接", "other unknown - unknown - no none"},
		{"炒菜把锅烧糊了，一屋子烟，开窗散掉了，没得事", "other unknown - unknown - no none"},
		{"早上起来手指头僵，活动活动就好了", "checkin unwell - unknown - no none"},
		{"医院抽了三管血，胳膊青了一块", "checkin unwell - unknown - no none"},
	})
}

// TestWellLaughing: a well said laughing is meant (说话不利索是我打字不利索，人好着呢
// 哈哈), unless the laugh is about a complaint beside it; an appetite is news of health.
func TestWellLaughing(t *testing.T) {
	checkCases(t, []parseCase{
		{"说我嘴歪？是我打字打歪了，人好着呢哈哈", "checkin well - unknown - no none"},
		{"一切正常，除了牙疼😂", "checkin unwell - unknown - no none"},
		{"老爷子今天胃口好，吃了两碗粥", "checkin well - unknown - yes none"},
	})
}
