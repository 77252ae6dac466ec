package parse

// Round 45 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestFormalLetters: formal letter English: chopsticks fallen and a leg that gave way, the
// balcony rail, a galloping heart and a room gone dark, a dumpling down the wrong way, a
// heart attack again with 120 delayed, an age that is no reading, a shopping bag that
// fell, a scam of 2008.
func TestFormalLetters(t *testing.T) {
	checkCases(t, []parseCase{
		{"Dear Committee, I do apologise for writing during the lunch hour. My mother-in-law has let her chopsticks fall three times in the last quarter of an hour and her right leg gave way when she tried to go to the bathroom. She keeps saying \"I am fine, don't fuss.\"", "urgent urgent - unknown - yes alarm"},
		{"Sorry to write in English, my Chinese typing is slow. Since my wife passed in March I can't see why I should get up each morning. Today I stood at the balcony rail for a long time thinking how easy it would be. I came back in. I don't know.", "urgent urgent - unknown - yes alarm"},
		{"Dear Sir, my heart has been galloping, I counted 150, and twice now the room went dark and I had to sit down on the floor. My daughter lives in Beijing. I am sorry to be a nuisance.", "urgent urgent - unknown - no alarm"},
		{"Dear Madam, I apologise for the interruption. My father was eating his dumplings and one has gone down the wrong way; he is clutching his throat and cannot cough or speak. I am trying the back blows.", "urgent urgent - unknown - yes alarm"},
		{"Dear colleagues of the committee, I am writing to inform you that my mother, who as you know had a heart attack in 2019, is again describing the same weight on her chest she had then, since about 7 o'clock, with a cold sweat. We have called 120 but they say there is a wait. Is there any faster way to get her to hospital?", "urgent urgent - unknown medical yes alarm"},
		{"Dear Sir, I wonder if anyone has seen my mother? She left the flat in her slippers some time in the night, the door was open when I woke at 6. She is 86 and forgets things. I have looked in the stairwell.", "urgent urgent - unknown - yes alarm"}, // labelled alarm in its set; the resemblance model trained on every tuned set reads it so (round 50)
		{"Dear Sir, could you advise what an oxygen reading ought to be for an 80-year-old? The pharmacy has sold me one of those finger gadgets and I don't know what the numbers mean.", "other unknown - unknown - no none"},
		{"Dear Madam, I gather someone in the group said I had fallen on the stairs. I assure you I did not - it was my shopping bag that fell, not me! I'm entirely unhurt.", "checkin unwell - unknown - no none"},
		{"Back in 2008 I was cheated out of my savings by a fake \"prosecutor\", so when a man rang today claiming to be from the procuratorate I put the phone down on him at once! Just so you know they are active in our area.", "other unknown - unknown - no none"},
	})
}

// TestFaithAndNight: religious farewells and messages typed in panic at night: a plea is
// no question in general (这是什么情况？), snoring that sounds wrong is no nap, a wrong
// emoji is no denial, a clip badly placed explains a low oxygen figure read again.
func TestFaithAndNight(t *testing.T) {
	checkCases(t, []parseCase{
		{"心率38 头晕 站不起来 这是什么情况？？？", "urgent urgent - unknown - no alarm"},
		{"老伴中午午睡到现在都叫不醒，打呼噜的声音怪得很", "urgent urgent - unknown - yes alarm"},
		{"我这把老骨头就不拖累孩子们了，遗嘱夹在圣经里，各位弟兄姊妹再见", "urgent urgent - unknown - no alarm"},
		{"我已经跟主说好了，今晚就去见祂，你们谁也不要来找我", "urgent urgent - unknown - no alarm"},
		{"有谁知道中风有哪些前兆啊，电视上说嘴歪就是", "other unknown - unknown - no none"},
		{"180/105，头不疼，要紧吗", "checkin unwell - unknown - no confirm"},
		{"抱歉发错表情了 是急！我爸摔了 头着地 现在迷迷糊糊的", "urgent urgent - unknown - yes alarm"},
		{"我出来找我家老头 这会不知道走哪来了 楼都长一个样 哪个是我们小区啊", "urgent unknown - unknown - yes alarm"},
		{"昨天吃饺子噎了一下 喝口水就顺下去了", "checkin unwell - unknown - no none"},
		{"血氧仪夹上显示82 没夹好 重新夹96", "checkin well - unknown - no none"}, // well since round 67: the figure read again is the present
		{"血氧82，爬楼梯喘的，歇了一会96", "checkin unwell - unknown - no confirm"},
	})
}
