// Package cli is standmap's command line: the tree of commands on cobra,
// through Charm's fang (styled help, --version, shell completions, a man
// page). main runs it (Run); the SSH server runs the commands that make
// sense there (ssh HOST tally|export) from the same constructors, given
// to it as server.Config.Commands.
//
// # Shape
//
// Every command is built by one constructor, newXxx, which returns its
// *cobra.Command and binds its flags to the fields of its own options
// struct (xxxOptions): no package state, every run of Run builds a fresh
// tree, and a flag belongs to one command only.
//
// The common flags (--db or STANDMAP_DB, --event, --map, --lang) come
// from a place. local is one command's common flags: p.flags(cmd, u)
// gives cmd those it uses (u: useDB|useEvent|useMap|useLang) and the
// others hidden (the contract accepts them on every command), and
// run(p, cmd, u, fn) opens what u names for one run and calls fn with the
// env (store, city, event name, language, streams). remote is the
// database, map and event that serve serves: it gives no such flag.
//
// A run that fails returns an error; it is said in one line on stderr,
// "standmap wishes merge: …" (the command is named by labelErrors), and
// the exit status is 1, or 2 when it is a usageError (usagef; flag and
// argument errors are turned into usageErrors).
//
// # Adding a command
//
//  1. A file cli/xxx.go with xxxOptions (its own flags) and
//     newXxx() *cobra.Command: Use (the name, then its arguments), Short
//     (one line, capitalised), Args (noArgs, or args(exactly(n), "what to
//     give")), and a RunE that checks the flags first (usagef, before
//     anything is opened), then returns run(p, cmd, u, func(e *env) error).
//  2. In the constructor: p := newLocal(); p.flags(cmd, u) with the same
//     u (0 for a command that opens nothing); then cmd.Flags() for its own
//     flags, bound to the options struct.
//  3. What is not about the command line goes in the package it belongs
//     to (exchange, report, db, …), tested there; the command stays thin.
//  4. Add it to newRoot (root.go), or with AddCommand under its parent
//     (events, wishes, maps).
//  5. Over SSH too? The constructor takes a place (see newTally), it is
//     added in remote.tree, and annotated facilitatorsOnly unless viewers
//     may run it; a flag that reaches this machine's files is given only
//     when !p.remote().
//  6. Tests go beside it, on newStand (internal/standtest); the tree tests
//     (TestEveryCommandHelp, TestEveryCommandRefusesAnUnknownFlag) cover a
//     new command without being told.
//
// An event is resolved by env: event creates the current or --event one
// (the commands that capture), existingEvent needs --event to exist,
// readEvent creates nothing (the commands that only read).
package cli
