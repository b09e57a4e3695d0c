package server

import (
	"bufio"
	"bytes"
	"io"

	"standmap/model"
)

// sanitizer passes a command's output line by line through
// model.Sanitize, so text typed by one person cannot drive another's
// terminal; line ends are kept. It buffers: call Flush at the end.
type sanitizer struct {
	w    *bufio.Writer
	line []byte
}

func newSanitizer(w io.Writer) *sanitizer {
	return &sanitizer{w: bufio.NewWriterSize(w, 32<<10)}
}

// Write sanitizes every complete line of p and keeps the rest.
func (s *sanitizer) Write(p []byte) (int, error) {
	n := len(p)
	for {
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			s.line = append(s.line, p...)
			return n, nil
		}
		s.line = append(s.line, p[:i]...)
		p = p[i+1:]
		if err := s.emit("\n"); err != nil {
			return 0, err
		}
	}
}

// emit writes the pending line, sanitized, followed by end.
func (s *sanitizer) emit(end string) error {
	line := s.line
	if end != "" && len(line) > 0 && line[len(line)-1] == '\r' {
		line, end = line[:len(line)-1], "\r\n"
	}
	s.line = s.line[:0]
	if _, err := s.w.WriteString(model.Sanitize(string(line))); err != nil {
		return err
	}
	_, err := s.w.WriteString(end)
	return err
}

// Flush writes the last, unfinished line and everything buffered.
func (s *sanitizer) Flush() error {
	if len(s.line) > 0 {
		if err := s.emit(""); err != nil {
			return err
		}
	}
	return s.w.Flush()
}
