package store

import (
	"strconv"
	"time"
)

// Every Redis key pingan uses is built here. Keys carry the office in a hash
// tag, pg:{office}:…, so one office's keys share a Redis Cluster slot and its
// Lua scripts and transactions stay legal there.

type keys struct {
	p string
	// fixed are the keys every reply writes, built once.
	fixed *fixedKeys
}

// fixedKeys are the office's keys that do not depend on an argument.
type fixedKeys struct {
	elders, status, due, escalate, contacts, flags, well, unwell, rounds, binds, outboxAckDue, outboxAckLast string
}

func newKeys(office string) keys {
	p := "pg:{" + office + "}:"
	return keys{p: p, fixed: &fixedKeys{elders: p + "elders", status: p + "status", due: p + "due", escalate: p + "escalate",
		contacts: p + "contacts", flags: p + "flags", well: p + "well", unwell: p + "unwell", rounds: p + "rounds",
		binds: p + "binds", outboxAckDue: p + "outbox:acks:due", outboxAckLast: p + "outbox:acks:last"}}
}

// elders: hash elder id → Elder JSON (the roster as last loaded).
func (k keys) elders() string { return k.fixed.elders }

// aliases: hash normalised alias → elder id, from the roster.
func (k keys) aliases() string { return k.p + "aliases" }

// binds: hash normalised nickname → elder id, set by liaisons with /bind.
func (k keys) binds() string { return k.fixed.binds }

// status: hash elder id → Status JSON (the latest status, the ledger's head).
func (k keys) status() string { return k.fixed.status }

// well: set of the ids of elders on the roster whose latest stated health
// is well; unwell: of those whose latest stated health is anything else
// but unknown (unwell, urgent). Kept by the record-contact script and the
// roster sync (indexes.go), so that /状态 and the report count without
// reading every status.
func (k keys) well() string   { return k.fixed.well }
func (k keys) unwell() string { return k.fixed.unwell }

// due: zset elder id → unix time at which the elder becomes overdue.
func (k keys) due() string { return k.fixed.due }

// escalate: zset elder id → unix time at which overdue escalates to admins.
func (k keys) escalate() string { return k.fixed.escalate }

// history: list of one elder's contacts, newest first: each the id (unix
// ms) of its entry in the contacts log; entries of earlier versions are
// Contact JSON. Trimmed to the retention, expires a retention after the
// last contact (see ledger.go).
func (k keys) history(elderID string) string { return k.p + "hist:" + elderID }

// contacts: stream of every contact (compact, codec.go), the ledger's
// journal for export; entry ids are the contacts' times, trimmed by time
// to the retention.
func (k keys) contacts() string { return k.fixed.contacts }

// groups: hash, the office's group dictionary: "n:"+name → code and
// "c:"+code → name, so that a stored contact names its group in a byte or two.
func (k keys) groups() string { return k.p + "groups" }

// seen: one key per applied inbound message id, as earlier versions
// deduped (14 days); still looked at, never written.
func (k keys) seen(msgID string) string { return k.p + "seen:" + msgID }

// dedupe: set of the inbound message ids applied on one UTC day
// (YYYYMMDD), kept dedupeDays (see dedupe.go).
func (k keys) dedupe(day string) string { return k.p + "dedupe:" + day }

// round: hash with the round's fields; expires a retention after it opened.
func (k keys) round(id string) string { return k.p + "round:" + id }

// roundSeen: set of elder ids heard from in the round; a short-lived index
// (roundSeenTTL), since the contacts log says the same.
func (k keys) roundSeen(id string) string { return k.p + "round:" + id + ":seen" }

// roundCount: hash "b:"+branch → how many of the branch's elders were
// heard from in the round, kept with roundSeen; its field "v" marks a
// round whose counts are kept (opened by this version). Expires with it.
func (k keys) roundCount(id string) string { return k.p + "round:" + id + ":count" }

// rounds: zset round id → opening unix time, trimmed to the retention.
func (k keys) rounds() string { return k.fixed.rounds }

// unmatched: zset normalised nickname → last message time, for senders the
// roster does not know; trimmed to the retention.
func (k keys) unmatched() string { return k.p + "unmatched" }

// unmatchedMsgs: list of pending contacts (compact, or JSON of earlier
// versions) from one unmatched nickname; expires a retention after the last.
func (k keys) unmatchedMsgs(nick string) string { return k.p + "unmatched:" + nick }

// flags: zset elder id → time, signs of life (sticker, voice) for a liaison to look at.
func (k keys) flags() string { return k.fixed.flags }

// outboxLegacy: the single queue of versions before lanes; moved into the
// lanes at start (Outbox.MoveLegacy).
func (k keys) outboxLegacy() string { return k.p + "outbox" }

// outboxLane: list of one lane's queued entries ("id\n" + encoding), oldest first.
func (k keys) outboxLane(lane string) string { return k.p + "outbox:" + lane }

// outboxAcks: hash group → acknowledgement items waiting to be merged, one
// a line, as earlier versions kept them; moved into outboxAckItems at start.
func (k keys) outboxAcks() string { return k.p + "outbox:acks" }

// outboxAckItems: list of one group's acknowledgement items waiting to be
// merged, oldest first.
func (k keys) outboxAckItems(group string) string { return k.p + "outbox:ack:" + group }

// outboxAckDue: zset group → unix ms when its next batch may go.
func (k keys) outboxAckDue() string { return k.fixed.outboxAckDue }

// outboxAckLast: hash group → unix ms of its last batch sent.
func (k keys) outboxAckLast() string { return k.fixed.outboxAckLast }

// outboxFailed: list of given-up Outgoing JSON with reasons.
func (k keys) outboxFailed() string { return k.p + "outbox:failed" }

// jobTick: the once-per-tick lock of a scheduled job.
func (k keys) jobTick(job string, tick time.Time) string {
	return k.p + "job:" + job + ":" + strconv.FormatInt(tick.Unix(), 10)
}

// jobLast: hash job name → JSON of the job's last run.
func (k keys) jobLast() string { return k.p + "jobs:last" }

// Aid requests and emergencies (handlers/aid*.go, handlers/urgent*.go).

// caseSeq: counter behind the #N of aid requests and emergencies; INCR, never reused.
func (k keys) caseSeq() string { return k.p + "case:seq" }

// aid: string, one aid request's JSON; a closed one expires after the retention.
func (k keys) aid(id int64) string { return k.p + "aid:" + strconv.FormatInt(id, 10) }

// aidActive: zset request number → opening unix time, for open and claimed requests.
func (k keys) aidActive() string { return k.p + "aid:active" }

// aidDue: zset request number → unix time its next escalation stage is due.
func (k keys) aidDue() string { return k.p + "aid:due" }

// aidNeeds: hash "elderID:need" → number of the active request asking it, to fold duplicates.
func (k keys) aidNeeds() string { return k.p + "aid:needs" }

// aidDay: hash opened/claimed/done/cancelled → count, for one day (YYYYMMDD in the office's zone).
func (k keys) aidDay(day string) string { return k.p + "aid:day:" + day }

// urgent: string, one emergency's JSON; a resolved one expires after the retention.
func (k keys) urgent(id int64) string { return k.p + "urgent:" + strconv.FormatInt(id, 10) }

// urgentActive: zset emergency number → opening unix time, alerting or acknowledged.
func (k keys) urgentActive() string { return k.p + "urgent:active" }

// urgentDue: zset emergency number → unix time its next repeat is due, while alerting.
func (k keys) urgentDue() string { return k.p + "urgent:due" }

// --- bulletins and the scheduler (issue 6) ---

// bulletins: hash id → Bulletin JSON, the bulletins added in chat.
func (k keys) bulletins() string { return k.p + "bulletins" }

// bulletinSeq: counter numbering the bulletins added in chat.
func (k keys) bulletinSeq() string { return k.p + "bulletins:seq" }

// bulletinSent: hash group[@occurrence unix] → unix time the bulletin was
// queued for that group; HSETNX on it is the once-per-group claim.
func (k keys) bulletinSent(id string) string { return k.p + "bulletin:" + id + ":sent" }

// bulletinMissed: hash bulletin id → unix time it was found too late to send.
func (k keys) bulletinMissed() string { return k.p + "bulletins:missed" }

// once: a marker set with SET NX that something happened (a daily hint,
// a job failure told to the admins), expiring with its period.
func (k keys) once(what string) string { return k.p + "once:" + what }

// --- the report's history (issue 12) ---

// daily: hash YYYYMMDD (office zone) → DayFigures JSON, the office's
// figures as each day's report saw them; trimmed to dailyKeep days.
func (k keys) daily() string { return k.p + "daily" }

// elderCases: zset of the case numbers (aid and emergencies) about one elder.
func (k keys) elderCases(elderID string) string { return k.p + "cases:" + elderID }

// away: hash elder id → Absence JSON.
func (k keys) away() string { return k.p + "away" }

// awayUntil: zset elder id → unix time the absence ends.
func (k keys) awayUntil() string { return k.p + "away:until" }

// plans: hash elder id → PlanChange JSON (plans set in chat).
func (k keys) plans() string { return k.p + "plans" }

// pendingImport: an admin's roster file waiting for /确认导入 (JSON, expires).
func (k keys) pendingImport(admin string) string { return k.p + "import:" + admin }
