package config

import (
	"testing"
	"time"
)

func TestAidDefaults(t *testing.T) {
	c, err := load(t, goodConfig, goodRoster)
	if err != nil {
		t.Fatal(err)
	}
	if c.Aid.ClaimWithin.D() != 2*time.Hour || c.Aid.DoneWithin.D() != 24*time.Hour || !c.Aid.Shows(ShowPhone) || c.Aid.Shows(ShowFamily) {
		t.Errorf("aid defaults: %+v", c.Aid)
	}
	u := c.Urgent
	if u.RepeatEvery.D() != 5*time.Minute || u.WidenAfter.D() != 15*time.Minute || u.Timeout.D() != 5*time.Second || u.RetryCount() != 3 {
		t.Errorf("urgent defaults: %+v", u)
	}
	if u.WeComWebhook != "" || u.Webhook != "" {
		t.Errorf("no second channel by default: %+v", u)
	}
}

func TestAidConfig(t *testing.T) {
	cfg := goodConfig + `aid:
  claim_within: 90m
  volunteers: [联络员李娜]
  show: [phone, family]
urgent:
  repeat_every: 2m
  wecom_webhook: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc
  wecom_details: true
  webhook: http://127.0.0.1:8080/sms
  retries: 0
`
	c, err := load(t, cfg, goodRoster)
	if err != nil {
		t.Fatal(err)
	}
	if v := c.Volunteers(); len(v) != 1 || v[0].Name != "李娜" {
		t.Errorf("volunteers by remark: %+v", v)
	}
	if c.Aid.ClaimWithin.D() != 90*time.Minute || !c.Aid.Shows(ShowFamily) || c.Urgent.RetryCount() != 0 || c.Urgent.RepeatEvery.D() != 2*time.Minute ||
		!c.Urgent.WeComDetails {
		t.Errorf("aid %+v urgent %+v", c.Aid, c.Urgent)
	}
}

// TestAidConfigErrors checks the exact message of each bad aid or urgent value.
func TestAidConfigErrors(t *testing.T) {
	tests := []struct{ name, extra, want string }{
		{"claim too short", "aid:\n  claim_within: 5m\n",
			"pingan.yaml:21: aid.claim_within: 5m is out of range; give 10m to 168h, e.g. 2h"},
		{"done too long", "aid:\n  done_within: 1000h\n",
			"pingan.yaml:21: aid.done_within: 1000h is out of range; give 1h to 720h, e.g. 24h"},
		{"bad duration", "aid:\n  claim_within: two hours\n",
			"pingan.yaml:21: aid.claim_within: \"two hours\" is not a duration; write it like 90m, 24h or 1h30m"},
		{"unknown volunteer", "aid:\n  volunteers: [李娜, 小刘]\n",
			"pingan.yaml:21: aid.volunteers[1]: \"小刘\" is not in staff; give the name or remark of a staff member (volunteers must be staff so that the bot takes their /claim)"},
		{"volunteer twice", "aid:\n  volunteers:\n    - 李娜\n    - 联络员李娜\n",
			"pingan.yaml:23: aid.volunteers[1]: \"联络员李娜\" is listed twice"},
		{"bad show", "aid:\n  show: [address]\n",
			"pingan.yaml:21: aid.show[0]: \"address\" is not a field notices can show; use phone or family"},
		{"unknown aid key", "aid:\n  claim_in: 2h\n",
			"pingan.yaml:21: claim_in: unknown key; valid keys here are claim_within, done_within, volunteers, show"},
		{"repeat too fast", "urgent:\n  repeat_every: 30s\n",
			"pingan.yaml:21: urgent.repeat_every: 30s is out of range; give 1m to 1h, e.g. 5m"},
		{"widen too late", "urgent:\n  widen_after: 48h\n",
			"pingan.yaml:21: urgent.widen_after: 48h is out of range; give 1m to 24h, e.g. 15m"},
		{"http webhook", "urgent:\n  webhook: http://sms.example.com/send\n",
			"pingan.yaml:21: urgent.webhook: \"http://sms.example.com/send\" is not https; alerts carry health details and must go over https:// (http:// only to localhost)"},
		{"not a url", "urgent:\n  wecom_webhook: qyapi.weixin.qq.com/send\n",
			"pingan.yaml:21: urgent.wecom_webhook: \"qyapi.weixin.qq.com/send\" is not a URL; give the full https:// address"},
		{"retries", "urgent:\n  retries: 11\n",
			"pingan.yaml:21: urgent.retries: 11 is out of range; give 0 to 10 (default 3)"},
		{"timeout", "urgent:\n  timeout: 2m\n",
			"pingan.yaml:21: urgent.timeout: 2m is out of range; give 1s to 1m, e.g. 5s"},
		{"unknown urgent key", "urgent:\n  sms: x\n",
			"pingan.yaml:21: sms: unknown key; valid keys here are repeat_every, widen_after, confirm_within, wecom_webhook, wecom_details, webhook, timeout, retries"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := load(t, goodConfig+tc.extra, goodRoster)
			if err == nil {
				t.Fatal("no error")
			}
			if got := err.Error(); got != tc.want {
				t.Errorf("error\n got: %s\nwant: %s", got, tc.want)
			}
		})
	}
}
