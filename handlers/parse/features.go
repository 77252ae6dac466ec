package parse

import (
	"math/bits"
)

// feature is one thing the triage layer recognises in a clause: a body part, a sign
// or quality (part), or a word about time and voice (mark). The lexicon names them;
// the rules in signs.go compose them.
type feature uint8

// Parts: where in the body, and what is wrong with it.
const (
	fNone feature = iota

	// body sites
	fSide      // 左, 右边, 半边, 一侧: one side
	fFace      // 脸, 嘴, 嘴角, 口角, 眼皮
	fArm       // 胳膊, 手, 手臂, 膀子
	fLeg       // 腿, 脚
	fBody      // 身子, 半身: a half of the body
	fSpeech    // 说话, 话, 口齿, 舌头
	fChest     // 胸口, 心口, 心窝
	fHead      // 头, 脑袋, 后脑勺
	fEye       // 眼睛, 眼前, 看东西
	fReach     // 后背, 下巴, 牙根, 肩膀: where heart pain spreads
	fOrgan     // 腰, 膝盖, 耳朵, 胃, 大便: any part of the body an everyday complaint is about
	fComplaint // 酸, 胀, 痒, 不通, 背了: what is wrong with it (with fOrgan: unwell)

	// qualities of a site
	fWeak     // 拿不住, 抬不起来, 不听使唤: a limb that fails
	fLimp     // 没劲, 没力气, 无力: weakness in general
	fNumb     // 麻, 发麻, 没知觉
	fDroop    // 歪, 耷拉, 合不拢, 流口水
	fSlur     // 说不清, 含糊, 大舌头, 口齿不清
	fBalance  // 往一边倒, 站不稳, 天旋地转
	fBlind    // 看不见, 重影, 一片黑
	fWorst    // 要炸了, 要裂开, 从来没这么疼过
	fPain     // 疼, 痛
	fPress    // 闷, 压, 紧, 憋, 像压了块石头, 难受
	fSweat    // 冷汗, 冒汗, 湿透
	fBreath   // 喘, 气短: breathing that is hard work
	fNoBreath // 喘不上气, 吸不进气, 说不完一句: breathing that fails
	fBlue     // 嘴唇发紫, 脸发青, 脸色发灰
	fNausea   // 恶心, 想吐, 吐了
	fDizzy    // 头晕, 眼花
	fBlackout // 眼前一黑, 眼前发黑
	fPalpit   // 心慌, 心跳得厉害, 心跳乱
	fShake    // 发抖, 哆嗦, 手抖
	fDrowsy   // 昏昏沉沉, 光想睡

	// consciousness
	fFaint    // 晕倒, 昏过去, 栽倒, 没了知觉
	fUnresp   // 叫不醒, 没反应, 不应
	fSeizure  // 抽搐, 口吐白沫, 翻白眼
	fConfused // 糊涂, 不认人, 胡言乱语, 说胡话

	// falls
	fFall    // 摔, 跌倒, 滑倒, 踩空, 掉下来
	fCantUp  // 起不来, 动不了, 不能着地
	fFloor   // 倒在地上, 坐在地上: on the floor now
	fHit     // 磕, 撞, 着地: a blow
	fThinner // 华法林, 阿司匹林, 抗凝药: blood thinners
	fThing   // 碗, 手机, 猫: a thing or pet that falls, not a person

	// bleeding
	fBlood     // 血, 流血, 出血
	fBleedMore // 止不住, 还在流, 好多血, 往外冒
	fVomit     // 吐, 呕
	fCough     // 咳
	fGutBleed  // 吐血, 呕血, 咳血, 便血, 咖啡渣
	fTarry     // 黑便, 柏油: black stools
	fStool     // 大便, 拉的: with fBlack, black stools
	fBlack     // 黑, 发黑, 黑芝麻

	// danger at home
	fFire   // 着火, 冒烟, 火苗, 冒火星
	fGas    // 煤气, 燃气, 天然气
	fSmell  // 味, 味道, 泄漏, 嘶嘶响
	fPoison // 中毒, 农药, 消毒液, 洗洁精
	fSwallow
	fChoke     // 噎住, 卡住
	fBurn      // 烫伤, 起大泡, 烫掉一层皮
	fStove     // 炭盆, 炉子: carbon monoxide
	fLocked    // 锁在外面, 反锁, 关在阳台
	fCold      // 冻得, 打哆嗦: a body in the cold
	fFrost     // 零下十几度: the weather, nobody's body
	fDespair   // 不想活, 活够了, 想不开, 遗书
	fLive      // 活, 活着, 活下去: with nowill or worthless, despair
	fNoWill    // 不想, 不愿, 熬不
	fWorthless // 没意思, 没盼头, 累赘, 不中用
	fDeath     // 死了, 一死, 早点走: with relief or worthless, despair
	fRelief    // 干净, 算了, 解脱, 省心
	fJoin      // 去陪他, 去找她: with bereaved, despair
	fBereaved  // 老伴走了, 去世以后
	fPills     // 安眠药, 药片: with hoard, despair
	fCalled    // 叫她, 喊他, 推他: with silent, unresponsive
	fSilent    // 不说话, 不答话, 眼皮动动
	fBed       // 起不来床, 下不了床: with alone, an alarm
	fHoard     // 攒, 存的, 数了数, 够了
	fLost      // 迷路, 走丢, 不知道在哪
	fMissing   // 没回来, 人不见了, 到处找不着
	fDementia
	fVictim    // 被骗, 上当, 卡被刷
	fScam      // 自称, 冒充, 安全账户, 验证码, 稳赚不赔
	fAuthority // 公安局, 检察院, 银行客服: who a caller claims to be
	fMoney     // 转账, 汇款, 存款, 取钱
	fWeapon    // 拎着菜刀, 拿着刀, 抡棍子: a weapon in someone's hand
	fThreat    // 要砍死, 一起死, 把家炸了: a threat to kill or destroy
	fBeaten    // 动手打我, 挨打, 推倒了我, 掐脖子: struck or shoved by someone
	fHide      // 躲在卧室, 顶着门: hiding from someone
	fHelp      // 救命, 快来人, 救救我
	fDying     // 不行了, 快不行了, 没气了
	fAmbul     // 120, 救护车, 白车: an ambulance called or asked for
	fNoAnswer  // 联系不上, 没人接, 敲门没人应
	fAlone     // 一个人, 独自, 就我一个
	fScared    // 害怕, 怕得很
	fNoFood    // 没吃的, 断顿
	fNotEat    // 不怎么吃饭, 吃不下饭, 好几天没吃东西
	fNoHeat    // 暖气坏了, 没暖气
	fNoCarer   // 照顾不了, 没人照顾
	fCarerAway // 保姆回老家了: the carer away for a while (a need only for an elder alone)
	fWall      // 扶着墙: a fall risk
	fDevice    // 制氧机, 呼吸机: a machine the elder breathes by
	fPowerOut  // 停电, 断电, 不出氧了: the power is off, or the machine gives no oxygen
	fStrokeNamed
	fHeartNamed
	fLowSugar // 低血糖
	fTrouble  // 出事: something happened
	fInner    // 心里: the chest as elders speak of it, or the mind; with press and sweat or nausea, the heart
	fFarewell // 后事, 交代完了: settling one's affairs
	fGiveAway // 存款转给了我, 存折交给我 (a pair): giving away what one owns
	fNoNeed   // 以后用不上了: "I won't need it"
	fParting  // 这些年谢谢大家照顾, 以后就麻烦你们了: a leave-taking, a farewell only with the affairs settled
	fMeds     // 药: medicine of any kind, hoarded with a wish to end it
	fInjury   // 崴, 扭伤, 扭了脚: a sprain or strain
	fSwell    // 肿, 淤青, 变形: an injury that shows
	fFever    // 高烧, 浑身滚烫: a fever told without a figure
	fCome     // 来一趟, 来我家, 来个人: a request to come
	fNoUrine  // 一滴尿也没有, 没解过小便, 尿不出来: no urine
	fDialysis // 透析
	fSkipped  // 没做, 停了, 断了: a treatment missed
	fChemo    // 化疗, 放疗: a fever on it is an emergency
	fRigor    // 寒战, 打摆子: shaking chills
	fAllDay   // 一整天, 一天一夜: all day
	fStuck    // 鱼刺卡, 骨头卡住: something lodged in the throat that the breath still passes
	fTubeOut  // 胃管扯出来了, 尿管掉了: a feeding or urine tube out
	fAspire   // 吃饭老是呛, 喝水就呛: food or drink going down the wrong way
	fTender   // 按着更疼, 肚子硬邦邦: a belly that hurts to the touch or is hard
	fInfect   // 流脓, 流黄水, 伤口发臭: a wound or sore gone bad
	fFlood    // 水灌进屋, 水到膝盖: water rising in the home
	fRash     // 起疹子, 红疹子, 风团: a rash (after a new medicine, an allergy)

	// graded doubt (doubt.go): what no discriminator names but a person should look at
	fUnable // 迈不开, 咽不下, 不能翻身: a bodily act that fails (the lexicon's potential forms)
	fOdd    // 怪怪的, 像不是自己的, 跟平时不一样: a body or manner that is not as usual
	fHurry  // 快叫, 赶紧, 急死人了: the writer presses for someone to come
	fSite   // 肚子, 嗓子, 浑身: a part of the body where trouble may be acute (not 腰, 牙, 头发)

	// marks: time and voice
	mOnset    // 突然, 一下子, 刚才
	mNow      // 现在, 今天, 刚刚, 又
	mRecent   // 昨天, 昨晚, 前天
	mCare     // 住院, 在医院, 支架, 手术, 医生说
	mVisit    // 去医院看看他, 探望: someone is in hospital, even in a question
	mWatch    // 陪着, 守着, 在旁边看着: family or neighbours keep watch, no doctor yet
	mOver     // 缓过来了, 止住了, 灭了, 找到了, 追回来了
	mHypo     // 万一, 要是, 如果, 哪天
	mGeneral  // 老人, 怎么区分, 哪些症状, 多少算: a question in general
	mDenial   // 没有的事, 别当真, 乱按的
	mJoke     // 哈哈, 笑死, 开玩笑
	mFamiliar // 老毛病, 经常, 有时候: known and recurring
	mChronic  // 后遗症, 好几年, 从小, 坐久了: long-standing or explained
	mSevere   // 厉害, 要命, 受不了
	mLasting  // 二十多分钟, 半个钟头: minutes that count
	mBenign   // 爬楼梯, 唱歌, 搬东西: a harmless cause
	mExert    // 爬楼梯, 干活, 走快了: breathless from exertion
	mMitigate // 还能走, 人没事, 不碍事
	mFine     // 一切正常, 好好的: well, now
	mDays     // 好几天, 这几天, 两天: over days
	mWarn     // 提醒, 留个心眼, 小心: a warning to others
	mPast     // 去年, 以前, 上个月 (the lexicon's clause kind past)
	mMild     // 有点, 不太 (the lexicon's hedges)
	mWorry    // 不对劲, 吓人: the person there judges it serious
	mWorse    // 更厉害了, 加重了: what was told as past goes on now
	mPlea     // 怎么办, 咋整: a plea, not a question in general
	mReported // 报了警, 卡冻结了: the police or the bank know of a fraud
	mExtreme  // 受不了, 要命, 打滚, 像刀割: beyond an everyday "bad" (厉害 alone is severe)
	mUrge     // 马上, 赶紧, 求求了, 急急急: now, at once
	mPurpose  // 陪, 复查, 买, 修: what a request to come is for
	mBelief   // 以为: what someone thought, not what is (its own clause only)
	mRumour   // 是真的吗, 不知道真假: asks whether what was told of others is true
	mUnpaid   // 还没给, 还没转: the money a scam asks for has not gone yet
	mAsk      // 麻烦, 帮忙, 能不能: a request (麻烦帮忙联系社区医生上门 asks for care, it is not in care)
	mReally   // 说真的, 不开玩笑, seriously: what follows is meant, whatever was joked before
	mSleep    // 睡懒觉, 午睡, 睡得沉: asleep, the one harmless cause of not waking

	nFeatures
)

// featureNames are the lexicon's names for features; partFeature / markFeature tell
// which lexicon kind may use a name.
var featureNames = [nFeatures]string{
	fSide: "side", fFace: "face", fArm: "arm", fLeg: "leg", fBody: "body", fSpeech: "speech",
	fChest: "chest", fHead: "head", fEye: "eye", fReach: "reach", fOrgan: "organ", fComplaint: "complaint",
	fWeak: "weak", fLimp: "limp", fNumb: "numb", fDroop: "droop", fSlur: "slur", fBalance: "balance",
	fBlind: "blind", fWorst: "worst", fPain: "pain", fPress: "press", fSweat: "sweat",
	fBreath: "breath", fNoBreath: "nobreath", fBlue: "blue", fNausea: "nausea", fDizzy: "dizzy",
	fBlackout: "blackout", fPalpit: "palpit", fShake: "shake", fDrowsy: "drowsy",
	fFaint: "faint", fUnresp: "unresponsive", fSeizure: "seizure", fConfused: "confused",
	fFall: "fall", fCantUp: "cantup", fFloor: "floor", fHit: "hit", fThinner: "thinner", fThing: "thing",
	fBlood: "blood", fBleedMore: "bleedmore", fVomit: "vomit", fCough: "cough", fGutBleed: "gutbleed",
	fTarry: "tarry", fStool: "stool", fBlack: "black",
	fFire: "fire", fGas: "gas", fSmell: "smell", fPoison: "poison", fSwallow: "swallow", fChoke: "choke",
	fBurn: "burn", fStove: "stove", fLocked: "locked", fCold: "cold", fFrost: "frost",
	fDespair: "despair", fLive: "live", fNoWill: "nowill", fWorthless: "worthless", fDeath: "death", fRelief: "relief",
	fJoin: "join", fBereaved: "bereaved", fPills: "pills", fHoard: "hoard", fCalled: "called", fSilent: "silent", fBed: "bed", fLost: "lost", fMissing: "missing", fDementia: "dementia",
	fVictim: "victim", fScam: "scam", fAuthority: "authority", fMoney: "money",
	fWeapon: "weapon", fThreat: "threat", fBeaten: "beaten", fHide: "hide",
	fHelp: "help", fDying: "dying", fAmbul: "ambulance", fNoAnswer: "noanswer",
	fAlone: "alone", fScared: "scared", fNoFood: "nofood", fNotEat: "noteat", fNoHeat: "noheat",
	fNoCarer: "nocarer", fCarerAway: "carerway", fDevice: "device", fPowerOut: "powerout",
	fWall: "wall", fStrokeNamed: "stroke", fHeartNamed: "heart", fLowSugar: "lowsugar",
	fTrouble: "trouble", fInner: "inner", fFarewell: "farewell", fGiveAway: "giveaway", fNoNeed: "noneed", fParting: "parting", fMeds: "meds",
	fInjury: "injury", fSwell: "swell", fFever: "fever", fCome: "come", fNoUrine: "nourine", fDialysis: "dialysis", fSkipped: "skipped",
	fChemo: "chemo", fRigor: "rigor", fAllDay: "allday", fStuck: "stuck", fTubeOut: "tubeout", fAspire: "aspire", fTender: "tender", fInfect: "infect", fFlood: "flood", fRash: "rash", fUnable: "unable", fOdd: "odd", fHurry: "hurry", fSite: "site",
	mOnset: "onset", mNow: "now", mRecent: "recent", mCare: "care", mVisit: "visit", mWatch: "watch", mOver: "over", mHypo: "hypothetical",
	mGeneral: "general", mDenial: "denial", mJoke: "joke", mFamiliar: "familiar", mChronic: "chronic",
	mSevere: "severe", mLasting: "lasting", mBenign: "benign", mExert: "exert", mMitigate: "mitigate", mFine: "fine", mDays: "days",
	mWarn: "warn", mPast: "past", mMild: "mild", mWorry: "worry", mWorse: "worse", mPlea: "plea", mReported: "reported", mExtreme: "extreme",
	mUrge: "urge", mPurpose: "purpose", mBelief: "belief", mRumour: "rumour", mUnpaid: "unpaid", mAsk: "ask", mReally: "really", mSleep: "sleep",
}

// isMark reports whether f is a mark (time and voice) rather than a part.
func (f feature) isMark() bool { return f >= mOnset && f < nFeatures }

func (f feature) String() string {
	if f < nFeatures && featureNames[f] != "" {
		return featureNames[f]
	}
	return "?"
}

// featureByName finds a feature by its lexicon name.
func featureByName(name string) (feature, bool) {
	for f := fNone + 1; f < nFeatures; f++ {
		if featureNames[f] == name {
			return f, true
		}
	}
	return fNone, false
}

// featSet is a set of features.
type featSet [3]uint64

func (s *featSet) add(f feature)          { s[f>>6] |= 1 << (f & 63) }
func (s featSet) has(f feature) bool      { return s[f>>6]&(1<<(f&63)) != 0 }
func (s featSet) union(o featSet) featSet { return featSet{s[0] | o[0], s[1] | o[1], s[2] | o[2]} }
func (s featSet) empty() bool             { return s[0]|s[1]|s[2] == 0 }

// without returns s less f.
func (s featSet) without(f feature) featSet { s[f>>6] &^= 1 << (f & 63); return s }

// partMask holds every part: the features before the first mark.
var partMask = func() featSet {
	var s featSet
	for f := fNone + 1; f < mOnset; f++ {
		s.add(f)
	}
	return s
}()

// hasPart reports whether s holds a part, not only marks.
func (s featSet) hasPart() bool {
	return s[0]&partMask[0]|s[1]&partMask[1]|s[2]&partMask[2] != 0
}

// any reports whether s holds at least one of fs.
func (s featSet) any(fs ...feature) bool {
	for _, f := range fs {
		if s.has(f) {
			return true
		}
	}
	return false
}

// meets reports whether s and o have a feature in common: s.any(fs...) for a set
// made once (the lists read on every sign and clause have sets below).
func (s featSet) meets(o featSet) bool { return s[0]&o[0]|s[1]&o[1]|s[2]&o[2] != 0 }

// The sets of the feature lists that are tested with meets.
var (
	suddenSet         = setOf(suddenParts...)
	bodySet           = setOf(bodyFeats...)
	limbSet           = setOf(limbs...)
	incidentSet       = setOf(incidentFeats...)
	residueSet        = setOf(residueFeats...)
	bodyPartSet       = setOf(bodyParts...)
	doubtExplainedSet = setOf(doubtExplained...)
	doubtEscalatorSet = setOf(doubtEscalators...)
)

// slice lists the features of s.
func (s featSet) slice() []feature {
	var out []feature
	for f := fNone + 1; f < nFeatures; f++ {
		if s.has(f) {
			out = append(out, f)
		}
	}
	return out
}

// count is the number of features in s.
func (s featSet) count() int {
	return bits.OnesCount64(s[0]) + bits.OnesCount64(s[1]) + bits.OnesCount64(s[2])
}

func setOf(fs ...feature) featSet {
	var s featSet
	for _, f := range fs {
		s.add(f)
	}
	return s
}
