//go:build !race

package main

// soakDefaultViewers is the soak's viewers, as issue 9 asks.
const soakDefaultViewers = 200
