package parse

import "strings"

// Parse reads one message. It never panics and always returns valid values.
// This first version knows a handful of phrases; the lexicon-driven parser replaces it.
func Parse(text string) Reply {
	r := Reply{Intent: IntentOther, Health: HealthUnknown, Doses: -1, Test: TestUnknown}
	t := strings.TrimSpace(text)
	switch {
	case strings.Contains(t, "摔倒") || strings.Contains(t, "救命") || strings.Contains(t, "120"):
		r.Intent, r.Health = IntentUrgent, HealthUrgent
	case strings.Contains(t, "买菜") || strings.Contains(t, "药快") || t == "3":
		r.Intent = IntentAid
		if strings.Contains(t, "药") {
			r.Needs = []Need{NeedMedicine}
		} else {
			r.Needs = []Need{NeedFood}
		}
	case strings.Contains(t, "不舒服") || strings.Contains(t, "发烧") || t == "2":
		r.Intent, r.Health = IntentCheckin, HealthUnwell
	case strings.Contains(t, "平安") || strings.Contains(t, "挺好") || strings.Contains(t, "很好") || t == "1":
		r.Intent, r.Health = IntentCheckin, HealthWell
	}
	if strings.Contains(t, "我爸") || strings.Contains(t, "我妈") {
		r.Proxy = true
	}
	return r
}
