package config

import (
	"fmt"
	"strings"

	"pingan/store"
)

// RosterDiff says, as the admins read it, how roster next differs from
// roster old: 「新增 2 位（…），移除 1 位（…），电话变更 3 位（…）（共 243 位）」.
func RosterDiff(old, next []store.Elder) string {
	before := make(map[string]store.Elder, len(old))
	for _, e := range old {
		before[e.ID] = e
	}
	var added, changedPhone, changedLiaison, changedPlan, changedOther []string
	now := make(map[string]bool, len(next))
	for _, e := range next {
		now[e.ID] = true
		o, ok := before[e.ID]
		switch {
		case !ok:
			added = append(added, e.Name)
			continue
		case o.Phone != e.Phone:
			changedPhone = append(changedPhone, e.Name)
		case o.Liaison != e.Liaison:
			changedLiaison = append(changedLiaison, e.Name)
		case o.Plan != e.Plan:
			changedPlan = append(changedPlan, e.Name)
		case o.Name != e.Name || o.Branch != e.Branch || o.Tier != e.Tier || strings.Join(o.Aliases, "|") != strings.Join(e.Aliases, "|") ||
			strings.Join(o.Family, "|") != strings.Join(e.Family, "|"):
			changedOther = append(changedOther, e.Name)
		}
	}
	var removed []string
	for _, e := range old {
		if !now[e.ID] {
			removed = append(removed, e.Name)
		}
	}
	var parts []string
	list := func(label string, names []string) {
		if len(names) == 0 {
			return
		}
		p := fmt.Sprintf("%s %d 位", label, len(names))
		if len(names) <= 5 {
			p += "（" + strings.Join(names, "、") + "）"
		}
		parts = append(parts, p)
	}
	list("新增", added)
	list("移除", removed)
	list("电话变更", changedPhone)
	list("联络员变更", changedLiaison)
	list("计划变更", changedPlan)
	list("其他信息变更", changedOther)
	text := "无变化"
	if len(parts) > 0 {
		text = strings.Join(parts, "，")
	}
	return text + fmt.Sprintf("（共 %d 位）", len(next))
}
