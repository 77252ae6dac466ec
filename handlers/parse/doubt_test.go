package parse

import "testing"

func TestRuleDoubt(t *testing.T) {
	checkRule(t, ruleDoubt, []ruleCase{
		{"belly pain, rolling about (肚子疼得打滚)", []feature{fSite, fPain, mExtreme}, nil, AlertConfirm},
		{"a leg that will not step (右腿迈不开步)", []feature{fUnable}, []feature{fLeg}, AlertConfirm},
		{"a hand not one's own, this morning (早上起来…右手像不是自己的)", []feature{fArm, fOdd}, []feature{mOnset}, AlertConfirm},
		{"an everyday complaint, sudden (刚才嗓子一下子发紧)", []feature{fSite, fComplaint}, []feature{mOnset}, AlertConfirm},
		{"a plea about a body (一直吐，怎么办)", []feature{mPlea}, []feature{fSite, fVomit}, AlertConfirm},
		{"hurry about a body (快回来，我爸胸口…)", []feature{fHurry}, []feature{fHead, fPain}, AlertConfirm},
		{"an everyday complaint, not sudden (掉头发掉得厉害)", []feature{fComplaint, mExtreme}, []feature{fHead}, AlertNone},
		{"mild (早上起来腿有点麻)", []feature{fLeg, fNumb, mMild}, []feature{mOnset}, AlertNone},
		{"for days (这两天腰疼得厉害)", []feature{fSite, fPain, mExtreme}, []feature{mDays}, AlertNone},
		{"exertion (爬了趟山，腿酸得走不动)", []feature{fLeg, fUnable}, []feature{mExert}, AlertNone},
		{"familiar", []feature{fSite, fPain, mExtreme}, []feature{mFamiliar}, AlertNone},
		{"a harmless cause (笑得肚子疼)", []feature{fSite, fPain}, []feature{mBenign, mOnset}, AlertNone},
		{"severe but no escalator (肚子疼)", []feature{fSite, fPain}, nil, AlertNone},
		{"no part of the body (手机卡住动不了)", []feature{fUnable}, nil, AlertNone},
		{"a plea about nothing bodily (手机坏了怎么办)", []feature{mPlea}, nil, AlertNone},
	})
}

// TestPotential reads the failing bodily acts from the runes: verb + 不 + complement,
// prefix + verb, not the exceptions, not a verb the lexicon does not hold.
func TestPotential(t *testing.T) {
	p := &lex().potential
	cases := []struct {
		text string
		want string // the span read, "" for none
	}{
		{"迈不开步", "迈不开"},
		{"咽不下去", "咽不下去"},
		{"直不起腰", "直不起"},
		{"不能翻身", "不能翻身"},
		{"没法下地", "没法下地"},
		{"走不开", ""},  // busy: an exception
		{"想不开", ""},  // the mind: despair reads it
		{"买不起", ""},  // no verb of the body
		{"说不出来", ""}, // slurred speech reads it
		{"不能去", ""},  // no verb of the body
	}
	for _, c := range cases {
		rs := []rune(c.text)
		got := ""
		for i := range rs {
			if s, e, ok := p.unableAt(rs, 0, len(rs), i); ok {
				got = string(rs[s:e])
				break
			}
		}
		if got != c.want {
			t.Errorf("%s: read %q, want %q", c.text, got, c.want)
		}
	}
}

// TestDoubtParse reads whole messages: the fallback asks to confirm, never alarms, and
// time and voice set it aside like any finding.
func TestDoubtParse(t *testing.T) {
	cases := []struct {
		text string
		want Alert
	}{
		{"老爷子捂着肚子满床打滚", AlertConfirm},            // the fallback's confirm (severe pain alone is no discriminator of shared/triage.md)
		{"我这右腿跟灌了铅一样，刚刚还好好的，现在迈不开步", AlertAlarm}, // a sudden weak leg: the model makes it an alarm
		{"右腿有点沉，走路慢", AlertNone},
		{"快叫120", AlertAlarm}, // 快叫 takes no text from 叫120
		{"上周肚子疼得打滚，是胆结石，做了手术，今天出院了", AlertNone},
		{"万一肚子疼得打滚怎么办？", AlertNone},
		{"挺好的，就是头发掉得厉害", AlertNone},
		{"笑得我肚子疼", AlertNone},
		{"手机屏幕卡住了动不了", AlertNone},
	}
	for _, c := range cases {
		r := Parse(c.text)
		if r.Alert != c.want {
			t.Errorf("Parse(%q).Alert = %s, want %s (%v)", c.text, r.Alert, c.want, r.Findings)
		}
		for _, f := range r.Findings {
			if f.Sign == SignDoubt && f.Alert == AlertAlarm {
				t.Errorf("Parse(%q): the fallback gave an alarm", c.text)
			}
		}
	}
}
