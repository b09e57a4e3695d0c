//go:build race

package e2e

// soakDefaultViewers is the soak's viewers under the race detector, which
// slows every session several times over: CI's short race run checks the
// same properties with fewer sessions, and .ci/run adds a run with 200
// without it.
const soakDefaultViewers = 10
