package parse

// Round 47 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestKoreanJapaneseEnglish: Korean and Japanese retirees' English: a sight that came back,
// a consulate's fine, a code given away, pills hoarded and a night's plan, a forwarded
// anti-fraud notice, a near fall caught on the rail.
func TestKoreanJapaneseEnglish(t *testing.T) {
	checkCases(t, []parseCase{
		{"Last night harabeoji said he could not see from left eye for some minutes. In the morning it came back.", "checkin unwell - unknown - no confirm"},
		{"harabeoji drooling from one side and his arm is like dead arm, 120 already called, gate 3 is locked, please someone open", "urgent urgent - unknown - no alarm"},
		{"a caller says he is from Japanese consulate, my mother's passport has problem, she must pay fine by wechat today. she is going out to bank NOW, stop her please", "urgent unknown - unknown - yes alarm"},
		{"aigo, nearly fell on stairs but caught the rail. gwaenchana, only my heart was surprised", "other unknown - unknown - no none"},
		{"aigo I gave the code from SMS to a man who said my son had an accident. now all money in my card is gone", "urgent unknown - unknown - no alarm"},
		{"halmeoni took too many of her sleeping pills, bottle is empty, she is very drowsy. I don't know if by mistake", "urgent urgent - unknown - no alarm"},
		{"my father poured boiling water on his foot, skin is coming off big area, he is screaming", "urgent urgent - unknown - yes alarm"},
		{"Sorry to everyone for the trouble. I kept my pills in a box for a long time. Tonight I finish everything. Thank you for kindness", "urgent urgent - unknown - no alarm"},
		{"halmeoni keeps saying 'better I die, then nobody must take care of me'. all day like this, and she gave me her bank book", "urgent urgent - unknown - no alarm"},
		{"[转发] Anti-fraud notice: nobody from the health office will ask you to transfer money. If in doubt call 96110", "other unknown - unknown - no none"},
		{"Mama called from the street, she cannot find our apartment, she says all buildings look same. she is crying. she left 2 hours ago", "urgent unknown - unknown - yes alarm"},
		{"Woke up with a dead arm from lying on it, fine after five minutes.", "checkin well - unknown - no none"},
	})
}

// TestVillageAndMedicine: paraquat swallowed and spat out still an alarm, a needle-like
// chest pain with a cold sweat, a heating that failed with the kang unlit, a carer who is
// ill herself, black stools after ibuprofen, a swollen tongue on a new pill, insulin
// given at the wrong strength, a back pain that keeps one in bed.
func TestVillageAndMedicine(t *testing.T) {
	checkCases(t, []parseCase{
		{"老伴不小心喝了一口矿泉水瓶里装的百草枯 吐出来了 他说没事 不让我吭声", "urgent urgent - unknown - yes alarm"},
		{"没发烧 核酸也是阴性 就是刚才心口像针扎一样 冒了一头冷汗 胳膊也麻", "urgent urgent - negative - no alarm"},
		{"停电了 电褥子不热 炕也没烧 冻得睡不着", "checkin unwell - unknown - no confirm"},
		{"電熱毯壞了，可以幫忙買一條新的嗎？天太冷了", "aid unknown - unknown - no none"},
		{"嘴歪是中风的信号吗？群里发的那个视频看得我有点怕", "other unknown - unknown - no none"},
		{"照顾我妈的阿姨自己也阳了 发着烧躺着 谁能帮忙给我妈送下药", "aid unwell - positive medicine yes confirm"},
		{"布洛芬吃多了吧 胃疼了两天 刚拉了一摊黑的 站起来天旋地转", "urgent urgent - unknown - no alarm"},
		{"嗓子肿了 舌头也大了 说话呜呜的 医生新换的那个普利刚吃三天", "urgent urgent - unknown - no alarm"},
		{"糟了 把长效的量打成了短效的 40个单位 现在开始冒汗了", "urgent urgent - unknown - no alarm"},
		{"挺好的 就是腰疼得下不了地", "checkin unwell - unknown - no confirm"},
	})
}
