// Package examples holds the example office that `pingan demo` runs on when
// no config is given, embedded in the binary.
package examples

import "embed"

// Office is the example office: pingan.yaml and roster.csv.
//
//go:embed office/pingan.yaml office/roster.csv
var Office embed.FS
