package parse

// Round 61 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestRelayedByCall: a relative far away who tells what the elder said on a video call
// passes the elder's own words on (视频里说 is a call, not a video online); a grandson or
// a helper who tells, after 说, of her or him tells of the elder. A daughter who says she
// has a fever tells of herself.
func TestRelayedByCall(t *testing.T) {
	checkCases(t, []parseCase{
		{"我妈在深圳，视频里说胸口疼了二十分钟，一身冷汗", "urgent urgent - unknown - yes alarm"},
		{"看了个视频，视频上说吃大蒜能防中风", "other unknown - unknown - no none"},
		{"隔壁的李奶奶，她孙子从上海打来说刚才视频她倒在沙发上，叫她也不应", "urgent urgent - unknown - yes alarm"},
		{"保姆说他把一周的药全倒出来吃了，现在一直吐", "urgent urgent - unknown - no alarm"},
		{"我女儿说她发烧了，在家躺着", "other unknown - unknown - no none"},
		{"我妈刚在家族群里说要从楼上跳下去", "urgent urgent - unknown - yes alarm"},
	})
}

// TestRelativeAsObject: a relative after 给, 替, 为 or 帮 is whom the elder acts for; the
// clause stays the elder's.
func TestRelativeAsObject(t *testing.T) {
	checkCases(t, []parseCase{
		{"奶奶说她想通了，不想再给儿子添麻烦，让我把寿衣找出来", "urgent urgent - unknown - yes alarm"},
		{"我给儿子打了个电话，他挺好的", "checkin well - unknown - no none"},
	})
}

// TestHeatExplainsNothing: heat is no harmless cause of an old heart's tightness or of
// someone who cannot be woken, hot to the touch; it stays one for breath, and sleep
// stays one for not waking.
func TestHeatExplainsNothing(t *testing.T) {
	checkCases(t, []parseCase{
		{"顶楼热得像蒸笼，老伴躺着叫了半天没反应，身上烫手", "urgent urgent - unknown - yes alarm"},
		{"老伴心脏不好，这几天热得晚上老说胸口闷", "checkin unwell - unknown - yes confirm"},
		{"热得我喘不过气，开了空调就好了", "checkin well - unknown - no none"},
		{"水太烫手了，洗不了", "other unknown - unknown - no none"},
	})
}

// TestFigureRanges: two neighbouring digits after a hundred are a range, read at its
// middle (一百二三 = 125, over a resting pulse's 120).
func TestFigureRanges(t *testing.T) {
	checkCases(t, []parseCase{
		{"坐着不动心跳也有一百二三，别的没什么", "checkin unwell - unknown - no confirm"},
		{"血压一百五六，头不疼", "checkin unwell - unknown - no none"},
	})
}

// TestGrowingHeadache: a headache that grows day by day asks for a look; one that eases
// does not.
func TestGrowingHeadache(t *testing.T) {
	checkCases(t, []parseCase{
		{"头疼好几天了，一天比一天重，止疼片也不管用", "checkin unwell - unknown - no confirm"},
		{"感冒头疼，吃了药好点了", "checkin unwell - unknown - no none"},
	})
}

// TestRound61Confirms: the carer who falls ill, confusion of day and night, sleeping all
// day unlike oneself, the same question asked again and again, and a whole strip of
// pills taken at once.
func TestRound61Confirms(t *testing.T) {
	checkCases(t, []parseCase{
		{"一直照顾我妈的保姆阿姨自己发烧倒下了", "checkin unknown - unknown - yes confirm"},
		{"老伴这礼拜开始分不清早晚，半夜起来要吃早上的药", "aid unwell - unknown medicine yes confirm"},
		{"阿公这两天成日瞓觉，叫他吃饭都不想起身，他平时好精神的", "checkin unwell - unknown - no confirm"},
		{"天冷不想起床，在被窝里看电视", "other unknown - unknown - no none"},
		{"阿嬷这几工常常问同款问题，问了又问", "checkin unwell - unknown - no confirm"},
		{"伊降血压药一下食了一整排", "checkin unknown - unknown - no confirm"},
	})
}

// TestMinnanRound61: Minnan words for days (三工), not back (无转来), now (这阵), to
// follow a dead spouse (綴伊去) and a joke (笑诙).
func TestMinnanRound61(t *testing.T) {
	checkCases(t, []parseCase{
		{"阮阿公早起出去买菜，到这阵拢无转来", "urgent unknown - unknown - yes alarm"},
		{"阮翁过身了后，想欲綴伊去", "urgent urgent - unknown - yes alarm"},
		{"讲一个笑话：我妈摔了一跤爬起来第一句问手机摔坏没", "other unknown - unknown - yes none"},
	})
}

// TestRound61Calm: money that "hurts the heart", a faint read of in the group about
// another building, a vaccine with no reaction, a stroke video.
func TestRound61Calm(t *testing.T) {
	checkCases(t, []parseCase{
		{"看到群里说有人低血糖晕倒，不是我们楼的", "other unknown - unknown - no none"},
		{"打了两针疫苗冇反应，身体好好", "checkin well 2 unknown - no none"},
		{"群里刚发的中风视频，看得我心惊肉跳", "other unknown - unknown - no none"},
		{"我眼前一阵发黑，腿软站不住", "urgent urgent - unknown - no alarm"},
	})
}

// TestSeizuresCounted: seizures counted (抽了两回) and someone not come round after them
// are an alarm; blood drawn twice is not.
func TestSeizuresCounted(t *testing.T) {
	checkCases(t, []parseCase{
		{"老伴有癫痫，今天抽了两回，到现在还没醒过来", "urgent urgent - unknown - yes alarm"},
		{"今天抽了两次血，累死了", "other unknown - unknown - no none"},
	})
}

// TestHealthRound61: a named illness is unwell (癫痫, 面肌痉挛, a tremor); recovering
// "not badly" after a heart attack last month is still unwell; the correction after a
// denial (不是…，是心里憋屈) is what the health is; mosquito bites after 还好 are a
// complaint.
func TestHealthRound61(t *testing.T) {
	checkCases(t, []parseCase{
		{"我爸有癫痫，药不断就不会犯", "checkin unwell - unknown - yes none"},
		{"我手抖，胰岛素自己打不准", "checkin unwell - unknown - no none"},
		{"上个月老伴心梗住了院，现在恢复得不错", "checkin unwell - unknown - yes none"},
		{"不是我爸身体不舒服，是他心里憋屈，刚跟我吵了一架", "checkin unwell - unknown - yes none"},
		{"谁说我住院了？没有的事", "checkin well - unknown - no none"},
		{"还好吧，胳膊上被蚊子叮了好几个大包", "checkin unwell - unknown - no none"},
		{"𠊎冇事，就係睡唔落目", "checkin unwell - unknown - no none"},
	})
}

// TestSuddenConfusionAndSpeech: confusion that came on since "half an hour ago it was
// fine" or "yesterday she was clear" is an alarm, as is speech that stops mid-sentence,
// speech that is not smooth with writing gone, and speech still slow after a partial
// recovery (缓过来一点).
func TestSuddenConfusionAndSpeech(t *testing.T) {
	checkCases(t, []parseCase{
		{"刚才电话里我妈一直问我吃饭没，问了七八遍，半小时前还正常得很", "urgent urgent - unknown - yes alarm"},
		{"外婆刚刚视频里问我是谁，昨天还明明白白的", "urgent urgent - unknown - yes alarm"},
		{"老头突然不会写字了，话也说不顺溜", "urgent urgent - unknown - no alarm"},
		{"我妈突然说不出话，现在缓过来一点但说话还是慢", "urgent urgent - unknown - yes alarm"},
		{"我妈刚才电话里话说一半就停了，只会哼哼", "urgent urgent - unknown - yes alarm"},
	})
}

// TestBleedingSigns: red urine and a bruise on a blood thinner is bleeding; red urine
// explained by a medicine or dragon fruit is not.
func TestBleedingSigns(t *testing.T) {
	checkCases(t, []parseCase{
		{"外公在打抗凝针，肚皮上紫了一大片，尿也是红的", "urgent urgent - unknown - yes alarm"},
		{"我吃了利福平，尿是红的，药师说是药的颜色", "other unknown - unknown - no none"},
		{"昨天吃了红心火龙果，今天尿是红的", "other unknown - unknown - no none"},
	})
}

// TestRound61Past: low sugar last night that passed once sugar was eaten, a denial
// (不是啦) after a question, and gout that keeps him in bed (下不了地 is no fall).
func TestRound61Past(t *testing.T) {
	checkCases(t, []parseCase{
		{"阿母昨暝血糖低，食糖了后就好，今早量6.2", "checkin unwell - unknown - no none"},
		{"奶奶昨晚叫不醒？不是啦，她是助听器没戴", "checkin well - unknown - yes none"},
		{"老爷子痛风又犯了，大脚趾红肿，今天下不了地", "checkin unwell - unknown - yes confirm"},
	})
}

// TestRound61OldMisses: a tongue "tied in a knot" is slurred speech, not an ending (了结);
// medicine brought home from hospital (出院带回来的) is no stay in care; the one paid (付完人家)
// is not someone else the writer tells of; a Minnan scam caller's claim (有人讲是医保局的) is
// no hearsay once the money has gone; a whole week of tablets taken at once.
func TestRound61OldMisses(t *testing.T) {
	checkCases(t, []parseCase{
		{"我爸电话里舌头像打了结，他答些不搭界的话，半个钟头前还好好的", "urgent urgent - unknown - yes alarm"},
		{"他说事情总算了结了", "other unknown - unknown - no none"},
		{"我爸刚把外用的药水当口服液喝了，出院带回来的，两个瓶子一模一样", "urgent urgent - unknown - yes alarm"},
		{"对方说中了奖要先交税两千，老伴用支付宝付了，付完人家就不回了", "urgent unknown - unknown - yes alarm"},
		{"有人讲是医保局的，叫阮转三万去安全账户，阮已经转了", "urgent unknown - unknown - no alarm"},
		{"mum took a whole week of her tablets at once and she's getting sleepy", "urgent urgent - unknown - yes alarm"},
	})
}

// TestFiguresRound61: three Chinese digits told one by one (一八八) are a figure, a bare
// pair with "again this evening" is a blood pressure in English too, and a family that
// will "watch a while longer" (我们再观察一下) is no doctor's observation.
func TestFiguresRound61(t *testing.T) {
	checkCases(t, []parseCase{
		{"早上量血压一八八，九十六，没什么感觉", "checkin unwell - unknown - no confirm"},
		{"180/95 again this evening. Took her pills. no headache", "checkin unwell - unknown - no confirm"},
		{"Is 150/90 too high?", "other unknown - unknown - no none"},
		{"婆婆血压 190/100 人说没事 我们再观察一下", "checkin unwell - unknown - yes confirm"},
		{"血糖七八", "checkin unwell - unknown - no none"},
	})
}
