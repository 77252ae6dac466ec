// Package examples holds the example office that `pingan demo` runs on when
// no config is given, embedded in the binary.
package examples

import "embed"

// Office is the example office: office/pingan.yaml, office/roster.csv and
// the bulletin files in bulletins/.
//
//go:embed office/pingan.yaml office/roster.csv bulletins
var Office embed.FS
