//go:build !race

package e2e

// soakDefaultViewers is the soak's viewers, as issue 9 asks.
const soakDefaultViewers = 200

// soakDefaultResponses is how many answers the soak's room has stored
// before it opens, as issue 17 asks: the board of a real room.
const soakDefaultResponses = 10000
