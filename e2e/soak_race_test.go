//go:build race

package e2e

// soakDefaultViewers is the soak's viewers under the race detector, which
// slows every session several times over: CI's short race run checks the
// same properties with fewer sessions, and .ci/run adds a run with 200
// without it.
const soakDefaultViewers = 10

// soakDefaultResponses is how many answers the soak's room has stored
// before it opens; fewer under the race detector, whose import of 10,000
// would take most of the run.
const soakDefaultResponses = 1000
