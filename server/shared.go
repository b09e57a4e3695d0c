package server

import (
	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"

	"standmap/server/frames"
)

// A viewer's board is the same for every viewer with the same window,
// colours, language, theme, reveal state and view state, so viewers'
// sessions whose model is a frames.Screen share their frames: the
// program runs without a renderer of its own (nothing to lay out, parse
// or diff per viewer, no frame ticker), and after each message its model
// is shown on the session's frames.Terminal, which the server's room
// draws once per distinct screen and writes, the same bytes, to each.

// sharedScreen is a viewer's model run with the room's frames: it hands
// the terminal what the model shows after each message, and the window,
// colours and synchronized output its terminal reports.
type sharedScreen struct {
	m    tea.Model
	term *frames.Terminal
}

// Init is the model's.
func (s sharedScreen) Init() tea.Cmd { return s.m.Init() }

// Update updates the model, then shows it.
func (s sharedScreen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		s.term.Resize(msg.Width, msg.Height)
	case tea.ColorProfileMsg:
		s.term.SetProfile(msg.Profile)
	case tea.ModeReportMsg:
		if msg.Mode == ansi.ModeSynchronizedOutput && msg.Value == ansi.ModeReset {
			s.term.SetSynchronized(true) // supported, and off until each frame turns it on
		}
	}
	var cmd tea.Cmd
	s.m, cmd = s.m.Update(msg)
	if sc, ok := s.m.(frames.Screen); ok {
		s.term.Show(sc)
	}
	return s, cmd
}

// View is empty: the terminal draws the model's.
func (s sharedScreen) View() tea.View { return tea.View{} }

// sharedFPS is the frame rate of a shared screen's program: its renderer
// draws nothing, and its ticker only flushes queries the model makes,
// which viewers do not (the server asks the terminal's own questions).
const sharedFPS = 1

// shareable reports whether the session's program can run on shared
// frames: a viewer's board whose model says what its screen depends on.
func shareable(info Session, m tea.Model) bool {
	_, ok := m.(frames.Screen)
	return ok && info.Role == Viewer && !info.Present
}

// newSharedTerminal starts the session's screen in the room, at the
// window's size (clamped) and in the colours its environment says it
// takes, as Bubble Tea's options for the session do.
func (s *Server) newSharedTerminal(sess ssh.Session) *frames.Terminal {
	pty, _, _ := sess.Pty()
	env := append(sess.Environ(), "TERM="+pty.Term)
	size := clampSize(tea.WindowSizeMsg{Width: pty.Window.Width, Height: pty.Window.Height})
	return s.room.NewTerminal(sess, env, colorprofile.Env(env), size.Width, size.Height)
}
