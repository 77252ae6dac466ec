package parse

// Round 46 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestCliniciansEnglish: retired doctors' own clinical English about themselves:
// retrosternal pressure, nonsense syllables, amaurosis fugax, diplopia, rigors, a
// flattened nasolabial fold, a cuff reading, a sugar that came back.
func TestCliniciansEnglish(t *testing.T) {
	checkCases(t, []parseCase{
		{"Retrosternal pressure 7/10, radiating to the left jaw, diaphoretic. Onset 25 min ago. Nitro x1, no relief. I know what this is. 120 called.", "urgent urgent - unknown - no alarm"},
		{"Lao Zhang here. Since breakfast my words come out wrong. I can type alright but when I speak my wife says it is nonsense syllables. Broca's, maybe, ha. Don't worry too much about me", "urgent urgent - unknown - no alarm"},
		{"Don't want to be a drag on anybody. Life has become a waiting room. I've made up my mind.", "checkin unwell - unknown - no confirm"},
		{"A curtain came down over my right eye a few minutes ago, everything dark on that side. Amaurosis fugax I suppose. Partly back now but grey.", "urgent urgent - unknown - no alarm"},
		{"Sudden diplopia, everything doubled for the last 10 minutes, cover one eye and it goes away. I am 81. Telling you in case.", "urgent urgent - unknown - no alarm"},
		{"On the floor since around 3 am, couldn't get myself up, only now reached the phone. Not badly hurt, just very cold. Door is locked from inside.", "urgent urgent - unknown - no alarm"},
		{"Just now dropped my teacup, right hand won't obey, fingers feel like they belong to somebody else. Typing with the left. Probably nothing but thought I should say", "urgent urgent - unknown - no alarm"},
		{"39.6 this afternoon and breathing rapid, I counted 30 a minute. Rigors.", "urgent urgent - unknown - no alarm"},
		{"Feels like an elephant is sitting on me, excuse the textbook cliché. Soaked my shirt in sweat. Wife is phoning the ambulance.", "urgent urgent - unknown - no alarm"},
		{"Sorry to trouble the group. My wife's left nasolabial fold has flattened since about 20 min ago and her smile is lopsided. She insists nothing is wrong.", "urgent urgent - unknown - yes alarm"},
		{"Fine thanks. Only the cuff read 184/96 this morning. No symptoms whatsoever. Will recheck later.", "checkin unwell - unknown - no confirm"},
		{"Sugar dipped to 3.5 last night, had biscuits, back to 6.8 in 15 min. All fine this morning.", "checkin well - unknown - no none"},
	})
}

// TestLiaisonsAndCodeSwitching: liaisons' own messages and Mandarin mixed with English: a
// farewell with medals given away, a grandchild's fever with a question about opening
// hours, smoke explained (冒烟的是…烧纸), scammers in the flat, a threshold asked (超过180),
// a rash from washing powder, a door opened for someone locked out.
func TestLiaisonsAndCodeSwitching(t *testing.T) {
	checkCases(t, []parseCase{
		{"郝大爷今天把他的勋章一个个分给了楼里的小孩，跟我说“我去找老战友们会合了，这日子过够了”", "urgent urgent - unknown - yes alarm"},
		{"楼上老周家的小孙子烧到39度，老周问社区医院晚上开不开门", "other unknown - unknown - no none"},
		{"4栋那个冒烟的是楼下烧纸，不是601，虚惊，老两口都挺好", "checkin well - unknown - no none"},
		{"葛阿姨家来了两个说是“防疫办”的，说要收消毒费，已经进屋了，还问她银行卡密码！她偷偷给我发的语音", "urgent unknown - unknown - yes alarm"},
		{"是不是血压超过180就要去急诊？我的是150左右", "checkin unwell - unknown - no none"}, // a pressure of 150 is unwell to the health heads (round 55),
		{"身上痒 起了些红疹子 不知道是不是对新换的洗衣液allergic", "checkin unwell - unknown - no none"},
		{"钥匙锁屋里了，后来物业来开了门，已经进屋了", "other unknown - unknown - no none"},
	})
}
