package hosttest

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// The golden Arrow files of the backend's encoder tests (backend/frames/testdata, made from
// backend/frames/goldenFrames.ts) decoded by Grafana's SDK, and compared with frames written here in
// Go from the same description. If the encoder's bytes drift, either its golden test or this one fails.
func readGolden(t *testing.T, name string) *data.Frame {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "backend", "frames", "testdata", name+".arrow"))
	if err != nil {
		t.Fatalf("golden file: %v", err)
	}
	frame, err := data.UnmarshalArrowFrame(raw)
	if err != nil {
		t.Fatalf("the SDK cannot decode %s.arrow: %v", name, err)
	}
	return frame
}

func ptr[T any](v T) *T { return &v }

func TestGoldenFramesDecodeWithTheSDK(t *testing.T) {
	t.Run("timeseries", func(t *testing.T) {
		got := readGolden(t, "timeseries")
		value := data.NewField("duration", data.Labels{"workflow": "nightly-train", "stat": "p95"}, []*float64{ptr(12.5), nil, ptr(99.25)})
		value.Config = &data.FieldConfig{Unit: "s", DisplayNameFromDS: "nightly-train p95"}
		want := data.NewFrame("",
			data.NewField("time", nil, []time.Time{time.UnixMilli(1_700_000_000_000), time.UnixMilli(1_700_003_600_000), time.UnixMilli(1_700_007_200_000)}),
			value,
		).SetMeta(&data.FrameMeta{Type: data.FrameTypeTimeSeriesMulti, TypeVersion: data.FrameTypeVersion{0, 1}, ExecutedQueryString: `{"size":0}`})
		want.RefID = "A"
		assertFramesEqual(t, got, want)
	})
	t.Run("table", func(t *testing.T) {
		got := readGolden(t, "table")
		want := data.NewFrame("runs",
			data.NewField("started", nil, []*time.Time{ptr(time.Unix(0, 1_700_000_000_123_456_000)), nil}),
			data.NewField("workflow", nil, []string{"ingest-hourly", "träning-ü"}),
			data.NewField("message", nil, []*string{nil, ptr("OOMKilled")}),
			data.NewField("retried", nil, []bool{true, false}),
			data.NewField("duration", nil, []float64{61, 3600.5}),
		).SetMeta(&data.FrameMeta{Type: data.FrameTypeTable, Notices: []data.Notice{{Severity: data.NoticeSeverityWarning, Text: "Only the 20 largest groups are shown", Inspect: data.InspectTypeMeta}}})
		want.RefID = "B"
		assertFramesEqual(t, got, want)
	})
	t.Run("empty", func(t *testing.T) {
		got := readGolden(t, "empty")
		if len(got.Fields) != 0 || got.RefID != "C" || got.Meta == nil || got.Meta.Type != data.FrameTypeTimeSeriesMulti {
			t.Fatalf("empty frame decoded as %+v", got)
		}
	})
}

func assertFramesEqual(t *testing.T, got, want *data.Frame) {
	t.Helper()
	gotJSON, err := got.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	wantJSON, err := want.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if string(gotJSON) != string(wantJSON) {
		t.Fatalf("decoded frame differs\n got: %s\nwant: %s", gotJSON, wantJSON)
	}
}

// The golden answers of every query type (backend/queries/testdata, written by the backend's
// goldenFrames integration test from the real Elasticsearch node) decode with the SDK and have the
// kind their query type promises.
func TestGoldenQueryFramesPerType(t *testing.T) {
	kinds := map[string]data.FrameType{
		"durations":        data.FrameTypeTimeSeriesMulti,
		"durations-tasks":  data.FrameTypeTimeSeriesMulti,
		"outcomes":         data.FrameTypeTimeSeriesMulti,
		"outcomes-reasons": data.FrameTypeTable,
		"heatmap":          heatmapCells,
		"runs":             data.FrameTypeTable,
		"baseline":         data.FrameTypeNumericMulti,
		"resources":        data.FrameTypeTimeSeriesMulti,
		"metrics":          data.FrameTypeTimeSeriesMulti,
		"timeline":         data.FrameTypeTable,
	}
	for name, kind := range kinds {
		t.Run(name, func(t *testing.T) {
			frames := readFramesOfKind(t, filepath.Join("..", "backend", "queries", "testdata"), name, kind)
			if kind == data.FrameTypeTimeSeriesMulti {
				if err := validateTimeseriesMulti(frames); err != nil {
					t.Fatalf("dataplane check: %v", err)
				}
			}
			if kind == data.FrameTypeNumericMulti {
				if err := validateNumericMulti(frames); err != nil {
					t.Fatalf("dataplane numeric check: %v", err)
				}
			}
		})
	}
}

// readFramesOfKind decodes dir/<name>-<n>.arrow with the SDK and checks each frame's dataplane kind.
func readFramesOfKind(t *testing.T, dir, name string, kind data.FrameType) data.Frames {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, name+"-[0-9]*.arrow"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no frames for %s in %s (%v): the backend tests write them (npm test runs them first)", name, dir, err)
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
		frames = append(frames, frame)
	}
	return frames
}
