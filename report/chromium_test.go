package report

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"standmap/model"
)

// chromium returns the path of a Chromium binary, or skips the test.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("chromium not installed (apt-get install -y chromium): the HTML report is not opened in a browser")
	return ""
}

// headless runs Chromium headless on the file with extra arguments.
func headless(t *testing.T, bin, file string, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}
	cmd := exec.CommandContext(ctx, bin, append(append(base, args...), "file://"+file)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, out)
	}
}

func TestHTMLInChromium(t *testing.T) {
	bin := chromium(t)
	s, city := imported(t, "../testdata/fair/fair.csv")
	rep := built(t, s, city, "Profesiju gadatirgus 2025", "lv", time.Time{})
	other := built(t, s, city, "Skolu diena Gajokā", "lv", time.Time{})
	rep.Compare = model.Compare(rep.Tally, other.Tally, rep.Opts.Top)
	dir := t.TempDir()
	if d := os.Getenv("STANDMAP_REPORT_SHOTS"); d != "" {
		dir = d // keep the screenshot and PDF to look at
	}
	page := filepath.Join(dir, "report.html")
	var b bytes.Buffer
	if err := rep.WriteHTML(&b); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}

	shot := filepath.Join(dir, "report.png")
	headless(t, bin, page, "--screenshot="+shot, "--window-size=1240,1754", "--hide-scrollbars")
	f, err := os.Open(shot)
	if err != nil {
		t.Fatalf("no screenshot: %v", err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if sz := img.Bounds().Size(); sz.X != 1240 || sz.Y != 1754 {
		t.Errorf("screenshot is %v, want 1240×1754", sz)
	}
	if ink, colours := inked(img); ink < 0.02 || colours < 8 {
		t.Errorf("screenshot looks blank: %.1f%% of pixels not white, %d colours", 100*ink, colours)
	}

	pdf := filepath.Join(dir, "report.pdf")
	headless(t, bin, page, "--print-to-pdf="+pdf, "--no-pdf-header-footer")
	data, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatalf("no PDF: %v", err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) || len(data) < 20_000 {
		t.Errorf("the PDF is %d bytes and begins %q", len(data), data[:min(8, len(data))])
	}
	// Every page is A4 (595 × 842 points), and the report takes several.
	boxes := regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`).FindAllSubmatch(data, -1)
	for _, b := range boxes {
		w, _ := strconv.ParseFloat(string(b[1]), 64)
		h, _ := strconv.ParseFloat(string(b[2]), 64)
		if math.Abs(w-595) > 2 || math.Abs(h-842) > 2 {
			t.Errorf("a PDF page is %.0f × %.0f points, not A4", w, h)
		}
	}
	if len(boxes) < 2 {
		t.Errorf("the PDF has %d pages with a media box, want several", len(boxes))
	}
}

// inked returns the share of pixels that are not near white, and the
// number of distinct colours (up to 64 are counted).
func inked(img image.Image) (float64, int) {
	b := img.Bounds()
	ink, total := 0, 0
	colours := map[[3]uint32]bool{}
	for y := b.Min.Y; y < b.Max.Y; y += 2 {
		for x := b.Min.X; x < b.Max.X; x += 2 {
			r, g, bl, _ := img.At(x, y).RGBA()
			total++
			if r < 0xf000 || g < 0xf000 || bl < 0xf000 {
				ink++
			}
			if len(colours) < 64 {
				colours[[3]uint32{r >> 12, g >> 12, bl >> 12}] = true
			}
		}
	}
	return float64(ink) / float64(total), len(colours)
}
