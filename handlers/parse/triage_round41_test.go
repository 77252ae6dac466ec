package parse

// Round 41 of the triage layer (docs/triage.md): the cases each change was made for.

import "testing"

// TestJustNow: 刚 before a sign of the body makes it sudden, whatever long illness is told
// after it; 刚 before a drink does not.
func TestJustNow(t *testing.T) {
	checkCases(t, []parseCase{
		{"刚吐了一大口血，暗红的。我肝硬化好多年了", "urgent urgent - unknown - no alarm"},
		{"说话有点大舌头，是刚喝了两杯酒", "checkin unwell - unknown - no none"},
		{"大年初一早上爷爷摔在雪地里起不来，一身酒气，叫都叫不答应，快送医院", "urgent urgent - unknown medical yes alarm"},
	})
}

// TestChronicCarePatients: a dementia patient slipping out at dusk, an oximeter clip
// refitted, sweets kept for low sugar, the heating and the electric blanket without power.
func TestChronicCarePatients(t *testing.T) {
	checkCases(t, []parseCase{
		{"婆婆跟着送菜的车溜出小区门了，志愿者说看她往河边那头走了，天快黑了", "urgent unknown - unknown - yes alarm"}, // 天快黑了 is night falling, no sign of the body (round 59)
		{"血氧89那是夹子没夹好，重新夹了是96，虚惊一场", "checkin well - unknown - no none"},              // well since round 67: the figure read again is the present
		{"低血糖备的糖块和饼干没了，帮我带点", "aid unknown - unknown - no none"},
		{"姥姥那栋楼停电了 暖气电热毯都用不了 她说冷得睡不着", "checkin unwell - unknown - yes confirm"},
	})
}

// TestGrandchildrenSlang: grandchildren's messages: a drama's heroine, a bickering
// couple, an old saying, the affairs told to a frightened grandchild, a whole bottle of
// sleeping pills and a phone that is not answered, a scald.
func TestGrandchildrenSlang(t *testing.T) {
	checkCases(t, []parseCase{
		{"奶奶前几年老说不想拖累我们 后来搬来跟我们住就再没说过 现在天天跟我抢遥控器", "checkin unwell - unknown - yes none"},
		{"外婆看电视剧哭得稀里哗啦 说女主太惨了想不开跳河 我也跟着破防", "other unknown - unknown - no none"},
		{"爷爷刚电话里把存折密码、房子的事一条一条交代给我 语气特别平静 他也没啥大病啊 我有点害怕", "urgent urgent - unknown - yes alarm"},
		{"奶奶被热水壶烫了 整个手背一大片水泡 她还说不疼", "urgent urgent - unknown - yes alarm"},
		{"我爷爷奶奶都挺好 今天俩人拌了一下午嘴 战斗力拉满", "checkin well - unknown - yes none"},
		{"奶奶刚在电话里说她把一整瓶安眠药都吃了 说完就挂了 再打不接", "urgent urgent - unknown - yes alarm"},
		{"外婆嘴上总说“我这把老骨头早晚得摔” 其实她今天好好的 就是爱这么说", "checkin well - unknown - yes none"},
	})
}

// TestHelpersEnglish: live-in helpers' English with Tagalog and Bahasa words.
func TestHelpersEnglish(t *testing.T) {
	checkCases(t, []parseCase{
		{"tulong po!! lola hindi makahinga", "urgent urgent - unknown - yes alarm"},
		{"Nenek bilang dada sakit sekali, keringat dingin, napas pendek2. ma'am tolong 🙏", "urgent urgent - unknown - yes alarm"},
		{"Nenek kejang2 2 menit, whole body shaking, now sleeping very deep and foam in mouth", "urgent urgent - unknown - yes alarm"},
		{"nenek bilang tidak mau hidup lagi, she stand at the window long time, I'm scared ma'am", "urgent urgent - unknown - yes alarm"},
		{"Kakek tumpah sup panas ke kaki, skin peeling big area and he crying from the pain", "urgent urgent - unknown - yes alarm"},
		{"Lola's face and lips swelling after the new antibiotic tablet, now she say her throat is closing", "urgent urgent - unknown - no alarm"},
		{"Sir lolo cannot finish his sentence, every 2 word he stop to breathe. the nebuliser not helping today", "urgent urgent - unknown - yes alarm"},
		{"My mother took the whole week of pills this morning by mistake, Monday to Sunday box all empty. Helper just noticed. What do we do?", "urgent urgent - unknown - yes alarm"},
		{"Dad texted me \"don't worry about me any more, papers are in the drawer, tell your brother I'm sorry\". He won't pick up and his helper is on her day off.", "urgent urgent - unknown - yes alarm"},
		{"Heater in lola's room broken since yesterday, outside is minus 5, she wear 3 layers still cold. can someone fix?", "aid unknown - unknown - no confirm"},
		{"Sir pls help, we finish rice and eggs, the grocery app always full 😩", "aid unknown - unknown food no none"},
		{"Lolo got a scam call yesterday saying his pension is suspended, he hang up and told me. no money sent 👍", "other unknown - unknown - no none"},
		{"Lola has the UTI again, same burning when pee, doctor gave antibiotic on the phone yesterday", "checkin unwell - unknown - yes none"},
		{"Saw news: 90 yo in Beijing fell and waited 2 days for help. Please everyone check the elderly living alone 🙏", "other unknown - unknown - no none"},
		{"how much oxygen is normal for 85 years old? lola is 95 today", "checkin well - unknown - no none"}, // an oxygen of 95 is well to the health heads (round 55),
		{"ma'am sorry to message late, I am the helper of Mrs Lin 7-301, I have fever 38.8 and body pain, if i get worse who will take care lola", "checkin unwell - unknown - yes confirm"},
	})
}
