package hosttest

import (
	"sort"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

const argoURL = "https://argo.example.com:2746"

// runsTable sends one runs query to a datasource that also has an Argo Server URL (for the links)
// and returns the one table frame, decoded by the SDK.
func runsTable(t *testing.T, model map[string]any) *data.Frame {
	t.Helper()
	es := elasticsearch(t)
	p := startPlugin(t)
	settings := esSettings(es.esURL, es.index)
	settings["argo"] = map[string]any{"url": argoURL}
	_, resp := queryDataWith(t, p, settings, dataQuery("A", "runs", model))
	a := resp.Responses["A"]
	if a.Error != nil {
		t.Fatalf("A failed: %v", a.Error)
	}
	if len(a.Frames) != 1 {
		t.Fatalf("%d frames, want 1", len(a.Frames))
	}
	f := a.Frames[0]
	if f.Meta == nil || f.Meta.Type != data.FrameTypeTable {
		t.Fatalf("meta %+v, want type %q", f.Meta, data.FrameTypeTable)
	}
	return f
}

type column struct {
	name string
	typ  data.FieldType
}

func checkColumns(t *testing.T, f *data.Frame, want []column) {
	t.Helper()
	if len(f.Fields) != len(want) {
		t.Fatalf("%d fields, want %v", len(f.Fields), want)
	}
	for i, c := range want {
		if f.Fields[i].Name != c.name || f.Fields[i].Type() != c.typ {
			t.Errorf("field %d is %q of %v, want %q of %v", i, f.Fields[i].Name, f.Fields[i].Type(), c.name, c.typ)
		}
	}
}

// TestRunsQuery: the runs table of workflow runs decodes with the SDK with the expected columns and
// types, lists every run of the day newest first with its duration, and links runs to the Argo UI.
func TestRunsQuery(t *testing.T) {
	t.Parallel()
	f := runsTable(t, map[string]any{"queryType": "runs", "limit": 1000})
	checkColumns(t, f, []column{
		{"start", data.FieldTypeTime},
		{"end", data.FieldTypeNullableTime},
		{"duration", data.FieldTypeNullableFloat64},
		{"phase", data.FieldTypeNullableString},
		{"namespace", data.FieldTypeNullableString},
		{"workflow", data.FieldTypeNullableString},
		{"message", data.FieldTypeNullableString},
		{"vs_baseline", data.FieldTypeNullableFloat64},
		{"retries", data.FieldTypeFloat64},
	})
	if t.Failed() {
		return
	}
	runs := workflowRunsInRange()
	name := func(d esDoc) string { return d["workflow"].(map[string]any)["name"].(string) }
	sort.SliceStable(runs, func(i, j int) bool {
		a, b := runs[i]["@timestamp"].(string), runs[j]["@timestamp"].(string)
		return a > b || (a == b && name(runs[i]) < name(runs[j]))
	})
	if f.Rows() != len(runs) {
		t.Fatalf("%d rows, want %d", f.Rows(), len(runs))
	}
	for i, d := range runs {
		start, _ := time.Parse("2006-01-02T15:04:05.000Z", d["@timestamp"].(string))
		if got := f.Fields[0].At(i).(time.Time); !got.Equal(start) {
			t.Errorf("row %d: start %v, want %v", i, got, start)
		}
		if got, want := *f.Fields[2].At(i).(*float64), float64(d["duration_ms"].(int64))/1000; got != want {
			t.Errorf("row %d: duration %v, want %v", i, got, want)
		}
		if got := *f.Fields[5].At(i).(*string); got != name(d) {
			t.Errorf("row %d: workflow %q", i, got)
		}
	}
	cfg := f.Fields[5].Config
	if cfg == nil || len(cfg.Links) != 1 || cfg.Links[0].URL != argoURL+"/workflows/${__data.fields.namespace}/${__value.raw}" {
		t.Errorf("workflow config %+v, want one link to the run in the Argo UI", cfg)
	}
	if cfg := f.Fields[2].Config; cfg == nil || cfg.Unit != "s" {
		t.Errorf("duration config %+v, want unit s", cfg)
	}
}

// TestRunsQuerySteps: at node level the table has the step columns instead of retries.
func TestRunsQuerySteps(t *testing.T) {
	t.Parallel()
	f := runsTable(t, map[string]any{"queryType": "runs", "level": "node", "limit": 5})
	checkColumns(t, f, []column{
		{"start", data.FieldTypeTime},
		{"end", data.FieldTypeNullableTime},
		{"duration", data.FieldTypeNullableFloat64},
		{"phase", data.FieldTypeNullableString},
		{"namespace", data.FieldTypeNullableString},
		{"workflow", data.FieldTypeNullableString},
		{"task", data.FieldTypeNullableString},
		{"template", data.FieldTypeNullableString},
		{"retry_attempt", data.FieldTypeNullableFloat64},
		{"message", data.FieldTypeNullableString},
		{"vs_baseline", data.FieldTypeNullableFloat64},
	})
	if f.Rows() != 5 {
		t.Errorf("%d rows, want 5 (the limit)", f.Rows())
	}
	if len(f.Meta.Notices) != 1 {
		t.Errorf("notices %+v, want one saying older runs were left out", f.Meta.Notices)
	}
}
