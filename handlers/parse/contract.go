package parse

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
)

// RunContract implements `pingan parse`: it reads messages from r, one a line (the
// two characters `\n` inside a line stand for a line break), and writes to w, for
// each, the Reply as one line of ContractJSON. Lines of any length are read; only the
// first part of a very long one is parsed.
func RunContract(r io.Reader, w io.Writer) error {
	in := bufio.NewReaderSize(r, 64<<10)
	out := bufio.NewWriterSize(w, 64<<10)
	var long []byte
	for {
		line, err := in.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			long = append(long, line...)
			continue
		}
		if long != nil {
			line = append(long, line...)
			long = nil
		}
		if len(line) > 0 {
			line = bytes.TrimRight(line, "\r\n")
			if bytes.Contains(line, []byte(`\n`)) {
				line = bytes.ReplaceAll(line, []byte(`\n`), []byte("\n"))
			}
			if _, werr := out.Write(Parse(string(line)).ContractJSON()); werr != nil {
				return fmt.Errorf("parse: write: %w", werr)
			}
			if werr := out.WriteByte('\n'); werr != nil {
				return fmt.Errorf("parse: write: %w", werr)
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return fmt.Errorf("parse: read: %w", err)
		}
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("parse: write: %w", err)
	}
	return nil
}
