package main

import (
	"fmt"
	"io"

	"pingan/handlers/parse"
)

// cmdParse runs the reply-parser contract of shared/corpus/README.md.
func cmdParse(stdin io.Reader, stdout, stderr io.Writer) int {
	if err := parse.RunContract(stdin, stdout); err != nil {
		fmt.Fprintln(stderr, "pingan parse:", err)
		return 1
	}
	return 0
}
