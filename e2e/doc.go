// Package e2e holds standmap's end-to-end tests: the built binary in a
// real terminal (tmux), served to the real OpenSSH client, killed mid-save
// and mid-import, soaked by hundreds of viewers; and the command lines
// run in-process on a real database file (the fair's tallies against an
// independent computation, a second city, a map import). Every test that
// runs the binary shares one build of it (binary_test.go). It has no code
// but its tests.
package e2e
