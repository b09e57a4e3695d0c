package server

import (
	"fmt"
	"io"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2/bubbletea"
)

// inputGrace is how long a program may go on after its client went
// without its input having ended too.
const inputGrace = 2 * time.Second

// endOfInput is the key a session's input ends with, as a CSI u sequence
// of a private-use code point no terminal sends: read after every key
// the client sent, it tells the program that none will follow.
const endOfInput rune = 0x10FFFD

var endOfInputSeq = fmt.Sprintf("\x1b[%du", endOfInput)

// endedInput is a session's input that, where the client's input ends,
// reads endOfInputSeq, then io.EOF.
type endedInput struct {
	r     io.Reader
	ended bool
}

// Read reads the client's input, then endOfInputSeq once, then io.EOF.
func (in *endedInput) Read(p []byte) (int, error) {
	if in.ended {
		return 0, io.EOF
	}
	n, err := in.r.Read(p)
	if n > 0 || err == nil {
		return n, nil // an error comes again on the next read
	}
	in.ended = true
	return copy(p, endOfInputSeq), nil
}

// inputEnd quits the program once both its client has gone and it has
// read the client's input to the end (endOfInput), whichever comes last;
// a client that only closes its input (ssh -n) keeps its board.
type inputEnd struct {
	mu         sync.Mutex
	read, gone bool
}

// filter is the program's message filter: endOfInput quits when the
// client has gone, and a suspend resumes at once (an SSH session cannot
// be suspended), as wish's bubbletea.MakeOptions does.
func (e *inputEnd) filter(_ tea.Model, msg tea.Msg) tea.Msg {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if msg.Code == endOfInput {
			e.mu.Lock()
			defer e.mu.Unlock()
			e.read = true
			if e.gone {
				return tea.QuitMsg{}
			}
			return nil
		}
	case tea.SuspendMsg:
		return tea.ResumeMsg{}
	}
	return msg
}

// clientGone records that the client has gone and reports whether the
// input has been read to its end.
func (e *inputEnd) clientGone() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.gone = true
	return e.read
}

// runProgram runs p, built with programOptions(sess, end), until it ends: the user
// quits, Shutdown quits it (quit), or the client goes. A client that goes
// is not cut off at once, as wish's bubbletea middleware does when the
// connection ends: the program first reads the input to its end, so a
// ctrl+s sent just before the connection dropped still saves, and the
// input reader is not left blocked on keys nobody takes. The client has
// gone when its connection ends or when it closes the session (which
// closes the window changes' channel); its window's changes become
// tea.WindowSizeMsg.
func runProgram(sess ssh.Session, p *tea.Program, end *inputEnd, quit <-chan struct{}) {
	_, windows, _ := sess.Pty()
	done := make(chan struct{})
	defer close(done)
	go func() {
		var grace <-chan time.Time
		gone := sess.Context().Done() // the connection ended
		for {
			select {
			case <-done:
				return
			case <-quit:
				p.Quit()
				return
			case <-grace:
				p.Quit()
				return
			case <-gone:
			case w, ok := <-windows:
				if ok {
					p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
					continue
				}
				// closed with the session's requests: the session ended
			}
			gone, windows = nil, nil
			if end.clientGone() {
				p.Quit()
				return
			}
			if grace == nil {
				grace = time.After(inputGrace)
			}
		}
	}()
	_, _ = p.Run()
	p.Kill()
}

// programOptions are wish's options for the session (its terminal,
// environment and colour profile) with the input ending in endOfInput,
// which end's filter takes. The server allocates no real PTY (no
// ssh.AllocatePty), so wish reads the session itself and replacing its
// input with endedInput loses nothing; with a real PTY wish would read
// the PTY's slave, and this would have to wrap that instead.
func programOptions(sess ssh.Session, end *inputEnd) []tea.ProgramOption {
	return append(bubbletea.MakeOptions(sess), tea.WithInput(&endedInput{r: sess}), tea.WithFilter(end.filter), tea.WithoutSignalHandler())
}
