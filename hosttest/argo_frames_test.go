package hosttest

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/grafana/dataplane/sdata/numeric"
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
		"cron-missed-null":   data.FrameTypeNumericMulti,
		"cron-since-success": data.FrameTypeNumericMulti,
	}
	dir := filepath.Join("..", ".cache", "argo-frames")
	for name, kind := range kinds {
		t.Run(name, func(t *testing.T) {
			frames := readFramesOfKind(t, dir, name, kind)
			for _, frame := range frames {
				if len(frame.Fields) == 0 {
					t.Fatalf("%s: an empty frame; the fixture should answer real values", name)
				}
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
				if name == "cron-missed-null" {
					checkNullNumbers(t, frames, "rejected-cron", "every-minute-cron")
				}
			case data.FrameTypeTable:
				if !strings.Contains(frames[0].Meta.ExecutedQueryString, "Argo Server") {
					t.Fatalf("table without its executed query: %q", frames[0].Meta.ExecutedQueryString)
				}
			}
		})
	}
}

// checkNullNumbers: the crons named (one Argo rejects, one with more ticks than are evaluated) answer a
// null value, which Grafana alerting evaluates as No Data for that cron; the other crons a number.
func checkNullNumbers(t *testing.T, frames data.Frames, nullCrons ...string) {
	t.Helper()
	reader, err := numeric.CollectionReaderFromFrames(frames)
	if err != nil {
		t.Fatal(err)
	}
	collection, err := reader.GetCollection(false)
	if err != nil {
		t.Fatal(err)
	}
	nulls := []string{}
	numbers := 0
	for _, ref := range collection.Refs {
		if ref.ValueField.Type() != data.FieldTypeNullableFloat64 {
			t.Fatalf("%v: value type %s, want nullable float64", ref.GetLabels(), ref.ValueField.Type())
		}
		value, _, _ := ref.NullableFloat64Value()
		if value == nil {
			nulls = append(nulls, ref.GetLabels()["cron"])
		} else {
			numbers++
		}
	}
	sort.Strings(nulls)
	want := append([]string{}, nullCrons...)
	sort.Strings(want)
	if strings.Join(nulls, ",") != strings.Join(want, ",") || numbers == 0 {
		t.Fatalf("null values for %v and %d numbers; want null for %v only, numbers for the rest", nulls, numbers, want)
	}
}
