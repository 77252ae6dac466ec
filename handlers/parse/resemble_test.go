package parse

import (
	"strings"
	"testing"
	"unicode"
)

// TestLoadResemble checks that a broken model file is refused with its line.
func TestLoadResemble(t *testing.T) {
	for _, c := range []struct{ file, err string }{
		{"bias\t-1\t-2\t0\t0\n", "no threshold line"},
		{"bias\t-1\t-2\t0\t0\nthreshold\t1.5\n", "line 2: threshold 1.5, want between 0 and 1"},
		{"threshold\t0.5\nalarm\t0\n", "line 2: alarm 0, want between 0 and 1"},
		{"threshold\t0.5\nwell\t1\n", "line 2: well 1, want between 0 and 1"},
		{"threshold\t0.5\n摔倒\n", `line 2: want <gram>\t<alert>\t<alarm>\t<well>\t<unwell> weights`},
		{"threshold\t0.5\n摔倒\t1\t1\n", `line 2: want <gram>\t<alert>\t<alarm>\t<well>\t<unwell> weights`},
		{"threshold\t0.5\n摔倒了吗\t1\t1\t0\t0\n", `line 2: gram "摔倒了吗", want one to three runes`},
		{"threshold\t0.5\n摔\t1\t1\t0\t0\n摔\t2\t1\t0\t0\n", `line 3: gram "摔" twice`},
		{"threshold\t0.5\n摔\tNaN\t1\t0\t0\n", `line 2: weight "NaN" is not a number`},
	} {
		_, err := loadResemble([]byte(c.file))
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("loadResemble(%q) = %v, want %q", c.file, err, c.err)
		}
	}
	m, err := loadResemble([]byte("# a model\nbias\t-2\t-3\t-1\t-4\nthreshold\t0.8\nalarm\t0.9\nwell\t0.7\nunwell\t0.6\n" +
		"抽\t1.5\t1\t0\t0\n抽个\t0.5\t0.25\t-1\t2\n"))
	if err != nil || m.bias != [nHeads]float32{-2, -3, -1, -4} || m.threshold != 0.8 || m.alarm != 0.9 ||
		m.well != 0.7 || m.unwell != 0.6 || m.weights[packGram([]rune("抽个"))] != [nHeads]float32{0.5, 0.25, -1, 2} {
		t.Errorf("loadResemble: %+v, %v", m, err)
	}
	if resemble().threshold <= 0 || resemble().alertW.len() == 0 || resemble().healthW.len() == 0 {
		t.Error("the embedded model is empty")
	}
}

// TestEachGram checks the grams a clause gives: runs of one to three letters, digits
// as 0, a separator ending a run.
func TestEachGram(t *testing.T) {
	rs := []rune("手抽 39度")
	var got []string
	eachGram(rs, 0, len(rs), func(g uint64, s, e int) {
		if unpackGram(g) != strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return '0'
			}
			return r
		}, string(rs[s:e])) {
			t.Errorf("gram %q at [%d,%d) of %q", unpackGram(g), s, e, string(rs))
		}
		got = append(got, unpackGram(g))
	})
	want := "手 抽 手抽 0 0 00 度 0度 00度"
	if strings.Join(got, " ") != want {
		t.Errorf("grams %q, want %q", strings.Join(got, " "), want)
	}
}

// TestLike checks the second fallback: words no rule reads that resemble the
// emergencies learnt ask to confirm, or raise an alarm when the alarm head is sure of
// them told now (round 55); told as past, in care, hypothetical or after
// the writer said they are fine, they do not; a rule's own finding is never doubled.
func TestLike(t *testing.T) {
	for _, c := range []struct {
		text  string
		alert Alert
		like  bool
	}{
		{"老伴刚才突然身子一挺，手脚一下一下地打挺", AlertAlarm, true}, // 抽个不停 is a rule's word since round 51
		{"奶奶讲话舌头像短了一截，咬字全糊了", AlertAlarm, true},
		{"老伴把这些年存的安定都找出来了，说今晚就吃，我拦不住", AlertAlarm, true},
		{"去年老伴身子一挺，手脚一下一下地打挺，住了一个月院，现在好了", AlertNone, false},
		{"挺好的，老伴手脚一下一下地打挺是在跳广场舞", AlertNone, false},
		{"要是哪天手脚一下一下地打挺怎么办", AlertNone, false},
		{"平安", AlertNone, false},
		{"我在卫生间摔倒了，起不来", AlertAlarm, false},
	} {
		r := Parse(c.text)
		like := r.Has(SignLike)
		if r.Alert != c.alert || like != c.like {
			t.Errorf("Parse(%q): %s, like %v, want %s, %v; findings %v", c.text, r.Alert, like, c.alert, c.like, r.Findings)
			continue
		}
		if like {
			f := r.Raised()[0]
			if f.Sign != SignLike || f.Quote == "" || string([]rune(c.text)[f.Start:f.End]) != f.Quote ||
				r.Intent == IntentOther || (r.Intent == IntentUrgent) != (r.Alert == AlertAlarm) {
				t.Errorf("Parse(%q): finding %+v, intent %s", c.text, f, r.Intent)
			}
		}
	}
}

// TestLikeHealth checks the health heads: a message whose health no rule reads is
// well or unwell in the words of the replies learnt, with the clause that weighed
// most as evidence; what is told of another, hypothetically or by hearsay is not
// weighed, and a thank-you stays unknown.
func TestLikeHealth(t *testing.T) {
	for _, c := range []struct {
		text   string
		health Health
	}{
		{"Grandpa is out walking the dog as usual", HealthWell},
		{"身体没得问题，吃得睡得", HealthWell},
		{"FIL is doing his tai chi in the living room as usual", HealthWell},
		{"不是中风！就是落枕了，脖子转不过来", HealthUnwell},
		{"Sats 94 today, my normal with the emphysema", HealthUnwell},
		{"Opa baik, cuma sembelit sudah 3 hari", HealthUnwell},
		{"听说隔壁老王住院了", HealthUnknown},
		{"要是哪天我起不来了怎么办", HealthUnknown},
		{"谢谢你们", HealthUnknown},
	} {
		if h := rulesHealth(c.text); h != HealthUnknown {
			t.Errorf("%q: the rules read %s; the case does not test the heads", c.text, h)
			continue
		}
		r := Parse(c.text)
		if r.Health != c.health || r.Alert != AlertNone {
			t.Errorf("Parse(%q): health %s, alert %s, want %s, none", c.text, r.Health, r.Alert, c.health)
			continue
		}
		ev := ""
		for _, e := range r.Evidence {
			if e.Field == "health" {
				ev = e.Phrase
			}
		}
		if (ev != "") != (c.health != HealthUnknown) || c.health != HealthUnknown && r.Intent != IntentCheckin {
			t.Errorf("Parse(%q): health evidence %q, intent %s", c.text, ev, r.Intent)
		}
	}
}

// rulesHealth is the health the rules alone read in text.
func rulesHealth(text string) Health {
	var rd reading
	if !rd.read(text) {
		return HealthUnknown
	}
	defer triagePool.Put(rd.buf)
	rd.rulesOnly = true
	var r Reply
	rd.finish(&r, text)
	return r.Health
}

// TestLikeHealthAfterBut: a "well" the writer qualifies (fine, but…) is unwell when the
// health heads are sure of what follows 就是/不过/except, in words the lexicon knows for
// something else; errand news after it stays well.
func TestLikeHealthAfterBut(t *testing.T) {
	for _, c := range []struct {
		text   string
		health Health
	}{
		{"Dad's right as rain except he's up 4 times a night to wee", HealthUnwell},
		{"我妈精神挺好的，不过胃口不如以前，吃得比平时少点", HealthUnwell},
		{"一切正常就是最近吃饭没味道", HealthUnwell},
		{"挺好的，就是起晚了没看见群里消息", HealthWell},
	} {
		if h := rulesHealth(c.text); h != HealthWell {
			t.Errorf("%q: the rules read %s; the case does not test the heads", c.text, h)
			continue
		}
		if r := Parse(c.text); r.Health != c.health {
			t.Errorf("Parse(%q): health %s, want %s", c.text, r.Health, c.health)
		}
	}
}

// TestTrainingReadsByRules checks that what the model learns from does not depend on
// the model itself: the examples read with the embedded model and with an empty one are
// the same (else each retraining moves the next, and resemble.tsv never settles).
func TestTrainingReadsByRules(t *testing.T) {
	texts := []string{
		"奶奶三天没正经吃饭了，就喝几口水", "老伴刚才突然身子一挺，手脚一下一下地打挺", "Grandpa is out walking the dog as usual",
		"挺好的，就是老伴刚才突然身子一挺", "身体没得问题，吃得睡得", "Sats 94 today, my normal with the emphysema",
	}
	read := func() []example {
		var xs []example
		for _, s := range texts {
			xs = append(xs, exampleOf(s, AlertNone, HealthUnknown))
		}
		return xs
	}
	with := read()
	embedded := resemble()
	resembleM = &resembleModel{weights: map[uint64][nHeads]float32{}, threshold: 0.99}
	defer func() { resembleM = embedded }()
	without := read()
	for i := range texts {
		if with[i].health != without[i].health || len(with[i].healthGrams) != len(without[i].healthGrams) {
			t.Errorf("%q: a health example %v with the model, %v without", texts[i], with[i].health, without[i].health)
		}
	}
}

// TestAlertThreshold: a message written mostly in Latin letters asks to confirm from
// the model's latin threshold (its letter grams carry less than characters), others
// from the threshold; an English emergency the model weighs between the two asks to
// confirm.
func TestAlertThreshold(t *testing.T) {
	m := &resembleModel{threshold: 0.6, latin: 0.5}
	for _, c := range []struct {
		text string
		p    float32
		want bool
	}{
		{"Yeye has pain in his jaw", 0.55, true},
		{"Yeye has pain in his jaw", 0.45, false},
		{"爷爷jaw疼", 0.55, false},
		{"老伴刚才突然身子一挺", 0.55, false},
		{"老伴刚才突然身子一挺", 0.6, true},
	} {
		if got := m.asksToConfirm(c.p, []rune(c.text)); got != c.want {
			t.Errorf("asksToConfirm(%v, %q) = %v, want %v", c.p, c.text, got, c.want)
		}
	}
	if (&resembleModel{threshold: 0.6}).asksToConfirm(0.55, []rune("Yeye has pain")) {
		t.Error("no latin threshold: 0.55 asks to confirm")
	}
	r := Parse("Yeye has pain in his jaw and between his shoulder blades and he's clammy and grey. He thinks it's his teeth but he had a stent in 2019. Please get a doctor to him now.")
	if r.Alert == AlertNone { // the model's once; the heart rule's since the stent of 2019 is no care now
		t.Errorf("a heart attack in English words: %s, %v", r.Alert, r.Findings)
	}
}

// TestGramRuneCommonIdeographs: the shortcut for U+4E00–U+9FFF keeps what the letter
// tables say of every rune in that range.
func TestGramRuneCommonIdeographs(t *testing.T) {
	for r := rune(cjkLo); r <= cjkHi; r++ {
		got, ok := gramRune(r)
		if want := unicode.IsLetter(r) || unicode.Is(unicode.Han, r); ok != want || ok && got != r {
			t.Fatalf("gramRune(%U) = %U, %v; the tables say %v", r, got, ok, want)
		}
	}
}
