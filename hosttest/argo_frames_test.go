package hosttest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// The answers of the query types read from the Argo Server (written to .cache/argo-frames by the
// backend's argoFrames.hostcheck test against the Argo Server test double, earlier in the same test run)
// decode with Grafana's SDK and have the kind their query type promises; series and numbers pass the
// dataplane checks alert rules rely on.
func TestArgoQueryFramesPerType(t *testing.T) {
	kinds := map[string]data.FrameType{
		"argo-durations":     data.FrameTypeTimeSeriesMulti,
		"argo-runs":          data.FrameTypeTable,
		"live-table":         data.FrameTypeTable,
		"live-overrun":       data.FrameTypeNumericMulti,
		"cron-delay":         data.FrameTypeTimeSeriesMulti,
		"cron-runs":          data.FrameTypeTable,
		"cron-missed":        data.FrameTypeNumericMulti,
		"cron-since-success": data.FrameTypeNumericMulti,
	}
	dir := filepath.Join("..", ".cache", "argo-frames")
	for name, kind := range kinds {
		t.Run(name, func(t *testing.T) {
			files, err := filepath.Glob(filepath.Join(dir, name+"-[0-9]*.arrow"))
			if err != nil || len(files) == 0 {
				t.Fatalf("no frames for %s in %s: run the backend tests first (npm test does) (%v)", name, dir, err)
			}
			frames := data.Frames{}
			for _, file := range files {
				raw, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				frame, err := data.UnmarshalArrowFrame(raw)
				if err != nil {
					t.Fatalf("the SDK cannot decode %s: %v", file, err)
				}
				if frame.Meta == nil || frame.Meta.Type != kind {
					t.Fatalf("%s: meta type %v, want %s", file, frame.Meta, kind)
				}
				if len(frame.Fields) == 0 {
					t.Fatalf("%s: an empty frame; the fixture should answer real values", file)
				}
				frames = append(frames, frame)
			}
			switch kind {
			case data.FrameTypeTimeSeriesMulti:
				if err := validateTimeseriesMulti(frames); err != nil {
					t.Fatalf("dataplane check: %v", err)
				}
			case data.FrameTypeNumericMulti:
				if err := validateNumericMulti(frames); err != nil {
					t.Fatalf("dataplane numeric check: %v", err)
				}
			case data.FrameTypeTable:
				if !strings.Contains(frames[0].Meta.ExecutedQueryString, "Argo Server") {
					t.Fatalf("table without its executed query: %q", frames[0].Meta.ExecutedQueryString)
				}
			}
		})
	}
}
