package hosttest

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// writeTimelineIndex indexes one run of four steps in the document model's shape (node.after is the
// step graph): A, then B and C after A, then D after both. Times in seconds from the run's start.
func writeTimelineIndex(t *testing.T, es, index string, start time.Time) {
	t.Helper()
	keyword := map[string]any{"type": "keyword"}
	stored := map[string]any{"type": "keyword", "index": false, "doc_values": false}
	mapping := map[string]any{"mappings": map[string]any{"dynamic": "strict", "properties": map[string]any{
		"doc_kind": keyword, "namespace": keyword, "phase": keyword,
		"@timestamp": map[string]any{"type": "date"}, "end": map[string]any{"type": "date"},
		"workflow": map[string]any{"properties": map[string]any{"name": keyword, "uid": keyword}},
		"node": map[string]any{"properties": map[string]any{
			"id": keyword, "name": keyword, "display_name": keyword, "step": keyword, "template": keyword, "type": keyword,
			"retry_attempt": map[string]any{"type": "integer"}, "group": stored, "after": stored,
		}},
	}}}
	if err := esJSON("PUT", es+"/"+index, mapping, nil); err != nil {
		t.Fatalf("creating %s: %v", index, err)
	}
	t.Cleanup(func() { _ = esJSON("DELETE", es+"/"+index, nil, nil) })
	at := func(s int) string { return start.Add(time.Duration(s) * time.Second).UTC().Format(time.RFC3339) }
	run := map[string]any{"name": "tl-run", "uid": "uid-tl-run"}
	docs := []map[string]any{{"doc_kind": "workflow", "namespace": "ml", "phase": "Succeeded", "@timestamp": at(0), "end": at(51), "workflow": run}}
	for _, s := range []struct {
		id       string
		from, to int
		after    []string
	}{{"A", 0, 10, []string{}}, {"B", 11, 41, []string{"A"}}, {"C", 11, 21, []string{"A"}}, {"D", 42, 50, []string{"B", "C"}}} {
		docs = append(docs, map[string]any{
			"doc_kind": "node", "namespace": "ml", "phase": "Succeeded", "@timestamp": at(s.from), "end": at(s.to), "workflow": run,
			"node": map[string]any{"id": s.id, "name": "tl-run." + s.id, "display_name": s.id, "step": s.id, "template": "t", "type": "Pod", "retry_attempt": 0, "group": "tl-run", "after": s.after},
		})
	}
	for i, doc := range docs {
		if err := esJSON("PUT", fmt.Sprintf("%s/%s/_doc/%d?refresh=true", es, index, i), doc, nil); err != nil {
			t.Fatalf("indexing into %s: %v", index, err)
		}
	}
}

// TestTimelineQuery: the packaged backend answers a timeline query with the frame the run timeline
// panel reads (fields in order, types), the critical path A → B → D, and C's 20 s of slack.
func TestTimelineQuery(t *testing.T) {
	t.Parallel()
	es := esURL(t)
	index := fmt.Sprintf("hosttest-timeline-%d-%d", time.Now().UnixNano(), os.Getpid())
	start := time.Date(2026, 11, 3, 8, 0, 0, 0, time.UTC)
	writeTimelineIndex(t, es, index, start)
	p := startPlugin(t)
	_, resp := queryDataWith(t, p, esSettings(es, index),
		dataQuery("A", "timeline", map[string]any{"queryType": "timeline", "run": "tl-run", "filters": map[string]any{"namespaces": []string{"ml"}}}))
	a := resp.Responses["A"]
	if a.Error != nil || len(a.Frames) != 1 {
		t.Fatalf("answer %v, %d frames; want one frame", a.Error, len(a.Frames))
	}
	f := a.Frames[0]
	if f.Name != "timeline" || f.Meta == nil || f.Meta.Type != data.FrameTypeTable {
		t.Fatalf("frame %q meta %+v, want timeline table", f.Name, f.Meta)
	}
	str, nstr, nnum, ntime := data.FieldTypeString, data.FieldTypeNullableString, data.FieldTypeNullableFloat64, data.FieldTypeNullableTime
	checkColumns(t, f, []column{
		{"step", str}, {"stepName", str}, {"template", str}, {"group", str}, {"attempt", nnum}, {"phase", str},
		{"start", ntime}, {"end", ntime}, {"duration", nnum}, {"critical", data.FieldTypeBool}, {"slack", nnum},
		{"pod", nstr}, {"host", nstr}, {"message", nstr}, {"cpu", nnum}, {"memory", nnum}, {"nodeId", str}, {"argoUrl", nstr},
	})
	if t.Failed() {
		return
	}
	// Rows in start order (B before C at the same start: by node id).
	wantSlack := map[string]float64{"A": 0, "B": 0, "C": 20, "D": 0}
	wantCritical := map[string]bool{"A": true, "B": true, "C": false, "D": true}
	for row, id := range []string{"A", "B", "C", "D"} {
		if got := f.Fields[16].At(row).(string); got != id {
			t.Fatalf("row %d is %s, want %s", row, got, id)
		}
		if got := f.Fields[9].At(row).(bool); got != wantCritical[id] {
			t.Errorf("%s critical %v", id, got)
		}
		if got := *f.Fields[10].At(row).(*float64); got != wantSlack[id] {
			t.Errorf("%s slack %v, want %v", id, got, wantSlack[id])
		}
	}
	custom, _ := json.Marshal(f.Meta.Custom)
	var meta struct {
		Source       string `json:"source"`
		CriticalPath struct {
			Seconds float64 `json:"seconds"`
			Steps   int     `json:"steps"`
		} `json:"criticalPath"`
	}
	if err := json.Unmarshal(custom, &meta); err != nil || meta.Source != "elasticsearch" || meta.CriticalPath.Seconds != 48 || meta.CriticalPath.Steps != 3 {
		t.Errorf("meta.custom %s, want source elasticsearch and a critical path of 10 + 30 + 8 s in 3 steps", custom)
	}
}
