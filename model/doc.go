// Package model is standmap's domain: responses, marks, wishes, events,
// neighbourhoods and categories; the folding of spellings into keys; tallies
// and ranking exactly as the contract defines them; and validation whose
// errors say what is wrong. It is pure: no SQL, no terminal, no I/O.
package model
