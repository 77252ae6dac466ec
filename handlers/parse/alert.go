package parse

import "strings"

// Alert is whether a person must look at a message now (shared/triage.md).
type Alert string

// Alert levels, in rising order.
const (
	// AlertNone: no one needs to act now; the reading goes to the ledger and report.
	AlertNone Alert = "none"
	// AlertConfirm: it may be serious; the liaison is asked to look now and confirm.
	AlertConfirm Alert = "confirm"
	// AlertAlarm: a person must act now; the emergency flow.
	AlertAlarm Alert = "alarm"
)

// rank orders alert levels.
func (a Alert) rank() int {
	switch a {
	case AlertConfirm:
		return 1
	case AlertAlarm:
		return 2
	}
	return 0
}

// Sign is a discriminator: a kind of danger that makes a message need a person
// whatever words carry it.
type Sign string

// Signs. Each Finding names one.
const (
	SignStroke        Sign = "stroke"        // face, arm or leg on one side, speech, sudden vision or balance loss, worst headache
	SignHeart         Sign = "heart"         // chest pain or pressure with sweat, breathlessness or spread; palpitations with a black-out
	SignBreathing     Sign = "breathing"     // cannot breathe, gasping, blue lips
	SignConsciousness Sign = "consciousness" // cannot be woken, fainted, seizure, sudden confusion
	SignBleeding      Sign = "bleeding"      // vomiting or coughing blood, bleeding that will not stop, black stools
	SignFall          Sign = "fall"          // a fall, with cannot get up, a blow to the head, blood thinners
	SignVitals        Sign = "vitals"        // a blood-pressure, sugar, oxygen, temperature or pulse figure past its threshold
	SignDanger        Sign = "danger"        // fire, gas, poisoning, choking, burns, locked out in the cold
	SignDespair       Sign = "despair"       // thoughts of ending one's life (hotline 12356)
	SignLost          Sign = "lost"          // lost, wandering, missing with dementia
	SignFraud         Sign = "fraud"         // fraud in progress or just happened (110, 96110)
	SignViolence      Sign = "violence"      // threatened with a weapon or harm, beaten (110)
	SignHelp          Sign = "help"          // a cry for help, an ambulance called or asked for
	SignNoAnswer      Sign = "noanswer"      // an elder who does not answer the door or the phone
	SignCare          Sign = "care"          // alone and frightened, no food or heating, not eating, a carer ill, a fall risk
	SignAcute         Sign = "acute"         // no urine, a missed dialysis with breathlessness, a fever on chemotherapy
	SignDoubt         Sign = "doubt"         // no discriminator, but a body in trouble now or a plea: confirm only
	SignLike          Sign = "like"          // the words resemble the emergencies learnt: a confirm, or an alarm when a rule asked to confirm
)

// Signs lists every sign, for validation and documentation.
var Signs = []Sign{SignStroke, SignHeart, SignBreathing, SignConsciousness, SignBleeding, SignFall,
	SignVitals, SignDanger, SignDespair, SignLost, SignFraud, SignViolence, SignHelp, SignNoAnswer, SignCare, SignAcute, SignDoubt, SignLike}

// signLabels are the short Chinese names staff read.
var signLabels = map[Sign]string{
	SignStroke:        "疑似中风",
	SignHeart:         "疑似心脏急症",
	SignBreathing:     "呼吸困难",
	SignConsciousness: "意识异常",
	SignBleeding:      "出血",
	SignFall:          "跌倒",
	SignVitals:        "指标危险",
	SignDanger:        "居家险情",
	SignDespair:       "轻生念头",
	SignLost:          "走失迷路",
	SignFraud:         "疑似被骗",
	SignViolence:      "人身危险",
	SignHelp:          "呼救",
	SignNoAnswer:      "联系不上",
	SignCare:          "需要照看",
	SignAcute:         "其他急症",
	SignDoubt:         "情况不明需确认",
	SignLike:          "与急症描述相近",
}

// Label is the sign's short Chinese name for staff: SignStroke.Label() == "疑似中风".
func (s Sign) Label() string {
	if l, ok := signLabels[s]; ok {
		return l
	}
	return string(s)
}

// Hotlines are the numbers a staff notice adds for the sign: 12356 (the national
// psychological assistance line) for despair, 110 and 96110 (police, anti-fraud) for
// fraud, 110 for violence; nil for the others.
func (s Sign) Hotlines() []string {
	switch s {
	case SignDespair:
		return []string{"12356"}
	case SignFraud:
		return []string{"110", "96110"}
	case SignViolence:
		return []string{"110"}
	}
	return nil
}

// Finding is one discriminator that fired, with the elder's own words behind it.
type Finding struct {
	Sign  Sign
	Alert Alert // the level this finding gives on its own (AlertNone when set aside)
	// Quote is the text it fired on, cut from the original message as written
	// (Traditional characters, typos and all); Start and End are its rune offsets in
	// the message passed to Parse, so that text[Start:End] in runes equals Quote.
	Quote      string
	Start, End int
	// Because says why time or voice lowered the finding, in Chinese ("已在医院",
	// "过去的事", "假设", "问句", "否认", "玩笑", "已好转", "昨天的事"); empty when
	// the finding stands as read.
	Because string
}

// Label renders the finding for a staff notice: 「疑似中风：半边脸耷拉下来了」, or,
// when time or voice set it aside, 「跌倒（过去的事）：去年摔断过手腕」.
func (f Finding) Label() string {
	var b strings.Builder
	b.WriteString(f.Sign.Label())
	if f.Because != "" {
		b.WriteString("（")
		b.WriteString(f.Because)
		b.WriteString("）")
	}
	if f.Quote != "" {
		b.WriteString("：")
		b.WriteString(f.Quote)
	}
	return b.String()
}

// Raised returns the findings that raised the reply's alert (Alert above none),
// strongest first; they are a prefix of r.Findings.
func (r Reply) Raised() []Finding {
	n := 0
	for n < len(r.Findings) && r.Findings[n].Alert != AlertNone {
		n++
	}
	return r.Findings[:n]
}

// Hotlines returns the numbers the staff notice for r should add, once each, in the
// order of the findings that raised the alert: ["12356"] for despair, ["110",
// "96110"] for fraud.
func (r Reply) Hotlines() []string {
	var out []string
	for _, f := range r.Raised() {
		for _, h := range f.Sign.Hotlines() {
			if !contains(out, h) {
				out = append(out, h)
			}
		}
	}
	return out
}

// Has reports whether a finding for sign s raised r's alert.
func (r Reply) Has(s Sign) bool {
	for _, f := range r.Raised() {
		if f.Sign == s {
			return true
		}
	}
	return false
}
