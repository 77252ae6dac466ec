package config

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"gopkg.in/yaml.v3"

	"pingan/handlers/parse"
	"pingan/store"
)

// RosterColumns are the CSV roster's columns, in any order, header required.
var RosterColumns = []string{"id", "name", "aliases", "branch", "birth_year", "lives_alone", "serious_illness", "liaison", "phone", "family",
	"contact_every", "prefer", "notes", "helper"}

// rosterRow is one elder as the roster file writes it.
type rosterRow struct {
	ID             string   `yaml:"id"`
	Name           string   `yaml:"name"`
	Aliases        []string `yaml:"aliases"`
	Branch         string   `yaml:"branch"`
	BirthYear      int      `yaml:"birth_year"`
	LivesAlone     bool     `yaml:"lives_alone"`
	SeriousIllness bool     `yaml:"serious_illness"`
	Liaison        string   `yaml:"liaison"`
	Phone          string   `yaml:"phone"`
	Family         []string `yaml:"family"`
	// The elder's own plan (一人一策); empty keeps the tier's.
	ContactEvery string `yaml:"contact_every"`
	Prefer       string `yaml:"prefer"`
	Notes        string `yaml:"notes"`
	Helper       string `yaml:"helper"`
	line         int
}

// ParseRoster reads a roster (CSV; Excel when the file name ends in .xlsx;
// YAML when it ends in .yaml or .yml), checks it against the config and works out each elder's tier.
func ParseRoster(b []byte, file string, c *Config) ([]store.Elder, error) {
	var rows []rosterRow
	var err error
	switch strings.ToLower(filepath.Ext(file)) {
	case ".yaml", ".yml":
		rows, err = rosterYAML(b, file)
	case ".csv", ".txt", "":
		rows, err = rosterCSV(b, file)
	case ".xlsx":
		rows, err = rosterXLSX(b, file)
	default:
		return nil, &Error{File: file, Msg: "unknown roster format; use an Excel .xlsx file, CSV (UTF-8 or GBK) or YAML"}
	}
	if err != nil {
		return nil, err
	}
	return c.checkRoster(rows, file)
}

func rosterYAML(b []byte, file string) ([]rosterRow, error) {
	var doc struct {
		Elders []yaml.Node `yaml:"elders"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil && err != io.EOF {
		return nil, yamlErrors(file, err, nil)
	}
	rows := make([]rosterRow, 0, len(doc.Elders))
	var es Errors
	for _, n := range doc.Elders {
		var r rosterRow
		if err := decodeStrict(&n, &r); err != nil {
			es = append(es, &Error{File: file, Line: n.Line, Msg: err.Error()})
			continue
		}
		r.line = n.Line
		rows = append(rows, r)
	}
	if len(es) > 0 {
		return nil, es
	}
	return rows, nil
}

// decodeStrict decodes a node rejecting unknown keys.
func decodeStrict(n *yaml.Node, v any) error {
	b, err := yaml.Marshal(n)
	if err != nil {
		return err
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		msg := err.Error()
		msg = strings.TrimPrefix(msg, "yaml: unmarshal errors:\n  ")
		msg = strings.ReplaceAll(msg, "in type config.rosterRow", "; valid keys are "+strings.Join(RosterColumns, ", "))
		if i := strings.Index(msg, ": "); strings.HasPrefix(msg, "line ") && i > 0 {
			msg = msg[i+2:]
		}
		return errors.New(msg)
	}
	return nil
}

func rosterCSV(b []byte, file string) ([]rosterRow, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(b) { // Excel in Chinese Windows saves CSV as GBK
		d, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
		if err != nil {
			return nil, &Error{File: file, Msg: "neither UTF-8 nor GBK text; save the spreadsheet as CSV UTF-8"}
		}
		b = d
	}
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	var recs []record
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			line := 0
			if errors.As(err, &pe) {
				line = pe.StartLine
				err = pe.Err
			}
			return nil, &Error{File: file, Line: line, Msg: "not valid CSV (" + err.Error() + "); a field holding a quote \" must be quoted and the quote doubled, or save the sheet from Excel/WPS as CSV again"}
		}
		line, _ := r.FieldPos(0)
		recs = append(recs, record{line, rec})
	}
	return rosterRecords(recs, file)
}

// rosterXLSX reads the first sheet of an Excel workbook; rows are lines.
func rosterXLSX(b []byte, file string) ([]rosterRow, error) {
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		return nil, &Error{File: file, Msg: "not a readable .xlsx workbook: " + err.Error()}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, &Error{File: file, Msg: "the workbook has no sheet"}
	}
	rows, err := f.GetRows(sheets[0])
	if err != nil {
		return nil, &Error{File: file, Msg: fmt.Sprintf("sheet %q: %v", sheets[0], err)}
	}
	recs := make([]record, len(rows))
	for i, r := range rows {
		recs[i] = record{i + 1, r}
	}
	return rosterRecords(recs, file)
}

// record is one spreadsheet row and its line (row number).
type record struct {
	line   int
	fields []string
}

// rosterRecords reads rows of cells whose first row names the columns.
func rosterRecords(recs []record, file string) ([]rosterRow, error) {
	if len(recs) == 0 {
		return nil, &Error{File: file, Line: 1, Msg: "no header line; the first line must name the columns " + strings.Join(RosterColumns, ",")}
	}
	col := map[string]int{}
	var es Errors
	for i, h := range recs[0].fields {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if h == "" {
			continue
		}
		if !contains(RosterColumns, h) {
			es = append(es, &Error{File: file, Line: recs[0].line, Field: h, Msg: "unknown column; valid columns are " + strings.Join(RosterColumns, ", ")})
			continue
		}
		col[h] = i
	}
	for _, need := range []string{"id", "name", "liaison"} {
		if _, ok := col[need]; !ok {
			es = append(es, &Error{File: file, Line: recs[0].line, Field: need, Msg: "column missing; the roster needs at least id, name and liaison"})
		}
	}
	if len(es) > 0 {
		return nil, es
	}
	var rows []rosterRow
	for _, rc := range recs[1:] {
		rec, line := rc.fields, rc.line
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if strings.TrimSpace(strings.Join(rec, "")) == "" {
			continue // blank line
		}
		row := rosterRow{ID: get("id"), Name: get("name"), Branch: get("branch"), Liaison: get("liaison"),
			Phone: get("phone"), Aliases: splitList(get("aliases")), Family: splitList(get("family")),
			ContactEvery: get("contact_every"), Prefer: get("prefer"), Notes: get("notes"), Helper: get("helper"), line: line}
		if y := get("birth_year"); y != "" {
			n, err := strconv.Atoi(y)
			if err != nil || n < 1900 || n > 2100 {
				es = append(es, &Error{File: file, Line: line, Field: "birth_year", Msg: fmt.Sprintf("%q is not a year; write four digits, e.g. 1942", y)})
			}
			row.BirthYear = n
		}
		for _, f := range []struct {
			name string
			dst  *bool
		}{{"lives_alone", &row.LivesAlone}, {"serious_illness", &row.SeriousIllness}} {
			v, ok := parseBool(get(f.name))
			if !ok {
				es = append(es, &Error{File: file, Line: line, Field: f.name, Msg: fmt.Sprintf("%q is not yes or no; write 是/否, yes/no, true/false or 1/0", get(f.name))})
			}
			*f.dst = v
		}
		rows = append(rows, row)
	}
	if len(es) > 0 {
		return nil, es
	}
	return rows, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == '|' || r == '｜' }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func parseBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "0", "false", "no", "n", "否", "无", "不是":
		return false, true
	case "1", "true", "yes", "y", "是", "有":
		return true, true
	}
	return false, false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// checkRoster validates rows against the config and builds the elders.
func (c *Config) checkRoster(rows []rosterRow, file string) ([]store.Elder, error) {
	var es Errors
	ids := map[string]int{}
	now := time.Now()
	if c.Location != nil {
		now = now.In(c.Location)
	}
	elders := make([]store.Elder, 0, len(rows))
	names := map[string]rosterRow{}   // normalised name → the first elder of that name
	aliases := map[string]rosterRow{} // normalised alias → its elder
	for _, r := range rows {
		if n := parse.Normalize(r.Name); n != "" {
			if _, ok := names[n]; !ok {
				names[n] = r
			}
		}
	}
	for _, r := range rows {
		bad := func(field, format string, args ...any) {
			es = append(es, &Error{File: file, Line: r.line, Field: field, Msg: fmt.Sprintf(format, args...)})
		}
		// An alias names one elder: shared, it would identify nobody, or the wrong one.
		for _, a := range r.Aliases {
			n := parse.Normalize(a)
			if n == "" || n == parse.Normalize(r.Name) {
				continue
			}
			if other, ok := aliases[n]; ok && other.ID != r.ID {
				bad("aliases", "%q is also an alias of %s (line %d); an alias must name one elder — give each a different one", a, other.Name, other.line)
			} else if other, ok := names[n]; ok && other.ID != r.ID {
				bad("aliases", "%q is the name of %s (line %d); an alias must not be another elder's name", a, other.Name, other.line)
			}
			aliases[n] = r
		}
		if r.ID == "" {
			bad("id", "missing; every elder needs a unique id")
		} else if prev, dup := ids[r.ID]; dup {
			bad("id", "%q is also used on line %d; ids must be unique", r.ID, prev)
		}
		ids[r.ID] = r.line
		if r.Name == "" {
			bad("name", "missing; give the elder's name")
		}
		if s, ok := c.StaffByName(r.Liaison); !ok {
			bad("liaison", "%q is not in the config's staff; use one of %s", r.Liaison, strings.Join(c.staffNames(), ", "))
		} else if s.Role != RoleLiaison && s.Role != RoleAdmin {
			bad("liaison", "%q is not a liaison", r.Liaison)
		}
		e := store.Elder{ID: r.ID, Name: r.Name, Aliases: r.Aliases, Branch: r.Branch, BirthYear: r.BirthYear,
			LivesAlone: r.LivesAlone, SeriousIllness: r.SeriousIllness, Liaison: r.Liaison, Phone: r.Phone, Family: r.Family}
		plan, msgs := c.ParsePlan(r.ContactEvery, r.Prefer, r.Notes, r.Helper)
		for _, m := range msgs {
			bad(m.Field, "%s", m.Msg)
		}
		e.Plan = plan
		c.ApplyTier(&e, now)
		elders = append(elders, e)
	}
	if len(rows) == 0 {
		es = append(es, &Error{File: file, Msg: "no elders; the roster is empty"})
	}
	if len(es) > 0 {
		return nil, es
	}
	return elders, nil
}

func (c *Config) staffNames() []string {
	out := make([]string, len(c.Staff))
	for i, s := range c.Staff {
		out[i] = s.Name
	}
	return out
}

// ApplyTier sets e's tier from the config's rules, and its contact and
// escalation intervals from its plan, or else the tier.
func (c *Config) ApplyTier(e *store.Elder, now time.Time) {
	t := c.TierOf(*e, now)
	e.Tier = t.Name
	e.ContactEvery = t.ContactEvery.D()
	if e.Plan.Every > 0 {
		e.ContactEvery = e.Plan.Every
	}
	e.EscalateAfter = time.Duration(float64(e.ContactEvery) * c.EscalateAfter)
}

// PlanProblem is one field of a plan that is not valid, and why.
type PlanProblem struct{ Field, Msg string }

// Plan limits.
const (
	minPlanEvery = time.Hour
	maxPlanEvery = 30 * 24 * time.Hour
)

// ParsePlan reads a plan as the roster or /计划 writes it: contact_every
// (12h, 2d), prefer (电话/上门/家属), notes, helper (a staff name or
// remark). It returns what is valid and a problem for each field that is not.
func (c *Config) ParsePlan(every, prefer, notes, helper string) (store.Plan, []PlanProblem) {
	var p store.Plan
	var probs []PlanProblem
	if every = strings.TrimSpace(every); every != "" {
		d, err := ParseDays(every)
		switch {
		case err != nil:
			probs = append(probs, PlanProblem{Field: "contact_every", Msg: fmt.Sprintf("%q is not a duration; write it like 12h, 24h or 3d", every)})
		case d < minPlanEvery || d > maxPlanEvery:
			probs = append(probs, PlanProblem{Field: "contact_every", Msg: fmt.Sprintf("%q is out of range; give 1h to 30d", every)})
		default:
			p.Every = d
		}
	}
	switch prefer = strings.TrimSpace(prefer); prefer {
	case "", store.PreferPhone, store.PreferVisit, store.PreferFamily:
		p.Prefer = prefer
	default:
		probs = append(probs, PlanProblem{Field: "prefer", Msg: fmt.Sprintf("%q is not a way of contact; write 电话, 上门 or 家属", prefer)})
	}
	p.Notes = strings.TrimSpace(notes)
	if helper = strings.TrimSpace(helper); helper != "" {
		st, ok := c.StaffByName(helper)
		if !ok {
			st, ok = c.StaffByRemark(helper)
		}
		if !ok {
			probs = append(probs, PlanProblem{Field: "helper", Msg: fmt.Sprintf("%q is not in the config's staff; a helper must be staff (a volunteer) so that the bot takes their /认领; use one of %s", helper, strings.Join(c.staffNames(), ", "))})
		} else {
			p.Helper = st.Name
		}
	}
	return p, probs
}
