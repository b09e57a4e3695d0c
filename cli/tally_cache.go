package cli

import (
	"sync"
	"time"

	"standmap/model"
)

// maxPastTallies is how many tallies --at the server remembers.
const maxPastTallies = 16

// pastTallies remembers the last tallies --at computed over SSH, each
// under the database's data version read before it was computed: asked
// again while nothing has been written, by any process, the same
// question gets the same answer without the event replayed (a room of
// viewers asking for the same moment costs one replay).
type pastTallies struct {
	mu      sync.Mutex
	entries []pastTally // oldest first
	misses  int         // replays made, for tests
}

// pastTally is one remembered tally: the event's at at, as of version.
type pastTally struct {
	event   string
	at      time.Time
	version int64
	tally   model.Tally
}

// get returns the tally of event at at as of version, if remembered.
func (p *pastTallies) get(event string, at time.Time, version int64) (model.Tally, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, e := range p.entries {
		if e.version == version && e.event == event && e.at.Equal(at) {
			return e.tally, true
		}
	}
	p.misses++
	return model.Tally{}, false
}

// put remembers t, forgetting the tallies of other versions (the data
// version never comes back) and the oldest beyond maxPastTallies.
func (p *pastTallies) put(event string, at time.Time, version int64, t model.Tally) {
	p.mu.Lock()
	defer p.mu.Unlock()
	kept := p.entries[:0]
	for _, e := range p.entries {
		if e.version == version {
			kept = append(kept, e)
		}
	}
	p.entries = append(kept, pastTally{event: event, at: at, version: version, tally: t})
	if n := len(p.entries); n > maxPastTallies {
		p.entries = append(p.entries[:0], p.entries[n-maxPastTallies:]...)
	}
}

// pastTallyAt is tallyAt, answered from e.past when the same question
// was answered since the last write.
func (e *env) pastTallyAt(name string, at time.Time) (model.Tally, error) {
	if e.past == nil {
		return e.tallyAt(name, at)
	}
	version, err := e.store.DataVersion(e.ctx)
	if err != nil {
		return model.Tally{}, err
	}
	if t, ok := e.past.get(name, at, version); ok {
		return t, nil
	}
	t, err := e.tallyAt(name, at)
	if err == nil {
		e.past.put(name, at, version, t)
	}
	return t, err
}
