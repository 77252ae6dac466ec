package parse

import "strings"

// healthSig records a statement about health, weighed by the clause it is in.
func (rd *reading) healthSig(v Health, pos int, phrase string, cf clauseFlags, aside bool) {
	switch {
	case v == "":
		return
	case cf.hearsay || cf.blessing:
		return // 听说隔壁有人阳了, 祝大家健康
	case aside && v != HealthUrgent:
		return // 大家注意身体
	case cf.question && v == HealthWell:
		return // 请问明天还要报平安吗
	case cf.weather && v == HealthWell:
		return // 阳光很好
	case cf.past && v == HealthUrgent:
		v = HealthUnwell // 以前摔过一跤
	}
	rd.health = append(rd.health, hsig{value: v, pos: pos, phrase: phrase, past: cf.past})
	rd.signal = true
}

// measured turns a body temperature, blood-oxygen, blood-pressure or blood-sugar reading into a health statement.
// When in doubt it reads the worse state.
func (rd *reading) measured(kind string, v float64, phrase string, pos int, cf clauseFlags) {
	var h Health
	switch kind {
	case "temp":
		switch {
		case v < 34 || v > 43: // weather or not a temperature
			return
		case v >= 40:
			h = HealthUrgent
		case v >= 37.3:
			h = HealthUnwell
		default:
			return
		}
	case "spo2":
		switch {
		case v < 50 || v > 100:
			return
		case v < 90:
			h = HealthUrgent
		case v < 94:
			h = HealthUnwell
		default:
			return
		}
	case "bp": // systolic
		switch {
		case v < 60 || v > 300:
			return
		case v >= 180:
			h = HealthUrgent
		case v >= 140 || v < 90:
			h = HealthUnwell
		default:
			return
		}
	case "glucose": // mmol/L
		switch {
		case v <= 0 || v > 40:
			return
		case v < 3.9:
			h = HealthUrgent
		case v >= 11.1:
			h = HealthUnwell
		default:
			return
		}
	default:
		return
	}
	rd.healthSig(h, pos, phrase, cf, false)
}

// dose records a stated vaccine dose count; the largest affirmed count wins, and 0
// counts only when no dose was stated.
func (rd *reading) dose(n int, phrase string) {
	rd.signal = true
	if n == 0 {
		if rd.zeroEv == "" {
			rd.zeroEv = phrase
		}
		return
	}
	if n > rd.doses {
		rd.doses, rd.doseEv = n, phrase
	}
}

// proxyMark notes a word about who is writing.
func (rd *reading) proxyMark(value, phrase string) {
	p := &rd.proxy
	var slot *string
	switch value {
	case "strong":
		slot = &p.strong
	case "weak":
		slot = &p.weak
	case "spouse":
		slot = &p.spouse
	case "self":
		slot = &p.self
	case "iam":
		slot = &p.iam
	case "relation":
		slot = &p.relation
	default:
		return
	}
	if *slot == "" {
		*slot = phrase
	}
}

// proxyPhrase returns the phrase that shows the message is written about someone
// else, or "".
func (rd *reading) proxyPhrase() string {
	p := rd.proxy
	switch {
	case p.strong != "":
		return p.strong
	case p.iam != "" && p.relation != "":
		return p.iam + "…" + p.relation
	case p.spouse != "" && p.self == "":
		return p.spouse
	case p.weak != "" && (rd.signal || len(rd.needs) > 0):
		return p.weak
	}
	return ""
}

// resolveHealth weighs the statements: a retraction withdraws the well before it, a
// recovery clears the illness before it, so does any present "well" an illness told
// as past (上个月住院了，现在挺好), then urgent > unwell > well.
func (rd *reading) resolveHealth() (Health, string) {
	best, ev := HealthUnknown, ""
	for i, s := range rd.health {
		if s.value == HealthWell && s.pos < rd.retract {
			continue
		}
		if s.value == HealthUnwell && !s.recov {
			cleared := false
			for _, later := range rd.health[i+1:] {
				if later.pos > s.pos && (later.recov || (s.past && !later.past && later.value == HealthWell)) {
					cleared = true
					break
				}
			}
			if cleared {
				continue
			}
		}
		if rank(s.value) > rank(best) {
			best, ev = s.value, s.phrase
		}
	}
	return best, ev
}

// finish turns the reading into a Reply.
func (rd *reading) finish(r *Reply) {
	var ev []Evidence
	health, healthEv := rd.resolveHealth()

	if rd.askEv != "" {
		rd.needs = append(rd.needs, rd.pending...)
	}
	var details []string
	for i := 0; i < len(rd.needs); i++ {
		o := rd.needs[i]
		if !r.HasNeed(o.need) {
			r.Needs = append(r.Needs, o.need)
		}
		phrase := o.phrase
		for i+1 < len(rd.needs) && rd.needs[i+1].start == o.end && rd.needs[i+1].need == o.need {
			i++
			o = rd.needs[i]
			phrase += o.phrase
		}
		if !contains(details, phrase) {
			details = append(details, phrase)
		}
	}
	r.Detail = strings.Join(details, "、")

	switch {
	case health == HealthUrgent:
		r.Intent = IntentUrgent
		ev = append(ev, Evidence{Field: "intent", Phrase: healthEv})
	case len(r.Needs) > 0:
		r.Intent = IntentAid
		ev = append(ev, Evidence{Field: "intent", Phrase: firstNonEmpty(rd.cueEv, rd.askEv, details[0])})
	case rd.askEv != "":
		r.Intent = IntentAid
		ev = append(ev, Evidence{Field: "intent", Phrase: rd.askEv})
	case health != HealthUnknown:
		r.Intent = IntentCheckin
		ev = append(ev, Evidence{Field: "intent", Phrase: healthEv})
	case rd.doses >= 0 || rd.zeroEv != "":
		r.Intent = IntentCheckin
		ev = append(ev, Evidence{Field: "intent", Phrase: firstNonEmpty(rd.doseEv, rd.zeroEv)})
	case rd.test != TestUnknown:
		r.Intent = IntentCheckin
		ev = append(ev, Evidence{Field: "intent", Phrase: rd.testEv})
	}
	r.Health = health
	if health != HealthUnknown {
		ev = append(ev, Evidence{Field: "health", Phrase: healthEv})
	}
	switch {
	case rd.doses > 0:
		r.Doses = rd.doses
		ev = append(ev, Evidence{Field: "doses", Phrase: rd.doseEv})
	case rd.zeroEv != "":
		r.Doses = 0
		ev = append(ev, Evidence{Field: "doses", Phrase: rd.zeroEv})
	}
	if rd.test != TestUnknown {
		r.Test = rd.test
		ev = append(ev, Evidence{Field: "test", Phrase: rd.testEv})
	}
	for _, d := range details {
		ev = append(ev, Evidence{Field: "needs", Phrase: d})
	}
	if p := rd.proxyPhrase(); p != "" {
		r.Proxy = true
		ev = append(ev, Evidence{Field: "proxy", Phrase: p})
	}
	r.Evidence = ev
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// rank orders health states by how much attention they need.
func rank(h Health) int {
	switch h {
	case HealthWell:
		return 1
	case HealthUnwell:
		return 2
	case HealthUrgent:
		return 3
	}
	return 0
}
