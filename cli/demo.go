package cli

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"standmap/live"
	"standmap/model"
)

// demoOptions are demo's own flags.
type demoOptions struct {
	speed float64
}

// newDemo returns `demo`: the application on a throwaway database that
// fills with made-up visitors.
func newDemo() *cobra.Command {
	p, o := newLocal(), &demoOptions{}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "The application on a throwaway database that fills with made-up visitors",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if o.speed <= 0 {
				return usagef("--speed must be above 0")
			}
			return run(p, cmd, useEvent|useMap|useLang, func(e *env) error {
				if err := sqliteBuilt(); err != nil {
					return err
				}
				dir, err := os.MkdirTemp("", "standmap-demo-")
				if err != nil {
					return err
				}
				path := filepath.Join(dir, "standmap.db")
				fmt.Fprintf(e.stderr, "standmap demo: throwaway database %s\n", path)
				if e.store, err = openStore(path); err != nil {
					return err
				}
				defer e.store.Close()
				if e.eventName == "" {
					e.eventName = "Demo fair"
				}
				return runApp(e, false, func(ctx context.Context, hub *live.Hub) {
					demoVisitors(ctx, e, hub, o.speed)
				})
			})
		},
	}
	p.flags(cmd, useEvent|useMap|useLang)
	cmd.Flags().Float64Var(&o.speed, "speed", 1, "visitors come this many times faster (1: one every 1–2 s)")
	return cmd
}

// demoPlaces are weighted as the first Daugavpils stand reported: most marks
// on these seven, a few anywhere else.
var demoPlaces = []struct {
	name   string
	weight int
}{
	{"Centrs", 20}, {"Jaunie Stropi", 12}, {"Esplanāde", 11}, {"Jaunbūve", 10},
	{"Jaunā Forštadte", 10}, {"Grīva", 9}, {"Mežciems", 7},
}

// demoWishes are wishes as visitors word them, in Latvian, Russian and
// English, some misspelled so that merging shows.
var demoWishes = []struct{ text, category string }{
	{"Āra trenažieri", "fitness"}, {"Āra trenažieri", "fitness"}, {"ara trenazieri", "fitness"},
	{"Sakārtot vidi", "clean"}, {"Sakārtot vidi", "clean"}, {"Vairāk vietu aktīvai atpūtai", "sport"},
	{"Veloceliņi", "cycle"}, {"Pastaigu vietas", "walk"}, {"Vairāk vietu aktīvai atpūtai", "sport"},
	{"Tirdziņš ārpus centra", "events"}, {"Больше скамеек", "hangout"}, {"Skatepark", "sport"},
	{"Better lighting", "light"}, {"Wi-Fi в парке", "wifi"}, {"Sakārtot vidi!", ""},
	{"Āra trenažieri", ""}, {"Veloceliņi", "cycle"},
}

// demoVisitors saves a made-up visitor every 1–2 s (divided by speed)
// until ctx ends.
func demoVisitors(ctx context.Context, e *env, hub *live.Hub, speed float64) {
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	all := e.city.Gazetteer.All()
	for {
		wait := time.Duration(float64(time.Second+time.Duration(rng.Int64N(int64(time.Second)))) / speed)
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		r := demoVisitor(rng, all, e.eventName)
		r, err := r.Check(e.city.Gazetteer)
		if err != nil {
			continue // a place this map does not have
		}
		if _, err := e.store.SaveResponse(ctx, r); err != nil {
			return
		}
		hub.Changed()
	}
}

// demoVisitor makes one visitor: one to three places, most with a wish.
func demoVisitor(rng *rand.Rand, all []model.Neighbourhood, event string) model.Response {
	now := time.Now()
	r := model.Response{ID: model.NewResponseID(now), Event: event, CreatedAt: now}
	if rng.IntN(4) > 0 {
		r.AgeGroup = model.DefaultAgeGroups[rng.IntN(len(model.DefaultAgeGroups))]
	}
	n := 1 + rng.IntN(3)
	seen := map[string]bool{}
	for i := 0; i < n; i++ {
		var m model.Mark
		switch k := rng.IntN(100); {
		case k < 8:
			// a city-wide wish
		case k < 25:
			m.Neighbourhood = all[rng.IntN(len(all))].Name
		default:
			m.Neighbourhood = pickPlace(rng)
		}
		if m.Neighbourhood != "" && seen[m.Neighbourhood] {
			continue // one mark per place and visitor
		}
		seen[m.Neighbourhood] = true
		if m.Neighbourhood == "" || rng.IntN(3) > 0 {
			w := demoWishes[rng.IntN(len(demoWishes))]
			m.Wish, m.Category = w.text, w.category
		}
		r.Marks = append(r.Marks, m)
	}
	return r
}

// pickPlace draws one of demoPlaces by weight.
func pickPlace(rng *rand.Rand) string {
	total := 0
	for _, p := range demoPlaces {
		total += p.weight
	}
	k := rng.IntN(total)
	for _, p := range demoPlaces {
		if k < p.weight {
			return p.name
		}
		k -= p.weight
	}
	return demoPlaces[0].name
}
