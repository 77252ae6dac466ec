package parse

// Round 52 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestCantoneseAndVillages: written Cantonese and the villages of Henan and Shaanxi:
// 黐脷 and a face that 墜咗落嚟; talk of intruders never like this before; standing on the
// balcony looking down at the street; 點返屋企 forgotten; the worst headache of a life;
// 冇氣促 is no breath lost; 乜都唔食 for two days; 扯晒氣; pills 儲咗; a whole strip of
// sleeping pills taken by mistake; gone out two hours (兩個鐘); wires smoking with a burnt
// smell; rice and flour gone for days; a warning forwarded; an arm that will not go into
// its sleeve (咋都 is no question); a mouth pulled to one side; warming by a fire is no
// fire; last year's broken hip (年时).
func TestCantoneseAndVillages(t *testing.T) {
	checkCases(t, []parseCase{
		{"老竇講嘢黐脷咁，一句說話講極都講唔完，塊面左邊好似墜咗落嚟", "urgent urgent - unknown - yes alarm"},
		{"爸爸下晝開始一路講胡話，話有人匿喺屋企捉佢，之前從來冇咁", "urgent urgent - unknown - yes alarm"},
		{"老公話做人冇意思，成晚企喺露台望落街", "urgent urgent - unknown - yes alarm"},
		{"老豆打俾我話唔記得點返屋企，淨係話對面有間銀行", "urgent unknown - unknown - yes alarm"},
		{"阿公話頭痛到成世人未試過咁痛，仲嘔咗，而家瞓喺梳化唔郁", "urgent urgent - unknown - no alarm"},
		{"血氧94，有少少咳，冇氣促", "checkin unwell - unknown - no none"},
		{"老豆呢兩日乜都唔食，淨係飲啲水", "checkin unwell - unknown - yes confirm"},
		{"阿爺扯晒氣，喉嚨嘶嘶聲，一句說話講唔齊，已經打咗999", "urgent urgent - unknown - no alarm"},
		{"唔想再捱落去喇，啲藥我儲咗好多粒", "urgent urgent - unknown - no alarm"},
		{"阿爺食錯咗成板安眠藥，我頭先先發現，而家好渴瞓", "urgent urgent - unknown - no alarm"},
		{"阿嫲自己行咗出去，保安話見佢向地鐵站方向行，已經兩個鐘", "urgent unknown - unknown - no alarm"},
		{"雪櫃後面啲電線冒緊煙，仲有陣燶味，我唔敢掂", "urgent unknown - unknown - no alarm"},
		{"吃错了，是我的问题", "other unknown - unknown - no none"},
		{"家里面和米都吃完两天了，就剩几个馍干，封着出不去", "checkin unknown - unknown - no confirm"},
		{"额外婆早上起来穿衣裳，左胳膊咋都伸不进袖子里，脸也有点斜，娃们都在外地", "urgent urgent - unknown - yes alarm"},
		{"俺爷今早起来嘴往一边扯，喝水顺着嘴角往下淌，叫他也答应，就是说的话听不清楚，恁快来看看", "urgent urgent - unknown - no alarm"},
		{"这天冷得要命，冻得俺跟个冰棍似的，在屋里烤着火呢", "other unknown - unknown - no none"},
		{"年时冬天我摔了一跤把胯骨摔断了，现在都能下地走了，好着呢", "checkin well - unknown - no none"},
	})
}

// TestCareHomeEnglish: care-home English of Britain, Australia and America: breathless
// for laughing and gasping for a pint are no emergencies; brought up dark blood; a
// charcoal burner and two headachy people; a dentist's injection explains a numb face;
// angina "behaving"; savings sent to a "government officer"; not eaten properly in days;
// a kettle down the leg; a nosedive on Xarelto; which way is home; sight lost like a
// curtain; a bus stop not known; tablets taken twice.
func TestCareHomeEnglish(t *testing.T) {
	checkCases(t, []parseCase{
		{"Can't breathe for laughing at the grandson's drawing of me", "other unknown - unknown - no none"},
		{"Gasping for a pint. Roll on the end of lockdown.", "other unknown - unknown - no none"},
		{"Brought up a lot of dark red blood just now, feel lightheaded", "urgent urgent - unknown - no alarm"},
		{"Had the little charcoal burner going for warmth with the windows shut, now we're both headachy and sick", "urgent urgent - unknown - no alarm"},
		{"Face numb on one side from the dentist's injection this morning, dribbling my tea everywhere, ha", "checkin unwell - unknown - no none"},
		{"Angina's been behaving, used the GTN spray once on Tuesday on the hill, settled in a minute", "checkin unwell - unknown - no none"},
		{"Mum's just transferred her savings to a 'government officer' who rang about a parcel with drugs in it. Bank shuts at 5!", "urgent unknown - unknown - yes alarm"},
		{"Not eaten properly in days, no appetite at all, just cups of tea", "checkin unwell - unknown - no confirm"},
		{"Spilt the boiling kettle down my leg, the skin's blistering and coming away", "urgent urgent - unknown - no alarm"},
		{"Took a nosedive off the kerb and hit my noggin. I'm on Xarelto. Feel alright-ish.", "urgent urgent - unknown - no alarm"},
		{"Went for my test and now I can't work out which way is home, all the buildings look the same. Bit lost.", "urgent urgent - unknown - no alarm"},
		{"Lost the sight in my left eye all at once, like a curtain coming down. Otherwise fine, no pain.", "urgent urgent - unknown - no alarm"},
		{"Dad rang from a stranger's mobile, says he's at a bus stop but doesn't know which one or how he got there", "urgent unknown - unknown - yes alarm"},
		{"Think I took my evening tablets twice. Maybe three times. Feel very odd and sleepy", "urgent urgent - unknown - no alarm"},
		{"I can't work out how to use the app", "other unknown - unknown - no none"},
	})
}
