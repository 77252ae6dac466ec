package config

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"pingan/store"
)

// Bulletins configures official notices (通知) pushed to the groups; see
// docs/bulletins.md.
type Bulletins struct {
	// Dir is the directory of bulletin files (Markdown with a YAML header),
	// relative to the config file; empty for none. A Dir that does not
	// exist is an error.
	Dir string `yaml:"dir"`
	// dirLine is the config line of dir, for LoadBulletins' errors.
	dirLine int
	// AllowedSources are the official sources a bulletin may name, e.g.
	// 上海发布, 国家税务总局; a bulletin from any other is refused.
	AllowedSources []string `yaml:"allowed_sources"`
	// AllowedDomains are the domains a bulletin's links may point to (a
	// domain allows its subdomains), e.g. gov.cn, chinatax.gov.cn.
	AllowedDomains []string `yaml:"allowed_domains"`
	// Approval makes a bulletin added in chat wait for a second admin's /approve.
	Approval bool `yaml:"approval"`
	// Schedule is when the bulletins job looks for due bulletins; default every minute.
	Schedule string `yaml:"schedule"`
	// Grace is how late a one-off bulletin may still go out, e.g. after a
	// restart; older ones are skipped and shown as missed. Default 1h.
	Grace Duration `yaml:"grace"`
	// RumourHint, when true, answers a link from outside the allowed
	// domains in a group with a pointer to the official sources, at most
	// once a day per group, never naming anyone.
	RumourHint bool `yaml:"rumour_hint"`

	// Files are the bulletins read from Dir by LoadBulletins.
	Files []store.Bulletin `yaml:"-"`
}

// Enabled reports whether the office takes bulletins at all.
func (b Bulletins) Enabled() bool { return len(b.AllowedSources) > 0 }

// SourceAllowed reports whether src is one of the allowed sources.
func (b Bulletins) SourceAllowed(src string) bool {
	for _, s := range b.AllowedSources {
		if s == strings.TrimSpace(src) {
			return true
		}
	}
	return false
}

// linkRe finds links in a text: with a scheme, or starting www.
var linkRe = regexp.MustCompile(`(?i)(?:https?://|www\.)[^\s<>"'()（）\[\]【】「」，。；]+`)

// Links returns the links in a text.
func Links(text string) []string { return linkRe.FindAllString(text, -1) }

// DomainAllowed reports whether a link points into an allowed domain.
func (b Bulletins) DomainAllowed(link string) bool {
	if !strings.Contains(link, "://") {
		link = "http://" + link
	}
	u, err := url.Parse(link)
	if err != nil {
		return false
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	for _, d := range b.AllowedDomains {
		if host == d || strings.HasSuffix(host, "."+d) {
			return true
		}
	}
	return false
}

// CheckBulletin says, in Chinese for the admin, why a bulletin's source
// or links are not allowed; "" when they are.
func (b Bulletins) CheckBulletin(source, text string) string {
	if !b.SourceAllowed(source) {
		return fmt.Sprintf("来源「%s」不在允许的官方来源内（%s）。", source, strings.Join(b.AllowedSources, "、"))
	}
	for _, l := range Links(text) {
		if !b.DomainAllowed(l) {
			return fmt.Sprintf("链接 %s 不在允许的网站内（%s）。", l, orNone(b.AllowedDomains))
		}
	}
	return ""
}

func orNone(list []string) string {
	if len(list) == 0 {
		return "未配置任何网站"
	}
	return strings.Join(list, "、")
}

var domainRe = regexp.MustCompile(`^([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$`)

func (c *Config) bulletinDefaults() {
	if c.Bulletins.Grace == 0 {
		c.Bulletins.Grace = Duration(time.Hour)
	}
}

func (c *Config) validateBulletins(l *errList) {
	b := &c.Bulletins
	b.dirLine = lineOf(l.root, "bulletins", "dir")
	if b.Dir != "" && len(b.AllowedSources) == 0 {
		l.add("no allowed sources; list the official sources bulletins may come from, e.g. [上海发布, 国家税务总局]", "bulletins", "allowed_sources")
	}
	seen := map[string]bool{}
	for i, s := range b.AllowedSources {
		s = strings.TrimSpace(s)
		switch {
		case s == "":
			l.add("empty source; give the name of an official source, e.g. 上海发布", "bulletins", "allowed_sources", i)
		case seen[s]:
			l.addf([]any{"bulletins", "allowed_sources", i}, "%q is listed twice", s)
		}
		seen[s] = true
		b.AllowedSources[i] = s
	}
	for i, d := range b.AllowedDomains {
		d = strings.ToLower(strings.TrimSpace(d))
		if !domainRe.MatchString(d) {
			l.addf([]any{"bulletins", "allowed_domains", i}, "%q is not a domain; write the domain only, without https:// or a path, e.g. gov.cn", b.AllowedDomains[i])
		}
		b.AllowedDomains[i] = d
	}
	// bulletins.schedule is checked with the other jobs (jobs.go).
	if b.Approval && len(c.Admins()) < 2 {
		l.addf([]any{"bulletins", "approval"}, "needs at least two admins (a second admin approves what the first adds), but staff has %d; add an admin or set approval: false", len(c.Admins()))
	}
}
