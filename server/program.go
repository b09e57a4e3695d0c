package server

import (
	"strings"
	"sync"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2/bubbletea"
	"github.com/charmbracelet/x/ansi"
)

// programEnd decides when a session's program quits: only once it has
// handled every key its client sent (inputEndMsg), and then when the
// client has gone, the user quit, or the server asked it to. Until then
// a quit, whoever asks for it, ends the input instead: the keys read so
// far are handled first, none after. A client that only closes its
// input (ssh -n) keeps its board.
type programEnd struct {
	in     *sessionInput
	viewer bool // its keys can change nothing: dropped once the client went

	mu       sync.Mutex
	ended    bool // inputEndMsg handled
	gone     bool // the client closed its connection or session
	quitting bool // the user or the server asked to quit
	userQuit bool // the model asked: keys after it are not for it
}

// filter is the program's message filter: it holds quits until the
// input has ended (above), drops input events after the user quit,
// clamps every window size (clampSize: a terminal's answer to a size
// query is input too), and resumes at once from a
// suspend (an SSH session cannot be suspended), as wish's
// bubbletea.MakeOptions does.
func (e *programEnd) filter(_ tea.Model, msg tea.Msg) tea.Msg {
	switch msg := msg.(type) {
	case inputEndMsg:
		e.mu.Lock()
		defer e.mu.Unlock()
		e.ended = true
		if e.gone || e.quitting || e.in.refused.Load() {
			return tea.QuitMsg{}
		}
		return nil
	case tea.QuitMsg, tea.InterruptMsg:
		e.mu.Lock()
		defer e.mu.Unlock()
		if e.ended {
			return tea.QuitMsg{}
		}
		e.quitting, e.userQuit = true, true
		e.in.end()
		return nil
	case tea.KeyMsg, tea.MouseMsg, tea.PasteMsg, tea.PasteStartMsg, tea.PasteEndMsg:
		e.mu.Lock()
		defer e.mu.Unlock()
		if e.userQuit {
			return nil
		}
	case tea.WindowSizeMsg:
		return clampSize(msg)
	case tea.SuspendMsg:
		return tea.ResumeMsg{}
	}
	return msg
}

// quit asks the program to quit once it has handled the keys read so
// far (the server's quit, at shutdown); gone is the same when the client
// has gone.
func (e *programEnd) quit(p *tea.Program, gone bool) {
	e.mu.Lock()
	if gone {
		e.gone = true // its input ends with the session: nothing to cut
	} else {
		e.quitting = true
	}
	ended := e.ended
	e.mu.Unlock()
	if gone {
		e.in.clientGone(e.viewer)
	} else {
		e.in.end()
	}
	if ended {
		go p.Quit() // Send blocks while the program is busy
	}
}

// The largest window a session is drawn for. The screen buffers, and the
// frames written, grow with the cells of the window (about 500 bytes of
// heap a cell for the application), and a client chooses its window:
// 8000×4000 asked for gigabytes. No projector needs more: a 4K one in an
// 8-pixel font is 480×135 cells. A larger terminal shows the board at
// this size in its top-left corner.
const (
	// MaxWidth is the widest window drawn, in cells.
	MaxWidth = 500
	// MaxHeight is the tallest window drawn, in cells.
	MaxHeight = 200
)

// clampSize bounds a window size to MaxWidth×MaxHeight (and to 0 below).
func clampSize(w tea.WindowSizeMsg) tea.WindowSizeMsg {
	return tea.WindowSizeMsg{Width: min(max(w.Width, 0), MaxWidth), Height: min(max(w.Height, 0), MaxHeight)}
}

// clientGone reports whether the client went before the program ended.
func (e *programEnd) clientGone() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.gone
}

// runProgram runs p, built with programOptions, until it ends: the user
// quits, the server quits it (quit), or the client goes. The client has
// gone when its connection ends or when it closes the session (which
// closes the window changes' channel); its window's changes
// (filterRequests keeps them, the newest replacing one not yet taken)
// reach the program as tea.WindowSizeMsg, clamped.
// When runProgram returns, every goroutine it started has ended or ends
// with the session.
func runProgram(sess ssh.Session, p *tea.Program, e *programEnd, quit <-chan struct{}) {
	pty, windows, _ := sess.Pty() // only the PTY request's window, then closed
	changes := windowChanges(sess)
	done := make(chan struct{})
	defer close(done)
	go readInput(e.in, pty.Term, p)
	sizes := make(chan tea.WindowSizeMsg, 1)
	go func() {
		for {
			select {
			case <-done:
				return
			case w := <-sizes:
				p.Send(w)
			}
		}
	}()
	go func() {
		gone := sess.Context().Done() // the connection ended
		for {
			select {
			case <-done:
				return
			case <-quit:
				e.quit(p, false)
				quit = nil
			case <-gone:
				e.quit(p, true)
				gone = nil
			case _, ok := <-windows: // the first window is the program's already (programOptions)
				if !ok { // closed with the session's requests: the session ended
					e.quit(p, true)
					windows = nil
				}
			case <-changes.ready:
				w, ok := changes.take()
				if !ok {
					continue
				}
				select {
				case <-sizes:
				default:
				}
				sizes <- clampSize(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
			}
		}
	}()
	_, _ = p.Run()
	p.Kill()
	e.in.end()
}

// programOptions are wish's options for the session (its terminal,
// environment and colour profile) with the window clamped, and without
// Bubble Tea's own input reader: the server reads the input (readInput)
// and programEnd filters the messages. The server allocates no real PTY
// (no ssh.AllocatePty), so wish's options write to the session itself.
func programOptions(sess ssh.Session, e *programEnd) []tea.ProgramOption {
	pty, _, _ := sess.Pty()
	size := clampSize(tea.WindowSizeMsg{Width: pty.Window.Width, Height: pty.Window.Height})
	return append(bubbletea.MakeOptions(sess),
		tea.WithWindowSize(size.Width, size.Height),
		tea.WithInput(nil), tea.WithFilter(e.filter), tea.WithoutSignalHandler())
}

// startupQueries are the terminal queries Bubble Tea makes when it reads
// the input itself and skips when it does not: the background colour
// (the application's theme) and, where the terminal is likely to answer,
// synchronized output and Unicode widths. The answers reach the program
// through the server's reader like keys.
func startupQueries(env []string) string {
	q := ansi.RequestBackgroundColor
	for _, kv := range env {
		if strings.HasPrefix(kv, "TERM_PROGRAM=") && strings.Contains(kv, "Apple") {
			return q // Apple's Terminal answers neither
		}
	}
	return q + ansi.RequestModeSynchronizedOutput + ansi.RequestModeUnicodeCore
}
