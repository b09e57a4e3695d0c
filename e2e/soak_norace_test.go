//go:build !race

package e2e

// soakDefaultViewers is the soak's viewers, as issue 9 asks.
const soakDefaultViewers = 200
