package parse

import "testing"

// TestEnglishNumbers: figures spelt out in English read as digits; one word under
// ten, and a count of minutes or years, stay words.
func TestEnglishNumbers(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"eighty eight", "88"},
		{"a hundred and ninety six over one one eight", "196/118"},
		{"one-eighty-five over one-twenty", "185/120"},
		{"thirty nine point five", "39.5"},
		{"ninety-two", "92"},
		{"one hundred", "100"},
	} {
		rs := []rune(c.in)
		joinEnglish(rs)
		got, _ := englishNumbers(rs, nil)
		got, _ = overSlash(got, nil)
		if string(got) != c.want {
			t.Errorf("englishNumbers(%q) = %q, want %q", c.in, string(got), c.want)
		}
	}
	for _, in := range []string{"no one came", "ten minutes later", "one day"} {
		rs := []rune(in)
		joinEnglish(rs)
		if got, _ := englishNumbers(rs, nil); string(got) != string(rs) {
			t.Errorf("englishNumbers(%q) = %q, want it unchanged", in, string(got))
		}
	}
	checkCases(t, []parseCase{
		{"SpO2 eighty eight %, breathing very fast, pls send a doctor", "urgent urgent - unknown - no alarm"},
		{"BP a hundred and ninety six over one one eight, pounding headache and my eyes are blurry", "urgent urgent - unknown - no alarm"},
		{"temp thirty nine point five since this morning", "checkin unwell - unknown - no confirm"},
		{"Grandson in Sydney broke his arm playing rugby. Nothing to report from me, all well", "checkin well - unknown - no none"},
		{"Grandad drank from the bleach bottle thinking it was water, coughing and spitting", "urgent urgent - unknown - yes alarm"},
		{"dad just transferred 50k to a guy who said he was from 医保, he only just realised", "urgent unknown - unknown - yes alarm"},
	})
}
