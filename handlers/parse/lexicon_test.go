package parse

import (
	"strings"
	"testing"
)

// TestLexiconLoads validates the embedded lexicon: kinds, values, normalised phrases.
func TestLexiconLoads(t *testing.T) {
	lx, err := loadLexicon(lexiconYAML)
	if err != nil {
		t.Fatal(err)
	}
	if len(lx.words.entries) < 300 {
		t.Errorf("only %d phrases compiled", len(lx.words.entries))
	}
	for _, p := range []string{"平安", "摔倒", "降压药", "没", "阴天"} {
		if _, ok := lx.words.byFirst[[]rune(p)[0]]; !ok {
			t.Errorf("%q not indexed", p)
		}
	}
	// Every feature the rules read is carried by some phrase, and every name is known.
	var carried featSet
	for _, e := range lx.signs.entries {
		carried = carried.union(e.feats)
	}
	for _, p := range lx.pairs {
		carried.add(p.feat)
	}
	for f := fNone + 1; f < nFeatures; f++ {
		if featureNames[f] == "" {
			t.Errorf("feature %d has no name", f)
		}
		if !carried.has(f) && f != mPast && f != mMild && f != mHypo && f != fUnable { // unable: the potential forms

			t.Errorf("no phrase carries %s", f)
		}
	}
	// A health word that is a sign with a particle (烫伤了) carries the sign.
	if e := lx.signs.find("烫伤了"); e == nil || !e.feats.has(fBurn) {
		t.Errorf("烫伤了 hides the burn: %+v", e)
	}
	if e := lx.signs.find("麻烦"); e == nil || e.feats.has(fNumb) || !e.feats.has(mAsk) {
		t.Errorf("麻烦 is a request, no numbness: %+v", e)
	}
	for _, p := range []string{"胸口", "突然", "救命", "半边脸"} {
		if lx.signs.find(p) == nil || lx.signs.find(p).feats.empty() {
			t.Errorf("%q is no part or mark", p)
		}
	}
	// Every phrase must survive normalisation unchanged, or it could never match.
	for _, e := range lx.words.entries {
		if got := string(normalizeText(e.text)); got != e.text && !strings.ContainsAny(e.text, ":") {
			if _, rewritten := rewriteTarget(lx, e.text); !rewritten {
				t.Errorf("phrase %q normalises to %q and can never match", e.text, got)
			}
		}
	}
}

func TestExpand(t *testing.T) {
	got, err := expand("{拿,端}不{住,稳}")
	if err != nil || strings.Join(got, " ") != "拿不住 拿不稳 端不住 端不稳" {
		t.Errorf("expand = %v, %v", got, err)
	}
	if got, _ := expand("{,有点}麻"); strings.Join(got, " ") != "麻 有点麻" {
		t.Errorf("expand = %v", got)
	}
}

// rewriteTarget reports whether a rewrite changes p (then p is matched in its
// rewritten form, which is fine).
func rewriteTarget(lx *lexicon, p string) (string, bool) {
	rs := []rune(p)
	out, _ := rewrite(rs, lx, nil)
	return string(out), string(out) != p
}

func TestLexiconRejects(t *testing.T) {
	cases := []struct{ name, doc, want string }{
		{"unknown kind", "groups:\n  - kind: mood\n    value: well\n    phrases: [开心]\n", `unknown kind "mood"`},
		{"bad value", "groups:\n  - kind: health\n    value: fine\n    phrases: [开心]\n", `value "fine" not one of`},
		{"bad negated", "groups:\n  - kind: health\n    value: well\n    negated: sad\n    phrases: [开心]\n", `negated "sad"`},
		{"negated on need", "groups:\n  - kind: need\n    value: food\n    negated: food\n    phrases: [菜]\n", "cannot have a negated value"},
		{"traditional", "groups:\n  - kind: health\n    value: well\n    phrases: [身體好]\n", "traditional character"},
		{"upper case", "groups:\n  - kind: ignore\n    value: \"\"\n    phrases: [OK]\n", "upper-case"},
		{"punctuation", "groups:\n  - kind: health\n    value: well\n    phrases: [\"好!\"]\n", "punctuation"},
		{"duplicate", "groups:\n  - kind: health\n    value: well\n    phrases: [好]\n  - kind: health\n    value: unwell\n    phrases: [好]\n", "already in"},
		{"empty group", "groups:\n  - kind: health\n    value: well\n    phrases: []\n", "no phrases"},
		{"unknown field", "groupz: []\n", "field groupz not found"},
		{"long emoji", "emoji:\n  强: 非常非常好的意思\n", "longer than the code"},
		{"unknown part", "groups:\n  - kind: part\n    value: elbow\n    phrases: [肘]\n", `value "elbow" not one of`},
		{"mark as part", "groups:\n  - kind: part\n    value: onset\n    phrases: [突然]\n", `value "onset" not one of`},
		{"action on a part", "groups:\n  - kind: part\n    value: arm\n    action: true\n    phrases: [手]\n", "only a need group can be an action"},
		{"unwell on a need", "groups:\n  - kind: need\n    value: food\n    unwell: true\n    phrases: [菜]\n", "only a part group can be unwell"},
		{"duplicate part", "groups:\n  - kind: part\n    value: arm\n    phrases: [手, 手]\n", "already in"},
		{"unbalanced", "groups:\n  - kind: part\n    value: weak\n    phrases: [\"{拿,端不住\"]\n", "unbalanced braces"},
		{"nested", "groups:\n  - kind: part\n    value: weak\n    phrases: [\"{拿,{端}}不住\"]\n", "nested braces"},
		{"expanded duplicate", "groups:\n  - kind: part\n    value: weak\n    phrases: [\"{拿,端}不住\", 拿不住]\n", "already in"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := loadLexicon([]byte(c.doc))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v, want it to mention %q", err, c.want)
			}
		})
	}
}

// TestPairsValidated: a pair names a part, has two halves, and hides no part inside a
// half.
func TestPairsValidated(t *testing.T) {
	bad := map[string]string{
		"not a part": "pairs:\n  - value: onset\n    first: [a]\n    second: [b]\n",
		"no half":    "pairs:\n  - value: lost\n    first: [找不到]\n",
		"hides":      "pairs:\n  - value: lost\n    first: [找不到路口]\n    second: [家]\ngroups:\n  - kind: part\n    value: lost\n    phrases: [找不到路]\n",
		"too far":    "pairs:\n  - value: lost\n    within: 99\n    first: [a]\n    second: [b]\n",
	}
	for name, doc := range bad {
		if _, err := loadLexicon([]byte(doc)); err == nil {
			t.Errorf("%s: loaded", name)
		}
	}
	if _, err := loadLexicon([]byte("pairs:\n  - value: lost\n    first: [找不到]\n    second: [家]\n")); err != nil {
		t.Errorf("a good pair: %v", err)
	}
}
