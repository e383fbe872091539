package hosttest

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// Grafana's heatmap panel reads frames of this type (the SDK names no constant for it).
const heatmapCells data.FrameType = "heatmap-cells"

// workflowRunsInRange are the generated workflow-run documents that start inside [dayFrom, dayTo).
func workflowRunsInRange() []esDoc {
	var runs []esDoc
	for _, d := range generateDocs() {
		start, err := time.Parse("2006-01-02T15:04:05.000Z", d["@timestamp"].(string))
		if err != nil {
			panic(err)
		}
		if d["doc_kind"] == "workflow" && !start.Before(dayFrom) && start.Before(dayTo) {
			runs = append(runs, d)
		}
	}
	return runs
}

func bucketOf(d esDoc, width time.Duration) time.Time {
	start, _ := time.Parse("2006-01-02T15:04:05.000Z", d["@timestamp"].(string))
	return start.Truncate(width)
}

// TestOutcomesQuery: counts per phase and the failure rate per workflow and hour decode with the SDK,
// pass the dataplane timeseries-multi check, and equal what this test counts from its own documents.
func TestOutcomesQuery(t *testing.T) {
	t.Parallel()
	es := elasticsearch(t)
	p := startPlugin(t)
	_, resp := queryData(t, p, es, dataQuery("A", "outcomes", map[string]any{"queryType": "outcomes", "groupBy": []string{"workflow"}}))
	a := resp.Responses["A"]
	if a.Error != nil {
		t.Fatalf("A failed: %v", a.Error)
	}
	if err := validateTimeseriesMulti(a.Frames); err != nil {
		t.Fatalf("dataplane check: %v", err)
	}

	type cell struct {
		workflow string
		bucket   time.Time
	}
	counts := map[cell]map[string]int{}
	for _, d := range workflowRunsInRange() {
		c := cell{d["workflow"].(map[string]any)["name"].(string), bucketOf(d, bucket)}
		if counts[c] == nil {
			counts[c] = map[string]int{}
		}
		counts[c][d["phase"].(string)]++
	}
	want := func(c cell, outcome string) float64 {
		n := counts[c]
		switch outcome {
		case "succeeded":
			return float64(n["Succeeded"])
		case "failed":
			return float64(n["Failed"])
		case "error":
			return float64(n["Error"])
		}
		return float64(n["Failed"]+n["Error"]) / float64(n["Succeeded"]+n["Failed"]+n["Error"])
	}

	points := 0
	for i, f := range a.Frames {
		tf, vf := f.Fields[0], f.Fields[1]
		workflow, outcome := vf.Labels["workflow"], vf.Labels["outcome"]
		where := fmt.Sprintf("frame %d {workflow=%s, outcome=%s}", i, workflow, outcome)
		if len(vf.Labels) != 2 || workflow == "" || outcome == "" {
			t.Errorf("%s: labels %v, want exactly workflow and outcome", where, vf.Labels)
			continue
		}
		for j := 0; j < tf.Len(); j++ {
			c := cell{workflow, tf.At(j).(time.Time).UTC()}
			got, ok := vf.ConcreteAt(j)
			if _, known := counts[c]; !known || !ok {
				t.Errorf("%s point %d: bucket %s has no runs here", where, j, c.bucket)
				continue
			}
			if w := want(c, outcome); math.Abs(got.(float64)-w) > 1e-12 {
				t.Errorf("%s point %d (%s): %v, want %v", where, j, c.bucket.Format(time.RFC3339), got, w)
			}
			points++
		}
	}
	// The failure rate in every non-empty bucket; a phase's count in every non-empty bucket of the
	// workflows that have a run of that phase (a phase absent from a workflow's range gets no series).
	phasesOf, bucketsOf := map[string]map[string]bool{}, map[string]int{}
	for c, n := range counts {
		bucketsOf[c.workflow]++
		if phasesOf[c.workflow] == nil {
			phasesOf[c.workflow] = map[string]bool{}
		}
		for phase, k := range n {
			if k > 0 {
				phasesOf[c.workflow][phase] = true
			}
		}
	}
	wantPoints := 0
	for workflow, buckets := range bucketsOf {
		wantPoints += buckets * (1 + len(phasesOf[workflow]))
	}
	if points != wantPoints {
		t.Errorf("%d points, want %d (failure rate and each phase present, × non-empty workflow buckets)", points, wantPoints)
	}
}

// TestHeatmapQuery: the heatmap-cells frame decodes with the SDK, has the fields Grafana's heatmap
// reads, and its cells count every run in the range once, in the band its duration falls in.
func TestHeatmapQuery(t *testing.T) {
	t.Parallel()
	es := elasticsearch(t)
	p := startPlugin(t)
	_, resp := queryData(t, p, es, dataQuery("A", "heatmap", map[string]any{"queryType": "heatmap"}))
	a := resp.Responses["A"]
	if a.Error != nil {
		t.Fatalf("A failed: %v", a.Error)
	}
	if len(a.Frames) != 1 {
		t.Fatalf("%d frames, want 1", len(a.Frames))
	}
	f := a.Frames[0]
	if f.Meta == nil || f.Meta.Type != heatmapCells {
		t.Fatalf("meta %+v, want type %q", f.Meta, heatmapCells)
	}
	names := []string{"xMin", "yMin", "yMax", "count"}
	if len(f.Fields) != len(names) {
		t.Fatalf("%d fields, want %v", len(f.Fields), names)
	}
	for i, name := range names {
		if f.Fields[i].Name != name {
			t.Errorf("field %d is %q, want %q", i, f.Fields[i].Name, name)
		}
	}
	if f.Fields[0].Type() != data.FieldTypeTime {
		t.Errorf("xMin has type %v, want time", f.Fields[0].Type())
	}
	for _, i := range []int{1, 2} {
		if cfg := f.Fields[i].Config; cfg == nil || cfg.Unit != "s" {
			t.Errorf("%s config %+v, want unit s", f.Fields[i].Name, cfg)
		}
	}

	type cell struct {
		bucket time.Time
		yMin   float64
	}
	want := map[cell]float64{}
	for _, d := range workflowRunsInRange() {
		seconds := float64(d["duration_ms"].(int64)) / 1000
		yMin := 0.0
		for _, edge := range []float64{0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000} {
			if edge <= seconds {
				yMin = edge
			}
		}
		want[cell{bucketOf(d, bucket), yMin}]++
	}
	got := map[cell]float64{}
	for j := 0; j < f.Rows(); j++ {
		yMin, _ := f.Fields[1].FloatAt(j)
		yMax, _ := f.Fields[2].FloatAt(j)
		count, _ := f.Fields[3].FloatAt(j)
		if yMax <= yMin || count <= 0 {
			t.Errorf("row %d: yMin %v, yMax %v, count %v", j, yMin, yMax, count)
		}
		got[cell{f.Fields[0].At(j).(time.Time).UTC(), yMin}] = count
	}
	if len(got) != len(want) {
		t.Errorf("%d cells, want %d", len(got), len(want))
	}
	for c, n := range want {
		if got[c] != n {
			t.Errorf("cell %s from %vs: %v runs, want %v", c.bucket.Format(time.RFC3339), c.yMin, got[c], n)
		}
	}
}
