package parse

// Round 50 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestMinorityAndVolunteers: minority elders' Mandarin and meal-delivery volunteers:
// a farewell "arranged" (交代好了) is no recovery; a pain "in the heart" that spreads to
// the back with nausea is the chest's; speech gone strange ten minutes ago is an onset;
// a carer who falls ill too; a chest pain explained by eating too fast and over; a
// pesticide drunk for water; smoke blown back from a stove with headache and nausea;
// Tibetan medicine hoards nothing; swallowing saliva is no drooling; no urine since
// yesterday (but not the nappies that ran out); a flat as cold as an ice cellar; meals
// left untouched for days; a person who cannot say which floor is home; a stranger lost
// in the stairwell; a "suggestion" for the group is general; a kidnap call with a bank
// trip; another's fall, handled; a nap that has lasted until now; sleep that explains
// itself is not second-guessed; an everyday fever below its threshold.
func TestMinorityAndVolunteers(t *testing.T) {
	checkCases(t, []parseCase{
		{"后事交代好了", "urgent urgent - unknown - no alarm"},
		{"我心里很疼 疼到后背去了 想吐 二十分钟了 儿子在阿克苏回不来 家里没人 帮我叫医生吧", "urgent urgent - unknown medical no alarm"},
		{"想起老伴心里很疼，后背也酸，有点想吐", "checkin unwell - unknown - yes none"},
		{"我们都挺好的，就是老伴十分钟前开始说的话我一句也听不懂了，不是蒙语也不是汉语，乱的", "urgent urgent - unknown - no alarm"},
		{"我腿不好 一直是老伴照顾我 今天他也烧起来了 38度多 我们俩都躺着", "checkin unwell - unknown - no confirm"},
		{"昨天我说胸口疼 是吃的太急噎着了 现在好了 不用来", "checkin well - unknown - no none"},
		{"奶奶把桌子上瓶子里的喝了 以为是水 是打虫子的药 😱", "urgent urgent - unknown - yes alarm"},
		{"屋里生炉子 烟倒回来了 我和老伴头疼 恶心 两个人都晕乎乎的", "urgent urgent - unknown - no alarm"},
		{"吃了藏药 好多了 还有一点点咳", "checkin unwell - unknown - no none"},
		{"嗓子疼得咽口水都难受，想要点润喉片", "checkin unwell - unknown - no none"},
		{"阿塔从昨天到现在没有尿 肚子胀胀的", "urgent urgent - unknown - no alarm"},
		{"没有尿不湿了，帮忙买点", "aid unknown - unknown errand no none"},
		{"孩子没有尿床", "other unknown - unknown - no none"},
		{"茅爷爷那栋停电两天了，屋里冷得像冰窖，电热毯也用不了，他说没事能扛", "checkin well - unknown - yes confirm"},
		{"老廖说“我没事，你们不用天天来”，可我看他这两天饭都没怎么动", "checkin unwell - unknown - no confirm"},
		{"我是送菜的小周，9栋黄爷爷在电梯口转圈，问他住几楼他说不知道", "urgent urgent - unknown - yes alarm"},
		{"爸爸說要去看老戰友，一個人坐公交走了，現在打電話他說不知道自己在哪", "urgent unknown - unknown - yes alarm"},
		{"【急】12栋楼道里有个老人迷路了，说找不到自己家，穿着睡衣拖鞋，谁认识？", "urgent unknown - unknown - no alarm"},
		{"建议把流程发群里：老人突然说话不清楚的时候我们第一个该打谁的电话", "other unknown - unknown - no none"},
		{"刚送菜到花奶奶家，她说她闺女被人绑了，电话里要三十万，她正穿鞋要去银行，我拦着呢", "urgent unknown - unknown - yes alarm"},
		{"隔壁楼一个老太太摔倒了，已经处理了", "other unknown - unknown - no none"},
		{"我爸午睡到现在叫不醒，拍他脸就哼一声，眼睛睁不开，呼噜打得特别响", "urgent urgent - unknown - yes alarm"},
		{"睡懒觉，叫都叫不醒", "checkin unwell - unknown - no none"},
		{"陽了，發燒38度5，渾身酸痛", "checkin unwell - positive - no none"},
	})
}

// TestNorthAmericanEnglish: North American families' English: a black curtain over
// half the sight; garbled speech since waking; "lol but seriously" ends the joke; a nap
// is no onset; breathing heavier lying flat; mushrooms picked in the courtyard; nobody
// knows where a man with Alzheimer's is; an old palsy and "nothing new"; a neighbour's
// fall handled; a male is not 麻了 and a scene is no comedy sketch; screaming for help;
// mixed up in money laundering is no confusion.
func TestNorthAmericanEnglish(t *testing.T) {
	checkCases(t, []parseCase{
		{"Dad says out of nowhere there's like a black curtain over half his vision in the right eye", "urgent urgent - unknown - yes alarm"},
		{"Her speech is garbled, she tries to say something and it comes out as word salad. Started when she woke up this morning", "urgent urgent - unknown - no alarm"},
		{"i know 911 doesnt work from here lol but seriously my uncle is turning blue and i dont know what to do", "urgent urgent - unknown - no alarm"},
		{"Dad sounds a bit slurry on the phone today, but he just woke up from nap, maybe nothing lah", "checkin unwell - unknown - yes confirm"},
		{"Mom's ankles are super swollen and she's breathing heavier lying flat, she's been sleeping propped up on 3 pillows", "checkin unwell - unknown - yes confirm"},
		{"Lao Wang from 302 ate some mushrooms he picked in the courtyard and now he's vomiting and sweating like crazy, his hands are shaking", "urgent urgent - unknown - no alarm"},
		{"Yeh Yeh walked out when the gate guard wasn't looking, over 2 hours ago, nobody knows where he is. He has Alzheimer's, blue padded jacket, grey hat", "urgent urgent - unknown - no alarm"},
		{"Grandma's face droops a little on the left, that's from Bell's palsy years ago, nothing new", "checkin unwell - unknown - yes none"},
		{"a lady on the 7th floor of the next building fell, the ambulance already came and took her, it's handled", "other unknown - unknown - no none"},
		{"ambulance needed Xinhua community block 4 rm 1102, 85 y/o male, stroke signs, wife on scene", "urgent urgent - unknown medical no alarm"},
		{"Someone on the 2nd floor is screaming for help through the wall, door is locked. I think it's the old lady who lives alone there", "urgent unknown - unknown - no alarm"},
		{"A man phoned Dad saying he's from the police and Dad's bank account is mixed up in money laundering.", "urgent unknown - unknown - yes alarm"},
	})
}
