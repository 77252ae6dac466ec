// Package parse reads an elder's free-text reply to a check-in prompt.
//
// It is pure: text in, a Reply out, no I/O and no global mutable state. Parse never
// panics, reads at most the first 8 KB of a message, and does not allocate for the
// commonest replies (平安, 1).
//
// # What a Reply says
//
// Intent, Health, Doses, Test, Needs and Proxy are the six fields of the corpus
// contract (shared/corpus/README.md). Alert and Findings come from the triage layer
// (docs/triage.md, shared/triage.md):
//
//   - Alert is AlertAlarm, AlertConfirm or AlertNone: whether a person must act now,
//     must look now, or need not act.
//   - Intent is IntentUrgent exactly when Alert is AlertAlarm. A confirm reading has
//     Intent IntentCheckin or IntentAid, never IntentOther (血糖很高，二十多 is news
//     about the elder, not chatter).
//   - Health is HealthUrgent only with an alarm, and then when a finding is about
//     someone's body or mind (a stroke, despair, dementia wandering, gas with a
//     headache); an alarm that states nobody's body (a fire, a fraud, 救命 alone, no
//     answer at the door) keeps the health the message states, usually unknown. With
//     a confirm about the body Health is at least HealthUnwell.
//   - Findings lists the discriminators that fired, strongest first: those that
//     raised Alert (Reply.Raised), then those that time or voice set aside, with
//     Because saying why (过去的事, 已在医院或有人照看, 假设, 已否认, …). Each quotes
//     the message as written, at rune offsets into the text passed to Parse.
//
// # Wiring it
//
//	r := parse.Parse(m.Text)
//	switch r.Alert {
//	case parse.AlertAlarm: // the emergency flow, as for IntentUrgent today
//	case parse.AlertConfirm: // tell the liaison now, ask them to confirm
//	}
//	for _, f := range r.Raised() {
//		line := f.Label() // 疑似中风：半边脸耷拉下来了 — for the staff notice
//		_ = line
//	}
//	hotlines := r.Hotlines() // ["12356"] for despair, ["110", "96110"] for fraud
//	_ = hotlines
//	if r.Has(parse.SignFraud) { /* minutes count for a bank freeze */ }
//
// A staff notice quotes Finding.Label() for each raised finding; /查询 can list every
// finding, set aside or not, so that a wrong reading shows which words it was made
// of. Sign.Label() names a sign alone (疑似中风, 疑似心脏急症, 呼吸困难, 意识异常, 出血,
// 跌倒, 指标危险, 居家险情, 轻生念头, 走失迷路, 疑似被骗, 呼救, 联系不上, 需要照看,
// 情况不明需确认).
//
// # How it reads
//
// The text is normalised (width, case, Traditional → Simplified, emoji codes, a
// message typed in toneless pinyin read as the lexicon's phrases it sounds like,
// dialect and typo rewrites from lexicon.yaml, homophones of the discriminators'
// words), cut into clauses at punctuation, and
// read twice: once for words (health, needs, doses, tests, who writes; the longest
// lexicon phrase wins at each position) and once for the triage layer's parts and
// marks (triage.go). The discriminator rules (signs.go) compose parts — one side +
// arm + weak, chest + pressure + sweat, a blood-pressure figure + headache — so that
// 右边胳膊突然抬不起来 and 左手拿不住东西了 are the same sign; the lexicon's pairs give
// a part from two phrases read in either order (认不得 + 人, 人都认不得了). Time and
// voice (timevoice.go) lower what is past, in care, over, denied, hypothetical, a
// question in general (one naming no one and no time), a joke or hearsay. When no
// discriminator raised an alert, graded doubt (doubt.go) asks to confirm, never to
// alarm, for a clause told now that reports a body in trouble (a part of the body,
// something wrong with it, and sudden, disabling, beyond the everyday or odd: 肚子疼得
// 打滚, 右腿迈不开步) or presses for someone to come about a body (SignDoubt). When
// no rule found anything at all, the resemblance model (resemble.go) weighs the
// characters of the live clauses against every labelled message the project has and
// asks to confirm a message that resembles the emergencies (SignLike). The words live
// in lexicon.yaml, one documented file validated at load; the rules are small pure
// functions with table tests; the model is a generated file (resemble.tsv) that a
// test checks against the sets it is trained on.
package parse
