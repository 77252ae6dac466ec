package parse

// Round 53 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestTianjinProfessorsAndFujian: Tianjin high-rises, professors' code-switching and
// Fujian families: a hip that cannot touch the ground after a fall; the bankbook and the
// deeds laid out with "live on your own"; a fist that will not close; a blister that
// twists the mouth; a memory that age explains; syncope; a hypothesis that asks on in the
// next question; chest pain "一阵一阵" is no "前一阵"; the worst headache of a life in
// Minnan; a denial in Minnan; a gas water heater in the bathroom; eyes that open and
// close; a slide from a chair on blood thinners; a winter too cold for her age.
func TestTianjinProfessorsAndFujian(t *testing.T) {
	checkCases(t, []parseCase{
		{"我爸早上摔了一下，当时说没事，现在右边大腿根儿肿得老高，一挨地就疼得嗷嗷叫", "urgent urgent - unknown - yes alarm"},
		{"我老伴今儿把存折、房本都摆桌上，跟我说以后你自己过吧，我问他咋地了他不吭声", "urgent urgent - unknown - yes alarm"},
		{"我们家老头今天早上起来说话呜噜呜噜的跟含着个枣似的，右手攥不上拳", "urgent urgent - unknown - no alarm"},
		{"嘴角长了个泡，吃饭得歪着嘴吃，疼", "checkin unwell - unknown - no none"},
		{"我这脑子不行了，刚想说嘛来着就忘了，岁数大了都这样哈", "checkin unwell - unknown - no none"},
		{"刚才老爸站起来一下就syncope了，倒在沙发上，醒是醒了但脸白得吓人", "urgent urgent - unknown - yes alarm"},
		{"万一摔倒了怎么办？我妈刚才摔了，要不要叫120？", "urgent urgent - unknown medical yes alarm"},
		{"挺好的，就是从早上起来胸前一阵一阵绞痛，连下巴都痛，汗出到一身湿", "urgent urgent - unknown - no alarm"},
		{"前一阵一直咳嗽，现在好了", "checkin well - unknown - no none"},
		{"伊头壳痛到讲一世人无这样痛过，抱着头在眠床上哼，吐两摆了", "urgent urgent - unknown - no alarm"},
		{"群里讲我跋倒了？无影的代志，是手机跌落地", "checkin well - unknown - no none"},
		{"老人家洗澡洗一半讲头晕手脚软，热水器是燃气的装在浴室里面", "urgent urgent - unknown - yes alarm"},
		{"我妈一直睡，喊了半个钟头才睁一下眼又睡过去，平常不是这样", "urgent urgent - unknown - yes alarm"},
		{"老人家有在吃抗凝的药，刚从椅子上滑下来，额头撞青一块", "urgent urgent - unknown - yes alarm"},
		{"俺娘那屋没暖气，煤也烧完了，外头零下，她岁数大了扛不住，恁看咋弄", "aid unknown - unknown errand yes confirm"},
	})
}

// TestHypothesisAsksOn: a hypothesis asked about goes on into the question after it (先
// 吃药还是直接打120？): it sets no alert and, a choice asked (round 54), opens no request;
// a request after it (能帮我买点药吗？) still asks.
func TestHypothesisAsksOn(t *testing.T) {
	checkCases(t, []parseCase{
		{"万一半夜血压飙到200怎么办？先吃药还是直接打120？", "other unknown - unknown - no none"},
		{"万一摔倒了怎么办？能帮我买点药吗？", "aid unknown - unknown medicine no none"},
	})
}
