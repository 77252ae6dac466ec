package parse

import (
	"math"
	"testing"
)

func TestReadFigure(t *testing.T) {
	cases := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"185", 185, true},
		{"3.2", 3.2, true},
		{"39度5", 39.5, true},
		{"39度", 39, true},
		{"八十五", 85, true},
		{"一百二", 120, true},
		{"一百二十好几", 120.5, true},
		{"两百一", 210, true},
		{"一百九十多", 190.5, true},
		{"二百多", 200.5, true},
		{"一百零五", 105, true},
		{"一百五六", 155, true},
		{"三点二", 3.2, true},
		{"十八点几", 18.5, true},
		{"二十多", 20.5, true},
		{"三十九度五", 39.5, true},
		{"四十", 40, true},
		{"一百二十多", 120.5, true}, // more than 120: over the pulse threshold
		{"80几", 80.5, true},
		{"很高", 0, false},
	}
	for _, c := range cases {
		rs := []rune(c.in)
		v, _, ok := readFigure(rs, 0, len(rs))
		if ok != c.ok || math.Abs(v-c.want) > 1e-9 {
			t.Errorf("readFigure(%q) = %v %v, want %v %v", c.in, v, ok, c.want, c.ok)
		}
	}
}

func TestReadVital(t *testing.T) {
	cases := []struct {
		in       string // the text after the measure word
		kind     vitalKind
		value    float64
		dia      float64
		high, ok bool
	}{
		{"195/110", vBP, 195, 110, false, true},
		{"量了三次都是195/110", vBP, 195, 110, false, true}, // 三次 counts the readings
		{"一直很高", vBP, 0, 0, false, false},
		{"很高,二十多", vSugar, 20.5, 0, false, true}, // the figure in the next clause
		{"仪显示hi", vSugar, 0, 0, true, true},
		{"只有四十", vPulse, 40, 0, false, true},
		{"掉到86了", vSpO2, 86, 0, false, true},
		{"30度", vTemp, 0, 0, false, false}, // the weather
		{",今天去公园", vBP, 0, 0, false, false},
	}
	for _, c := range cases {
		rs := []rune(c.in)
		v, ok := readVital(rs, c.kind, 0, len(rs))
		if ok != c.ok || v.value != c.value || v.dia != c.dia || v.high != c.high {
			t.Errorf("readVital(%q) = %+v %v, want %v/%v high %v %v", c.in, v, ok, c.value, c.dia, c.high, c.ok)
		}
	}
}

func TestVitalLevel(t *testing.T) {
	cases := []struct {
		name string
		v    vital
		m    []feature
		want Alert
	}{
		{"bp 200 alone", vital{kind: vBP, value: 200}, nil, AlertConfirm},
		{"bp 200 with a headache", vital{kind: vBP, value: 200}, []feature{fHead, fPain}, AlertAlarm},
		{"bp 200, a head without pain", vital{kind: vBP, value: 200}, []feature{fHead}, AlertConfirm},
		{"bp 195/110 with vision change", vital{kind: vBP, value: 195, dia: 110}, []feature{fBlind}, AlertAlarm},
		{"bp 170/112 alone", vital{kind: vBP, value: 170, dia: 112}, nil, AlertConfirm},
		{"bp 178 dizzy: near the line, with a symptom", vital{kind: vBP, value: 178}, []feature{fDizzy}, AlertConfirm},
		{"bp 178 alone", vital{kind: vBP, value: 178}, nil, AlertNone},
		{"bp 172 headache", vital{kind: vBP, value: 172}, []feature{fHead, fPain}, AlertConfirm},
		{"bp 165 headache", vital{kind: vBP, value: 165}, []feature{fHead, fPain}, AlertNone},
		{"fever 38.5 breathless", vital{kind: vTemp, value: 38.5}, []feature{fBreath}, AlertConfirm},
		{"fever 38.5 alone", vital{kind: vTemp, value: 38.5}, nil, AlertNone},
		{"diastolic 120 with numb hands", vital{kind: vDia, value: 120}, []feature{fNumb, fArm}, AlertAlarm},
		{"186 and 没感觉: numb of nothing is feeling nothing", vital{kind: vBP, value: 186}, []feature{fNumb}, AlertConfirm},
		{"sugar 2.8", vital{kind: vSugar, value: 2.8}, nil, AlertAlarm},
		{"sugar 3.3 alone", vital{kind: vSugar, value: 3.3}, nil, AlertConfirm},
		{"sugar 3.3 sweating", vital{kind: vSugar, value: 3.3}, []feature{fSweat}, AlertAlarm},
		{"sugar 20", vital{kind: vSugar, value: 20}, nil, AlertConfirm},
		{"sugar HI, vomiting", vital{kind: vSugar, high: true}, []feature{fVomit}, AlertAlarm},
		{"sugar 15.6", vital{kind: vSugar, value: 15.6}, nil, AlertNone},
		{"spo2 88", vital{kind: vSpO2, value: 88}, nil, AlertAlarm},
		{"38.6 on chemotherapy", vital{kind: vTemp, value: 38.6}, []feature{fChemo}, AlertAlarm},
		{"38.6 alone", vital{kind: vTemp, value: 38.6}, nil, AlertNone},
		{"spo2 92", vital{kind: vSpO2, value: 92}, nil, AlertConfirm},
		{"spo2 93", vital{kind: vSpO2, value: 93}, nil, AlertNone},
		{"fever 39.7 confused", vital{kind: vTemp, value: 39.7}, []feature{fConfused}, AlertAlarm},
		{"fever 39.2", vital{kind: vTemp, value: 39.2}, nil, AlertConfirm},
		{"fever 38.9", vital{kind: vTemp, value: 38.9}, nil, AlertNone},
		{"pulse 150 dizzy", vital{kind: vPulse, value: 150}, []feature{fDizzy}, AlertAlarm},
		{"pulse 38", vital{kind: vPulse, value: 38}, nil, AlertConfirm},
		{"pulse 55", vital{kind: vPulse, value: 55}, nil, AlertNone},
	}
	for _, c := range cases {
		if got, _ := vitalLevel(c.v, setOf(c.m...)); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

// TestVitalsInText reads figures in whole messages, Chinese numerals and all.
func TestVitalsInText(t *testing.T) {
	checkCases(t, []parseCase{
		{"刚量血压二百多，头疼得要炸了，手脚发麻", "urgent urgent - unknown - no"},
		{"血压两百一，脑袋嗡嗡的", "urgent urgent - unknown - no"},
		{"高压一百九十多，低压一百二，头痛", "urgent urgent - unknown - no"},
		{"血糖很高，二十多", "checkin unwell - unknown - no confirm"},
		{"测了血糖3.1，手一直抖", "urgent urgent - unknown - no"},
		{"血糖仪显示HI，吐了好几回", "urgent urgent - unknown - no"},
		{"血氧才八十五", "urgent urgent - unknown - no"},
		// the oximeter's own words and the Latin a child types
		{"SpO2 87，还往下掉，咋整啊", "urgent urgent - unknown - no"},
		{"指脉氧八十六", "urgent urgent - unknown - no"},
		{"氧饱和度91", "checkin unwell - unknown - no confirm"},
		{"spo2 98 挺好", "checkin well - unknown - no"},
		{"BP 150/90，还行", "checkin unwell - unknown - no"},
		{"体温39度7，人烧糊涂了", "urgent urgent - unknown - no"},
		{"心跳一分钟一百五，头晕", "urgent urgent - unknown - no"},
		{"血压135/85，正常吧", "checkin well - unknown - no"},
		{"这两天血压老在一百五六", "checkin unwell - unknown - no"},
		{"血压量了三次都是195/110，头疼得厉害", "urgent urgent - unknown - no"},
		// a later reading of the same measure, without its measure word
		{"昨天血压飙到一百九，吃了药今天一百四了", "checkin unwell - unknown - no"},
		{"早上血糖2.8，吃了块糖，现在5.6了", "checkin unwell - unknown - no confirm"},
		{"血压一百九，现在两百一了，头疼", "urgent urgent - unknown - no"},
		{"血压测了个二百零五，一百一十五，脑袋胀得疼", "urgent urgent - unknown - no"},
		{"心跳一百二十好几，坐着也是这样", "checkin unwell - unknown - no confirm"},
		{"血压185，吃了两片药", "checkin unwell - unknown - no confirm"},
	})
}
