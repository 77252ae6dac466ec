package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"pingan/store"
)

// bulletinKeys are the keys of a bulletin file's header, in the order docs list them.
var bulletinKeys = []string{"id", "title", "source", "publish_at", "schedule", "groups", "image"}

type bulletinHeader struct {
	ID        string    `yaml:"id"`
	Title     string    `yaml:"title"`
	Source    string    `yaml:"source"`
	PublishAt string    `yaml:"publish_at"`
	Schedule  string    `yaml:"schedule"`
	Groups    yaml.Node `yaml:"groups"`
	Image     string    `yaml:"image"`
}

var bulletinIDRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$`)

// publishLayouts are the ways a publish time may be written, in the office's zone.
var publishLayouts = []string{"2006-01-02 15:04", "2006-01-02 15:04:05", "2006-01-02T15:04", time.RFC3339}

// LoadBulletins reads every *.md file at the root of fsys — the office's
// bulletins.dir, shown in errors as shown — checks each against the
// config (sources, link domains, groups, times) and keeps them, by file
// name, in c.Bulletins.Files. Every problem in every file is reported,
// each with file, line and field. A directory that does not exist is an
// error at the config's bulletins.dir: a mistyped path must not silently
// mean "no bulletins".
func LoadBulletins(c *Config, fsys fs.FS, shown string) error {
	entries, err := fs.ReadDir(fsys, ".")
	if errors.Is(err, fs.ErrNotExist) {
		return &Error{File: c.File, Line: c.Bulletins.dirLine, Field: "bulletins.dir",
			Msg: fmt.Sprintf("the directory %q does not exist; create it, correct the path (relative to the config file) or remove bulletins.dir", shown)}
	}
	if err != nil {
		return &Error{File: c.File, Line: c.Bulletins.dirLine, Field: "bulletins.dir", Msg: fmt.Sprintf("cannot read the directory %q: %v", shown, err)}
	}
	var errs Errors
	var out []store.Bulletin
	byID := map[string]string{}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".md") && !strings.HasPrefix(e.Name(), ".") {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		file := path.Join(shown, name)
		if err != nil {
			errs = append(errs, &Error{File: file, Msg: fmt.Sprintf("cannot read: %v", err)})
			continue
		}
		bl, ferrs := c.parseBulletin(b, file, fsys, shown)
		if len(ferrs) == 0 {
			if prev, dup := byID[bl.ID]; dup {
				ferrs = append(ferrs, &Error{File: file, Line: 2, Field: "id", Msg: fmt.Sprintf("%q is used by %s too; every bulletin needs its own id", bl.ID, prev)})
			}
		}
		if len(ferrs) > 0 {
			errs = append(errs, ferrs...)
			continue
		}
		byID[bl.ID] = file
		out = append(out, bl)
	}
	c.Bulletins.Files = out
	if len(errs) > 0 {
		return &SkippedBulletins{Errors: errs}
	}
	return nil
}

// SkippedBulletins is the error of bulletin files that failed validation:
// the valid ones were loaded. `pingan check` fails on it; the running bot
// starts (or reloads) without the bad files and tells the admins why.
type SkippedBulletins struct {
	Errors Errors
}

func (s *SkippedBulletins) Error() string { return s.Errors.Error() }

// Unwrap returns the file errors.
func (s *SkippedBulletins) Unwrap() error { return s.Errors }

// ParseBulletin reads one bulletin file's bytes, named file in errors,
// against the config. Images are looked for in fsys, when not nil.
func (c *Config) ParseBulletin(b []byte, file string, fsys fs.FS, dir string) (store.Bulletin, error) {
	bl, errs := c.parseBulletin(b, file, fsys, dir)
	if len(errs) > 0 {
		return bl, errs
	}
	return bl, nil
}

func (c *Config) parseBulletin(b []byte, file string, fsys fs.FS, dir string) (store.Bulletin, Errors) {
	var errs Errors
	fail := func(line int, field, format string, args ...any) {
		errs = append(errs, &Error{File: file, Line: line, Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	text := strings.ReplaceAll(strings.TrimPrefix(string(b), "\ufeff"), "\r\n", "\n")
	head, body, ok := splitFrontMatter(text)
	if !ok {
		fail(1, "", "no header; a bulletin file starts with a line ---, then id, title, source, publish_at or schedule, and groups, then a line ---, then the text")
		return store.Bulletin{}, errs
	}
	var root yaml.Node
	if err := yaml.Unmarshal([]byte(head), &root); err != nil {
		fail(1, "", "header is not valid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		return store.Bulletin{}, errs
	}
	// Header lines count from the file's second line.
	at := func(p ...any) int { return lineOf(&root, p...) + 1 }
	m := &root
	if m.Kind == yaml.DocumentNode && len(m.Content) > 0 {
		m = m.Content[0]
	}
	if m.Kind != yaml.MappingNode {
		fail(2, "", "header must be key: value lines (%s)", strings.Join(bulletinKeys, ", "))
		return store.Bulletin{}, errs
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := m.Content[i]
		known := false
		for _, v := range bulletinKeys {
			known = known || v == k.Value
		}
		if !known {
			fail(k.Line+1, k.Value, "unknown key; valid keys here are %s", strings.Join(bulletinKeys, ", "))
		}
	}
	var h bulletinHeader
	if err := m.Decode(&h); err != nil {
		fail(2, "", "header: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		return store.Bulletin{}, errs
	}
	bl := store.Bulletin{ID: strings.TrimSpace(h.ID), Title: strings.TrimSpace(h.Title), Source: strings.TrimSpace(h.Source),
		Schedule: strings.TrimSpace(h.Schedule), File: file, State: store.BulletinApproved}
	switch {
	case bl.ID == "":
		fail(at("id"), "id", "missing; give the bulletin an id of letters, digits, - or _, e.g. heat-1124")
	case !bulletinIDRe.MatchString(bl.ID):
		fail(at("id"), "id", "%q is not a valid id; use 1–40 letters, digits, - or _, e.g. heat-1124", bl.ID)
	case strings.Trim(bl.ID, "0123456789") == "":
		fail(at("id"), "id", "%q is only digits, which are kept for bulletins added in chat; add a letter, e.g. n%s", bl.ID, bl.ID)
	}
	if bl.Title == "" {
		fail(at("title"), "title", "missing; give the notice's title")
	}
	switch {
	case bl.Source == "":
		fail(at("source"), "source", "missing; give the official source, one of %s", strings.Join(c.Bulletins.AllowedSources, ", "))
	case !c.Bulletins.SourceAllowed(bl.Source):
		fail(at("source"), "source", "%q is not an allowed source; bulletins.allowed_sources allows %s", bl.Source, strings.Join(c.Bulletins.AllowedSources, ", "))
	}
	pub := strings.TrimSpace(h.PublishAt)
	switch {
	case pub != "" && bl.Schedule != "":
		fail(at("schedule"), "schedule", "give publish_at for a one-off bulletin or schedule for a recurring one, not both")
	case pub == "" && bl.Schedule == "":
		fail(at(), "publish_at", "missing; give publish_at (e.g. 2026-11-24 10:00) or schedule (a cron expression, e.g. \"0 10 * * 1\")")
	case pub != "":
		t, ok := parsePublishAt(pub, c.Location)
		if !ok {
			fail(at("publish_at"), "publish_at", "%q is not a time; write it like 2026-11-24 10:00 (in %s)", pub, c.Timezone)
		}
		bl.PublishAt = t
	default:
		if _, err := ParseCron(bl.Schedule); err != nil {
			fail(at("schedule"), "schedule", "%q is not a valid cron expression (%v); %s", bl.Schedule, err, cronHelp)
		}
	}
	bl.Groups = c.bulletinGroups(&h.Groups, func(line int, field, msg string) { fail(line+1, field, "%s", msg) }, at("groups"))
	if img := strings.TrimSpace(h.Image); img != "" {
		if fsys != nil {
			if _, err := fs.Stat(fsys, img); err != nil {
				fail(at("image"), "image", "cannot read %q next to the bulletin file", img)
			}
		}
		bl.Image = path.Join(dir, img)
	}
	bodyStart := 3 // after the two --- lines and the header's lines
	if head != "" {
		bodyStart += strings.Count(head, "\n") + 1
	}
	bl.Body = PlainText(body)
	if bl.Body == "" {
		fail(bodyStart, "body", "empty; write the notice's text after the header's closing ---")
	}
	for i, line := range strings.Split(body, "\n") {
		for _, l := range Links(line) {
			if !c.Bulletins.DomainAllowed(l) {
				fail(bodyStart+i, "body", "link %q is outside the allowed domains; bulletins.allowed_domains allows %s", l, listOrNone(c.Bulletins.AllowedDomains))
			}
		}
	}
	return bl, errs
}

// bulletinGroups reads groups: all, or a list of group names from the config.
func (c *Config) bulletinGroups(n *yaml.Node, fail func(line int, field, msg string), line int) []string {
	all := func(v string) bool { return v == "all" || v == "全部" }
	switch {
	case n.Kind == 0:
		fail(line-1, "groups", "missing; list group names, or write all")
		return nil
	case n.Kind == yaml.ScalarNode && all(strings.TrimSpace(n.Value)):
		return c.GroupNames()
	case n.Kind == yaml.ScalarNode:
		n = &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{n}}
	case n.Kind != yaml.SequenceNode:
		fail(n.Line, "groups", "list group names, or write all")
		return nil
	}
	var out []string
	for i, g := range n.Content {
		name := strings.TrimSpace(g.Value)
		if all(name) {
			return c.GroupNames()
		}
		found := false
		for _, cg := range c.Groups {
			found = found || cg.Name == name
		}
		if !found {
			fail(g.Line, fmt.Sprintf("groups[%d]", i), fmt.Sprintf("%q is not a group in the config; groups are %s, or write all", name, strings.Join(c.GroupNames(), ", ")))
			continue
		}
		out = append(out, name)
	}
	return out
}

// ParsePublishAt reads a publish time in loc.
func parsePublishAt(s string, loc *time.Location) (time.Time, bool) {
	for _, l := range publishLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// splitFrontMatter cuts "---\nheader\n---\nbody".
func splitFrontMatter(text string) (head, body string, ok bool) {
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		return "", "", false
	}
	if h, ok := strings.CutPrefix(rest, "---\n"); ok {
		return "", h, true
	}
	i := strings.Index(rest, "\n---\n")
	if i < 0 {
		if strings.HasSuffix(rest, "\n---") {
			return rest[:len(rest)-4], "", true
		}
		return "", "", false
	}
	return rest[:i], rest[i+5:], true
}

var (
	mdLinkRe   = regexp.MustCompile(`\[([^\]]*)\]\(([^)\s]+)\)`)
	mdStrongRe = regexp.MustCompile(`\*\*([^*]+)\*\*|__([^_]+)__`)
	mdHeadRe   = regexp.MustCompile(`(?m)^#{1,6}\s+`)
)

// PlainText turns a bulletin's Markdown into the plain text WeChat shows:
// [text](url) becomes "text url", headings and bold lose their marks,
// and runs of blank lines shrink to one.
func PlainText(md string) string {
	s := mdLinkRe.ReplaceAllStringFunc(md, func(m string) string {
		g := mdLinkRe.FindStringSubmatch(m)
		if strings.TrimSpace(g[1]) == "" || g[1] == g[2] {
			return g[2]
		}
		return g[1] + " " + g[2]
	})
	s = mdStrongRe.ReplaceAllString(s, "$1$2")
	s = mdHeadRe.ReplaceAllString(s, "")
	var b bytes.Buffer
	blank := 0
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		line = strings.TrimRight(line, " \t")
		if line == "" {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		b.WriteString(line + "\n")
	}
	return strings.TrimSpace(b.String())
}

func listOrNone(list []string) string {
	if len(list) == 0 {
		return "none"
	}
	return strings.Join(list, ", ")
}
