package config

import (
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Error is one problem in a config or roster file, located by file, line
// and field, with what would be valid.
type Error struct {
	File  string
	Line  int
	Field string
	Msg   string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":" + strconv.Itoa(e.Line))
	}
	b.WriteString(": ")
	if e.Field != "" {
		b.WriteString(e.Field + ": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem found in one load, in file order.
type Errors []*Error

func (es Errors) Error() string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "\n")
}

// errList collects errors with positions looked up in a YAML document.
type errList struct {
	file string
	root *yaml.Node
	errs Errors
}

// add records a problem at the YAML path (keys and list indexes, e.g.
// "staff", 2, "role"); the field name shown is the dotted path.
func (l *errList) add(msg string, path ...any) {
	l.errs = append(l.errs, &Error{File: l.file, Line: lineOf(l.root, path...), Field: fieldName(path), Msg: msg})
}

func (l *errList) addf(path []any, format string, args ...any) {
	l.add(fmt.Sprintf(format, args...), path...)
}

func (l *errList) err() error {
	if len(l.errs) == 0 {
		return nil
	}
	return l.errs
}

func fieldName(path []any) string {
	var b strings.Builder
	for _, p := range path {
		switch v := p.(type) {
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(v)
		case int:
			fmt.Fprintf(&b, "[%d]", v)
		}
	}
	return b.String()
}

// lineOf finds the line of the deepest node along path that exists.
func lineOf(n *yaml.Node, path ...any) int {
	if n == nil {
		return 0
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	line := n.Line
	for _, p := range path {
		var next *yaml.Node
		switch v := p.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == v {
						line = n.Content[i].Line
						next = n.Content[i+1]
						break
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && v < len(n.Content) {
				next = n.Content[v]
				line = next.Line
			}
		}
		if next == nil {
			return line
		}
		n = next
	}
	return line
}

// fieldAtLine names the field whose scalar value sits on line ("" when
// none), for errors a value's own decoder reports by line only.
func fieldAtLine(root *yaml.Node, line int) string {
	if root == nil {
		return ""
	}
	var walk func(n *yaml.Node, path []any) []any
	walk = func(n *yaml.Node, path []any) []any {
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				if p := walk(c, path); p != nil {
					return p
				}
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				p := append(append([]any(nil), path...), k.Value)
				if v.Kind == yaml.ScalarNode && v.Line == line {
					return p
				}
				if r := walk(v, p); r != nil {
					return r
				}
				if v.Line == line { // a list or block that is wrong as a whole
					return p
				}
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				if r := walk(c, append(append([]any(nil), path...), i)); r != nil {
					return r
				}
			}
		}
		return nil
	}
	return fieldName(walk(root, nil))
}
