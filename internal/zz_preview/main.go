package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/charmbracelet/colorprofile"

	"standmap/ascii_maps"
	"standmap/palette"
	"standmap/tui/mapview"
)

var fair = map[string]int{
	"Centrs": 203, "Jaunie Stropi": 111, "Esplanāde": 101, "Jaunbūve": 95,
	"Jaunā Forštadte": 93, "Grīva": 83, "Mežciems": 66, "Ķīmija": 38,
	"Cietoksnis": 30, "Gajoks": 22, "Vecā Forštadte": 19, "Ruģeļi": 15,
	"Dzelzceļnieks": 12, "Vecie Stropi": 9, "Niderkūni": 5, "Kalkūni": 1,
}

func main() {
	c, err := ascii_maps.Load(os.Args[1])
	if err != nil {
		panic(err)
	}
	w, _ := strconv.Atoi(os.Args[2])
	h, _ := strconv.Atoi(os.Args[3])
	p := map[string]colorprofile.Profile{"tc": colorprofile.TrueColor, "16": colorprofile.ANSI, "no": colorprofile.ASCII}[os.Args[4]]
	r := palette.Dark
	if len(os.Args) > 5 && os.Args[5] == "light" {
		r = palette.Light
	}
	counts := fair
	if len(os.Args) > 6 {
		counts = nil
	}
	fmt.Println(mapview.Render(c, counts, 0, w, h, mapview.NewStyles(r, p), os.Args[len(os.Args)-1]))
}
