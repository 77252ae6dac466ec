package parse

import (
	"math/rand/v2"
	"testing"
)

// ruleCase is one call of a rule: the parts of the clause, the parts of the live
// message (the clause's own are added), and the level wanted.
type ruleCase struct {
	name string
	c, m []feature
	want Alert
}

func checkRule(t *testing.T, fn func(c, m featSet) (Alert, featSet), cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		c, m := setOf(tc.c...), setOf(tc.m...)
		if got, _ := fn(c, m.union(c)); got != tc.want {
			t.Errorf("%s: %v + %v = %s, want %s", tc.name, tc.c, tc.m, got, tc.want)
		}
	}
}

func TestRuleStroke(t *testing.T) {
	checkRule(t, ruleStroke, []ruleCase{
		{"double vision, suddenly (突然说屏幕变成两个了)", []feature{fBlind}, []feature{mOnset}, AlertAlarm},
		{"named", []feature{fStrokeNamed}, nil, AlertAlarm},
		{"face droops", []feature{fFace, fDroop}, nil, AlertAlarm},
		{"mouth a bit crooked from a swollen gum", []feature{fFace, fDroop, mMild}, []feature{mBenign}, AlertConfirm},
		{"one side, arm weak (左手拿不住东西)", []feature{fSide, fArm, fWeak}, nil, AlertAlarm},
		{"arm weak suddenly (胳膊突然抬不起来)", []feature{fArm, fWeak}, []feature{mOnset}, AlertAlarm},
		{"one side numb (左边手脚没知觉)", []feature{fSide, fLeg, fNumb}, nil, AlertAlarm},
		{"half the body limp", []feature{fSide, fBody, fLimp}, nil, AlertAlarm},
		{"slurred and sudden", []feature{fSpeech, fSlur}, []feature{mOnset}, AlertAlarm},
		{"slurred and the face droops elsewhere", []feature{fSlur}, []feature{fDroop}, AlertAlarm},
		{"balance lost suddenly", []feature{fBalance}, []feature{mOnset}, AlertAlarm},
		{"dizzy and cannot stand", []feature{fBalance}, []feature{fDizzy}, AlertAlarm},
		{"one eye blind suddenly", []feature{fEye, fBlind}, []feature{mOnset}, AlertAlarm},
		{"worst headache", []feature{fHead, fPain, fWorst}, nil, AlertAlarm},
		{"sudden severe headache with vomiting", []feature{fHead, fPain}, []feature{mOnset, fVomit}, AlertAlarm},
		{"a failing hand alone", []feature{fArm, fWeak}, nil, AlertConfirm},
		{"slurred alone", []feature{fSlur}, nil, AlertConfirm},
		{"slurred from an ulcer", []feature{fSlur}, []feature{mBenign}, AlertNone},
		{"a hand a bit shaky", []feature{fArm, fWeak, mMild}, nil, AlertNone},
		{"cannot see clearly, no onset (老花)", []feature{fEye, fBlind}, nil, AlertNone},
		{"a numb leg, no side", []feature{fLeg, fNumb}, nil, AlertNone},
		{"an aching right arm (右手有点酸)", []feature{fSide, fArm, fComplaint}, nil, AlertNone},
	})
}

func TestRuleHeart(t *testing.T) {
	checkRule(t, ruleHeart, []ruleCase{
		{"心里难受, cold sweat", []feature{fInner, fPress}, []feature{fSweat}, AlertAlarm},
		{"心里堵得慌: the mind", []feature{fInner, fPress}, nil, AlertNone},
		{"now and then, a minute or two (偶尔闷一下，一两分钟)", []feature{fChest, fPress}, []feature{mFamiliar, mLasting}, AlertConfirm},
		{"named", []feature{fHeartNamed}, nil, AlertAlarm},
		{"chest pressure with sweat (像压了块石头，直冒汗)", []feature{fChest, fPress}, []feature{fSweat}, AlertAlarm},
		{"chest pain and breathless", []feature{fChest, fPain}, []feature{fNoBreath}, AlertAlarm},
		{"chest pain spreading to the back", []feature{fChest, fPain}, []feature{fReach}, AlertAlarm},
		{"chest pain for half an hour", []feature{fChest, fPain}, []feature{mLasting}, AlertAlarm},
		{"chest pain, severe", []feature{fChest, fPain, mSevere}, nil, AlertAlarm},
		{"rubbing the chest, pressure said elsewhere", []feature{fChest}, []feature{fPress, fSweat}, AlertAlarm},
		{"a TV drama that hurts the heart", []feature{fChest, fPain}, []feature{mBenign}, AlertNone},
		{"chest pain alone", []feature{fChest, fPain}, nil, AlertConfirm},
		{"a bit tight, an old trouble", []feature{fChest, fPress, mMild}, []feature{mFamiliar}, AlertConfirm},
		{"tight on the stairs", []feature{fChest, fPress}, []feature{fBreath, mExert}, AlertConfirm},
		{"palpitations and a black-out", []feature{fPalpit}, []feature{fBlackout}, AlertAlarm},
		{"palpitations alone", []feature{fPalpit}, nil, AlertConfirm},
		{"a chest without complaint", []feature{fChest}, nil, AlertNone},
	})
}

func TestRuleBreathing(t *testing.T) {
	checkRule(t, ruleBreathing, []ruleCase{
		{"breathless and cannot speak (气紧，话都讲不出来)", []feature{fBreath}, []feature{fSlur}, AlertAlarm},
		{"cannot breathe", []feature{fNoBreath}, nil, AlertAlarm},
		{"blue lips", []feature{fFace, fBlue}, nil, AlertAlarm},
		{"a bruise is no cyanosis (磕青了)", []feature{fLeg, fBlue, fHit}, nil, AlertNone},
		{"breathing hard, badly", []feature{fBreath, mSevere}, nil, AlertAlarm},
		{"breathing hard", []feature{fBreath}, nil, AlertConfirm},
		{"a bit breathless", []feature{fBreath, mMild}, nil, AlertNone},
		{"breathless on the stairs", []feature{fBreath}, []feature{mExert}, AlertNone},
		{"cannot breathe after climbing", []feature{fNoBreath}, []feature{mExert}, AlertConfirm},
		{"breathing hard uphill, badly", []feature{fBreath, mSevere}, []feature{mExert}, AlertNone},
	})
}

func TestRuleConsciousness(t *testing.T) {
	checkRule(t, ruleConsciousness, []ruleCase{
		{"fell silent mid-sentence (说着说着就没声了)", []feature{fSilent}, []feature{mOnset}, AlertAlarm},
		{"cannot be woken", []feature{fUnresp}, nil, AlertAlarm},
		{"fainted", []feature{fFaint}, nil, AlertAlarm},
		{"a seizure", []feature{fSeizure}, nil, AlertAlarm},
		{"not breathing", []feature{fDying}, nil, AlertAlarm},
		{"suddenly confused", []feature{fConfused}, []feature{mOnset}, AlertAlarm},
		{"confused over days", []feature{fConfused}, []feature{mOnset, mDays}, AlertConfirm},
		{"confused", []feature{fConfused}, nil, AlertConfirm},
		{"a black-out and palpitations", []feature{fBlackout}, []feature{fPalpit}, AlertAlarm},
		{"a black-out alone", []feature{fBlackout}, nil, AlertConfirm},
		{"called, and silent (叫她只是眼皮动动，不说话)", []feature{fCalled}, []feature{fSilent}, AlertAlarm},
		{"silent alone (不说话)", []feature{fSilent}, nil, AlertNone},
	})
}

func TestRuleBleeding(t *testing.T) {
	checkRule(t, ruleBleeding, []ruleCase{
		{"vomiting blood", []feature{fGutBleed}, nil, AlertAlarm},
		{"a little blood, piles again", []feature{fGutBleed, mMild}, []feature{mBenign}, AlertNone},
		{"coughing blood", []feature{fBlood, fCough}, nil, AlertAlarm},
		{"a little blood in a cough", []feature{fBlood, fCough}, []feature{mMild}, AlertConfirm},
		{"bleeding that will not stop", []feature{fBlood, fBleedMore}, nil, AlertAlarm},
		{"a nosebleed on blood thinners", []feature{fBlood}, []feature{fThinner}, AlertAlarm},
		{"black stools and dizzy", []feature{fTarry}, []feature{fDizzy}, AlertAlarm},
		{"black stools", []feature{fTarry}, nil, AlertConfirm},
		{"stools like black sesame paste, cannot stand", []feature{fStool, fBlack}, []feature{fBalance}, AlertAlarm},
		{"bleeding", []feature{fBlood}, nil, AlertConfirm},
		{"gums bleed a bit", []feature{fBlood}, []feature{mMild}, AlertNone},
	})
}

func TestRuleFall(t *testing.T) {
	checkRule(t, ruleFall, []ruleCase{
		{"ill in bed for days (这两天发烧起不来了)", []feature{fCantUp}, []feature{mDays}, AlertConfirm},
		{"a swollen sprain (崴了脚，肿了)", []feature{fInjury}, []feature{fSwell}, AlertConfirm},
		{"a strained back, a plaster on it", []feature{fInjury}, nil, AlertNone},
		{"fell, cannot get up", []feature{fFall}, []feature{fCantUp}, AlertAlarm},
		{"fell, hit the head", []feature{fFall}, []feature{fHead, fHit}, AlertAlarm},
		{"fell, on warfarin", []feature{fFall}, []feature{fThinner}, AlertAlarm},
		{"on the floor", []feature{fFloor}, nil, AlertAlarm},
		{"fell", []feature{fFall}, nil, AlertAlarm},
		{"fell, walking about", []feature{fFall}, []feature{mMitigate}, AlertConfirm},
		{"cannot get up", []feature{fCantUp}, nil, AlertAlarm},
		{"too weak to get up (sick in bed)", []feature{fCantUp}, []feature{fLimp}, AlertConfirm},
		{"too weak to get up, alone", []feature{fCantUp}, []feature{fLimp, fAlone}, AlertAlarm},
		{"cannot get out of bed, alone", []feature{fBed}, []feature{fAlone}, AlertAlarm},
		{"cannot get out of bed (a cold)", []feature{fBed}, nil, AlertConfirm},
		{"no fall", []feature{fLeg, fPain}, nil, AlertNone},
	})
}

func TestRuleLowSugar(t *testing.T) {
	checkRule(t, ruleLowSugar, []ruleCase{
		{"low sugar, shaking", []feature{fLowSugar}, []feature{fShake}, AlertAlarm},
		{"low sugar", []feature{fLowSugar}, nil, AlertConfirm},
		{"none", []feature{fSweat}, nil, AlertNone},
	})
}

func TestRuleDanger(t *testing.T) {
	checkRule(t, ruleDanger, []ruleCase{
		{"fire", []feature{fFire}, nil, AlertAlarm},
		{"a smell of gas", []feature{fGas, fSmell}, nil, AlertAlarm},
		{"gas bill (煤气没了)", []feature{fGas}, nil, AlertNone},
		{"drank detergent", []feature{fPoison, fSwallow}, nil, AlertAlarm},
		{"poison named", []feature{fPoison}, nil, AlertConfirm},
		{"choking", []feature{fChoke}, nil, AlertAlarm},
		{"burnt (烫掉一大块皮)", []feature{fBurn}, nil, AlertAlarm},
		{"a blister (烫了个泡)", []feature{fBurn, mMild}, nil, AlertConfirm},
		{"choking now", []feature{fChoke}, nil, AlertAlarm},
		{"choking often, a swallowing trouble (最近老是噎着)", []feature{fChoke}, []feature{mFamiliar}, AlertNone},
		{"choking often, and cannot breathe now", []feature{fChoke}, []feature{mFamiliar, fNoBreath}, AlertAlarm},
		{"a small burn", []feature{fBurn, mMild}, nil, AlertConfirm},
		{"a stove and a headache", []feature{fStove}, []feature{fPain}, AlertAlarm},
		{"locked out in the cold", []feature{fLocked}, []feature{fCold}, AlertAlarm},
		{"locked out", []feature{fLocked}, nil, AlertConfirm},
	})
}

func TestRuleBeyondMedicine(t *testing.T) {
	checkRule(t, ruleDespair, []ruleCase{
		{"despair said outright", []feature{fDespair}, nil, AlertAlarm},
		{"living, not wanting (不想再活下去)", []feature{fNoWill, fLive}, nil, AlertAlarm},
		{"living, worthless (活着没啥盼头)", []feature{fLive, fWorthless}, nil, AlertAlarm},
		{"death and relief (死了倒干净)", []feature{fDeath, fRelief}, nil, AlertAlarm},
		{"worthless, then death (累赘…一死)", []feature{fDeath}, []feature{fWorthless}, AlertAlarm},
		{"joining the dead spouse", []feature{fJoin}, []feature{fBereaved}, AlertAlarm},
		{"hoarded pills", []feature{fHoard}, []feature{fPills}, AlertAlarm},
		{"living alone", []feature{fLive, fAlone}, nil, AlertNone},
		{"pills alone", []feature{fPills}, nil, AlertNone},
		{"going to see her (no one died)", []feature{fJoin}, nil, AlertNone},
		{"medicine hoarded, swallowed some day (药攒了一瓶…一口吞了)", []feature{fHoard, fMeds}, []feature{fSwallow, fNoWill}, AlertAlarm},
		{"medicine kept in stock", []feature{fHoard, fMeds}, nil, AlertNone},
		{"sleeping pills swallowed when it is too much", []feature{fPills}, []feature{fSwallow, fNoWill}, AlertAlarm},
		{"savings given away, 'I won't need it'", []feature{fGiveAway}, []feature{fNoNeed}, AlertAlarm},
		{"a passbook handed over for safekeeping", []feature{fGiveAway}, nil, AlertNone},
		{"affairs settled (后事都写在本子上了)", []feature{fFarewell}, nil, AlertAlarm},
		{"a grave bought long ago, and well (身体好着呢)", []feature{fFarewell}, []feature{mFine}, AlertNone},
	})
	checkRule(t, ruleLost, []ruleCase{
		{"lost", []feature{fLost}, nil, AlertAlarm},
		{"gets lost now and then", []feature{fLost}, []feature{mFamiliar}, AlertConfirm},
		{"missing with dementia", []feature{fMissing}, []feature{fDementia}, AlertAlarm},
		{"missing for hours", []feature{fMissing}, []feature{mLasting}, AlertAlarm},
		{"not back yet", []feature{fMissing}, nil, AlertConfirm},
		{"out only half an hour", []feature{fMissing}, []feature{mMitigate, mLasting}, AlertNone},
	})
	checkRule(t, ruleFraud, []ruleCase{
		{"a victim", []feature{fVictim}, nil, AlertAlarm},
		{"a scam and money", []feature{fScam}, []feature{fMoney}, AlertAlarm},
		{"a claimed authority and money", []feature{fAuthority}, []feature{fMoney}, AlertAlarm},
		{"a scam and a claimed authority", []feature{fScam}, []feature{fAuthority}, AlertAlarm},
		{"a scam cue", []feature{fScam}, nil, AlertConfirm},
		{"a warning", []feature{fScam}, []feature{fMoney, mWarn}, AlertNone},
		{"money alone", []feature{fMoney}, nil, AlertNone},
	})
	checkRule(t, ruleHelp, []ruleCase{
		{"救命", []feature{fHelp}, nil, AlertAlarm},
		{"an ambulance", []feature{fAmbul}, nil, AlertAlarm},
		{"come now (能不能马上来一趟)", []feature{fCome}, []feature{mUrge}, AlertAlarm},
		{"come, pressed elsewhere (赶紧来我家一趟，求求了)", []feature{fCome}, []feature{fHurry}, AlertAlarm},
		{"come, what to do (来一趟吧，怎么办)", []feature{fCome}, []feature{mPlea}, AlertAlarm},
		{"come for company (能来个人陪一下吗)", []feature{fCome}, nil, AlertNone},
		{"come now for an errand (马上来个人帮我修一下)", []feature{fCome}, []feature{mUrge, mPurpose}, AlertNone},
		{"a cry for an errand (快来个人帮我换个灯泡)", []feature{fHelp}, []feature{mPurpose}, AlertNone},
		{"a cry, an errand and a fall (快来人帮我，我摔了)", []feature{fHelp}, []feature{mPurpose, fFall, fPain}, AlertAlarm},
	})
	checkRule(t, ruleNoAnswer, []ruleCase{{"no answer", []feature{fNoAnswer}, nil, AlertAlarm}})
	checkRule(t, ruleAcute, []ruleCase{
		{"no urine all day (一整天没解过小便)", []feature{fNoUrine}, []feature{fAllDay}, AlertAlarm},
		{"no urine, the belly swollen", []feature{fNoUrine}, []feature{fSite, fSwell}, AlertAlarm},
		{"no urine alone", []feature{fNoUrine}, nil, AlertConfirm},
		{"dialysis missed, breathless (透析没做了，憋得慌)", []feature{fDialysis, fSkipped}, []feature{fPress}, AlertAlarm},
		{"dialysis missed alone", []feature{fDialysis, fSkipped}, nil, AlertConfirm},
		{"dialysis done", []feature{fDialysis}, nil, AlertNone},
		{"chills on chemotherapy (化疗完…打寒战)", []feature{fRigor}, []feature{fChemo}, AlertAlarm},
		{"chills alone", []feature{fRigor}, nil, AlertNone},
	})
	checkRule(t, ruleCare, []ruleCase{
		{"alone and frightened", []feature{fScared}, []feature{fAlone}, AlertConfirm},
		{"frightened", []feature{fScared}, nil, AlertNone},
		{"no food for days", []feature{fNoFood}, []feature{mDays}, AlertConfirm},
		{"no food (an aid request)", []feature{fNoFood}, nil, AlertNone},
		{"not eating for days", []feature{fNotEat}, []feature{mDays}, AlertConfirm},
		{"no heating", []feature{fNoHeat}, nil, AlertConfirm},
		{"a carer who cannot care", []feature{fNoCarer}, nil, AlertConfirm},
		{"along the walls", []feature{fWall}, nil, AlertConfirm},
		{"an oxygen machine in a power cut", []feature{fDevice}, []feature{fPowerOut}, AlertConfirm},
		{"a power cut told after the machine", []feature{fPowerOut}, []feature{fDevice}, AlertConfirm},
		{"the power back (来电了)", []feature{fDevice}, []feature{fPowerOut, mOver}, AlertNone},
		{"an oxygen machine", []feature{fDevice}, nil, AlertNone},
		{"a power cut", []feature{fPowerOut}, nil, AlertNone},
	})
}

// TestRulesNeedAPart: triage skips a clause that holds marks alone (今天, 有点, 又),
// which is right only while no rule gives a level to such a clause, whatever the
// message around it holds.
func TestRulesNeedAPart(t *testing.T) {
	rng := rand.New(rand.NewPCG(59, 1))
	randomSet := func(lo, hi feature, p float64) featSet {
		var s featSet
		for f := lo; f < hi; f++ {
			if rng.Float64() < p {
				s.add(f)
			}
		}
		return s
	}
	for _, r := range rules {
		for i := 0; i < 20000; i++ {
			c := randomSet(mOnset, nFeatures, 0.15)
			m := randomSet(fNone+1, nFeatures, 0.1+0.4*rng.Float64()).union(c)
			if level, _ := r.fn(c, m); level != AlertNone {
				t.Fatalf("%s: marks alone %v (message %v) give %s", r.sign, c.slice(), m.slice(), level)
			}
		}
	}
}
