package config

import (
	"net"
	"net/url"
	"strings"
	"time"
)

// Aid configures aid requests (急难愁盼): who hears of a new request, what
// they are shown, and when an unclaimed or unfinished one is chased.
//
//	aid:
//	  claim_within: 2h          # unclaimed this long → remind liaison and volunteers; twice this → admins
//	  done_within: 24h          # claimed but not done this long → remind the claimer
//	  volunteers: [王强, 志愿者-小刘]   # staff names or remarks told of every new request
//	  show: [phone, family]     # what the private notice shows besides the need
type Aid struct {
	// ClaimWithin is how long a request may stay unclaimed before the
	// elder's liaison and the volunteers are reminded; at twice this the
	// admins are told. Default 2h; 10m to 7 days.
	ClaimWithin Duration `yaml:"claim_within"`
	// DoneWithin is how long a claimed request may stay unfinished before
	// the claimer is reminded. Default 24h; 1h to 30 days.
	DoneWithin Duration `yaml:"done_within"`
	// Volunteers are told of every new request, besides the elder's own
	// liaison. Each entry is the name or the remark (备注) of someone in
	// staff: volunteers must be staff so that the bot takes their /claim.
	Volunteers []string `yaml:"volunteers"`
	// Show lists the elder's details a request notice carries: phone,
	// family. Default [phone]. The roster has no address column; a liaison
	// finds the address with /查询.
	Show []string `yaml:"show"`
}

// Urgent configures emergency alerts: how often an unacknowledged alert
// repeats, when it widens to all staff, and the optional second channel.
//
//	urgent:
//	  repeat_every: 5m
//	  widen_after: 15m
//	  confirm_within: 10m
//	  wecom_webhook: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…
//	  wecom_details: false
//	  webhook: https://sms-gateway.example/pingan
//	  timeout: 5s
//	  retries: 3
type Urgent struct {
	// RepeatEvery is how often an alert repeats until someone sends /收到.
	// Default 5m; 1m to 1h.
	RepeatEvery Duration `yaml:"repeat_every"`
	// WidenAfter is how long after the first alert every staff member is
	// alerted, not only the liaison and the admins. Default 15m; at most 24h.
	WidenAfter Duration `yaml:"widen_after"`
	// ConfirmWithin is how long the liaison has to confirm a reading that
	// may be serious (alert confirm: a sign found, not certain) before it
	// becomes an alarm to the admins with repeats. Default 10m; 1m to 2h.
	ConfirmWithin Duration `yaml:"confirm_within"`
	// WeComWebhook is a WeCom (企业微信) group-robot webhook URL; when set,
	// every alert to staff is also posted there as a text message: by default a
	// brief one, without the elder's name, words or phone numbers.
	WeComWebhook string `yaml:"wecom_webhook"`
	// WeComDetails sends the robot the full staff notice (name, words, phone
	// numbers). Set it only when the robot's group holds staff and nobody else.
	// Default false.
	WeComDetails bool `yaml:"wecom_details"`
	// Webhook is a generic HTTPS endpoint (e.g. an SMS gateway); when set,
	// every alert is also POSTed there as JSON with the emergency's fields.
	Webhook string `yaml:"webhook"`
	// Timeout bounds one HTTP attempt of the second channel. Default 5s; 1s to 1m.
	Timeout Duration `yaml:"timeout"`
	// Retries is how many more times a failed HTTP post is tried. Default 3; 0 to 10.
	Retries *int `yaml:"retries"`
}

// Show fields of aid notices.
const (
	ShowPhone  = "phone"
	ShowFamily = "family"
)

// Shows reports whether aid notices carry field.
func (a Aid) Shows(field string) bool {
	for _, f := range a.Show {
		if f == field {
			return true
		}
	}
	return false
}

// RetryCount is the number of retries after a failed post.
func (u Urgent) RetryCount() int {
	if u.Retries == nil {
		return 3
	}
	return *u.Retries
}

func (c *Config) aidDefaults() {
	if c.Aid.ClaimWithin == 0 {
		c.Aid.ClaimWithin = Duration(2 * time.Hour)
	}
	if c.Aid.DoneWithin == 0 {
		c.Aid.DoneWithin = Duration(24 * time.Hour)
	}
	if c.Aid.Show == nil {
		c.Aid.Show = []string{ShowPhone}
	}
	if c.Urgent.RepeatEvery == 0 {
		c.Urgent.RepeatEvery = Duration(5 * time.Minute)
	}
	if c.Urgent.ConfirmWithin == 0 {
		c.Urgent.ConfirmWithin = Duration(10 * time.Minute)
	}
	if c.Urgent.WidenAfter == 0 {
		c.Urgent.WidenAfter = Duration(15 * time.Minute)
	}
	if c.Urgent.Timeout == 0 {
		c.Urgent.Timeout = Duration(5 * time.Second)
	}
}

func (c *Config) validateAid(l *errList) {
	between := func(d Duration, lo, hi time.Duration, example string, path ...any) {
		if d.D() < lo || d.D() > hi {
			l.addf(path, "%s is out of range; give %s to %s, e.g. %s", short(d.D()), short(lo), short(hi), example)
		}
	}
	between(c.Aid.ClaimWithin, 10*time.Minute, 7*24*time.Hour, "2h", "aid", "claim_within")
	between(c.Aid.DoneWithin, time.Hour, 30*24*time.Hour, "24h", "aid", "done_within")
	seen := map[string]bool{}
	for i, v := range c.Aid.Volunteers {
		st, ok := c.staffByNameOrRemark(v)
		switch {
		case !ok:
			l.addf([]any{"aid", "volunteers", i}, "%q is not in staff; give the name or remark of a staff member (volunteers must be staff so that the bot takes their /claim)", v)
		case seen[st.Name]:
			l.addf([]any{"aid", "volunteers", i}, "%q is listed twice", v)
		}
		seen[st.Name] = true
	}
	for i, f := range c.Aid.Show {
		if f != ShowPhone && f != ShowFamily {
			l.addf([]any{"aid", "show", i}, "%q is not a field notices can show; use phone or family", f)
		}
	}
	between(c.Urgent.RepeatEvery, time.Minute, time.Hour, "5m", "urgent", "repeat_every")
	between(c.Urgent.WidenAfter, time.Minute, 24*time.Hour, "15m", "urgent", "widen_after")
	between(c.Urgent.ConfirmWithin, time.Minute, 2*time.Hour, "10m", "urgent", "confirm_within")
	between(c.Urgent.Timeout, time.Second, time.Minute, "5s", "urgent", "timeout")
	if n := c.Urgent.RetryCount(); n < 0 || n > 10 {
		l.addf([]any{"urgent", "retries"}, "%d is out of range; give 0 to 10 (default 3)", n)
	}
	for _, w := range []struct{ key, val string }{{"wecom_webhook", c.Urgent.WeComWebhook}, {"webhook", c.Urgent.Webhook}} {
		if w.val == "" {
			continue
		}
		if msg := checkWebhookURL(w.val); msg != "" {
			l.addf([]any{"urgent", w.key}, "%q %s", w.val, msg)
		}
	}
}

// checkWebhookURL says what is wrong with a webhook URL, or "".
func checkWebhookURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return "is not a URL; give the full https:// address"
	}
	if u.Scheme == "http" && !loopback(u.Hostname()) {
		return "is not https; alerts carry health details and must go over https:// (http:// only to localhost)"
	}
	return ""
}

func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// short renders a duration without zero units: 2h, 10m, 1h30m.
func short(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// staffByNameOrRemark finds a staff member by name, then by remark.
func (c *Config) staffByNameOrRemark(v string) (Staff, bool) {
	if st, ok := c.StaffByName(v); ok {
		return st, true
	}
	return c.StaffByRemark(v)
}

// Volunteers returns the staff members told of every new aid request.
func (c *Config) Volunteers() []Staff {
	var out []Staff
	for _, v := range c.Aid.Volunteers {
		if st, ok := c.staffByNameOrRemark(v); ok {
			out = append(out, st)
		}
	}
	return out
}
