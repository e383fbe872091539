package hosttest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// The generated data: three workflows, each in its own namespace, over one day aligned to the hour.
var (
	dayFrom   = time.Date(2026, 3, 14, 0, 0, 0, 0, time.UTC)
	dayTo     = dayFrom.Add(24 * time.Hour)
	bucket    = time.Hour
	workflows = []genWorkflow{
		// name, namespace, base duration, jitter, hours of the day it runs (nil = every hour)
		{"etl-nightly", "data", 45 * time.Second, 40 * time.Second, nil},
		{"train-model", "ml", 20 * time.Minute, 10 * time.Minute, nil},
		// Runs only in a few hours: the other buckets must be left out of its series.
		{"report-daily", "reports", 3 * time.Second, 2 * time.Second, []int{2, 3, 5, 14, 23}},
	}
	phases = []string{"Succeeded", "Succeeded", "Succeeded", "Failed", "Error"}
)

const (
	dataSeed          = 20260314
	workflowRunsInDay = 330
	runsOutsideDay    = 12 // before dayFrom and after dayTo: the time range must exclude them
	nodeDocs          = 60 // doc_kind "node": a workflow-level query must not read them
)

type genWorkflow struct {
	name, namespace string
	base, jitter    time.Duration
	hours           []int
}

type esDoc map[string]any

// expectedPoint is one bucket of one workflow, computed here independently of the backend.
type expectedPoint struct {
	bucketStart time.Time
	count       int
	maxMS       int64
	minMS       int64
}

type testData struct {
	esURL    string
	index    string
	version  string // Elasticsearch version number from GET /
	expected map[string][]expectedPoint
	names    []string // workflow names in the index, sorted
	docs     int
}

var (
	esOnce    sync.Once
	esData    *testData
	esErr     error
	esCleanup func()
)

func esURL(t testing.TB) string {
	t.Helper()
	u := strings.TrimRight(os.Getenv("ES_URL"), "/")
	if u == "" {
		t.Fatal("ES_URL is not set: start Elasticsearch (scripts/elasticsearch/start.sh prints the URL) and export ES_URL")
	}
	return u
}

// elasticsearch returns the shared, already indexed test data (created once per test binary).
func elasticsearch(t testing.TB) *testData {
	t.Helper()
	base := esURL(t)
	esOnce.Do(func() { esData, esErr = setUpIndex(base) })
	if esErr != nil {
		t.Fatalf("preparing Elasticsearch at %s: %v", base, esErr)
	}
	return esData
}

func setUpIndex(base string) (*testData, error) {
	started := time.Now()
	var root struct {
		Version struct {
			Number string `json:"number"`
		} `json:"version"`
	}
	if err := esJSON("GET", base+"/", nil, &root); err != nil {
		return nil, err
	}
	if root.Version.Number == "" {
		return nil, fmt.Errorf("GET / did not name a version")
	}

	index := fmt.Sprintf("hosttest-argoperf-%d-%d", time.Now().UnixNano(), os.Getpid())
	mapping := map[string]any{
		"settings": map[string]any{"number_of_shards": 1, "number_of_replicas": 0},
		"mappings": map[string]any{
			"properties": map[string]any{
				"doc_kind":    map[string]any{"type": "keyword"},
				"@timestamp":  map[string]any{"type": "date"},
				"end":         map[string]any{"type": "date"},
				"duration_ms": map[string]any{"type": "long"},
				"namespace":   map[string]any{"type": "keyword"},
				"phase":       map[string]any{"type": "keyword"},
				"workflow": map[string]any{"properties": map[string]any{
					"name":     map[string]any{"type": "keyword"},
					"uid":      map[string]any{"type": "keyword"},
					"template": map[string]any{"type": "keyword"},
				}},
				"node": map[string]any{"properties": map[string]any{
					"id":           map[string]any{"type": "keyword"},
					"name":         map[string]any{"type": "keyword"},
					"display_name": map[string]any{"type": "keyword"},
					"type":         map[string]any{"type": "keyword"},
				}},
				"labels": map[string]any{"type": "flattened"},
			},
		},
	}
	if err := esJSON("PUT", base+"/"+index, mapping, nil); err != nil {
		return nil, fmt.Errorf("creating index: %w", err)
	}
	esCleanup = func() { _ = esJSON("DELETE", base+"/"+index, nil, nil) }

	docs := generateDocs()
	var body bytes.Buffer
	enc := json.NewEncoder(&body)
	for _, d := range docs {
		_ = enc.Encode(map[string]any{"index": map[string]any{}})
		_ = enc.Encode(d)
	}
	var bulk struct {
		Errors bool              `json:"errors"`
		Items  []json.RawMessage `json:"items"`
	}
	if err := esRequest("POST", base+"/"+index+"/_bulk?refresh=true", "application/x-ndjson", body.Bytes(), &bulk); err != nil {
		return nil, fmt.Errorf("bulk indexing: %w", err)
	}
	if bulk.Errors || len(bulk.Items) != len(docs) {
		return nil, fmt.Errorf("bulk indexing: errors=%v, %d items for %d documents", bulk.Errors, len(bulk.Items), len(docs))
	}

	expected, names := expectedFrom(docs)
	fmt.Fprintf(os.Stderr, "hosttest: Elasticsearch %s at %s, index %s, %d documents (%v)\n",
		root.Version.Number, base, index, len(docs), time.Since(started).Round(time.Millisecond))
	return &testData{esURL: base, index: index, version: root.Version.Number, expected: expected, names: names, docs: len(docs)}, nil
}

// generateDocs makes the same documents on every run (fixed seed). Durations are whole multiples of
// 125 ms so that milliseconds / 1000 is exact in float64.
func generateDocs() []esDoc {
	rng := rand.New(rand.NewPCG(dataSeed, 1))
	var docs []esDoc
	uid := 0
	run := func(w genWorkflow, start time.Time) esDoc {
		d := w.base - w.jitter + time.Duration(rng.Int64N(int64(2*w.jitter)))
		ms := d.Milliseconds() / 125 * 125
		if ms < 125 {
			ms = 125
		}
		uid++
		return esDoc{
			"doc_kind":    "workflow",
			"@timestamp":  start.UTC().Format("2006-01-02T15:04:05.000Z"),
			"end":         start.Add(time.Duration(ms) * time.Millisecond).UTC().Format("2006-01-02T15:04:05.000Z"),
			"duration_ms": ms,
			"phase":       phases[rng.IntN(len(phases))],
			"namespace":   w.namespace,
			"workflow":    map[string]any{"name": w.name, "uid": fmt.Sprintf("uid-%04d", uid), "template": w.name},
			"labels":      map[string]any{"team": w.namespace + "-team", "app": w.name},
		}
	}
	// A random millisecond inside the day (never exactly on dayTo), restricted to the workflow's hours.
	startIn := func(w genWorkflow) time.Time {
		hour := rng.IntN(24)
		if w.hours != nil {
			hour = w.hours[rng.IntN(len(w.hours))]
		}
		return dayFrom.Add(time.Duration(hour)*time.Hour + time.Duration(rng.Int64N(int64(time.Hour/time.Millisecond)))*time.Millisecond)
	}
	for i := 0; i < workflowRunsInDay; i++ {
		w := workflows[rng.IntN(len(workflows))]
		docs = append(docs, run(w, startIn(w)))
	}
	for i := 0; i < runsOutsideDay; i++ {
		w := workflows[i%len(workflows)]
		off := time.Duration(1+rng.Int64N(3*3600_000)) * time.Millisecond
		start := dayFrom.Add(-off)
		if i%2 == 1 {
			start = dayTo.Add(off)
		}
		docs = append(docs, run(w, start))
	}
	for i := 0; i < nodeDocs; i++ {
		w := workflows[rng.IntN(len(workflows))]
		start := startIn(w)
		// Far longer and shorter than any workflow run: they would change max and min if read.
		ms := int64(5*3600_000 + rng.IntN(1000)*125)
		if i%2 == 0 {
			ms = 125
		}
		docs = append(docs, esDoc{
			"doc_kind":    "node",
			"@timestamp":  start.UTC().Format("2006-01-02T15:04:05.000Z"),
			"end":         start.Add(time.Duration(ms) * time.Millisecond).UTC().Format("2006-01-02T15:04:05.000Z"),
			"duration_ms": ms,
			"phase":       "Succeeded",
			"namespace":   w.namespace,
			"workflow":    map[string]any{"name": w.name, "uid": fmt.Sprintf("uid-node-%04d", i), "template": w.name},
			"node":        map[string]any{"id": fmt.Sprintf("node-%04d", i), "name": fmt.Sprintf("uid-node-%04d.step-a", i), "display_name": "step-a", "type": "Pod"},
			"labels":      map[string]any{"team": w.namespace + "-team"},
		})
	}
	return docs
}

// expectedFrom computes, per workflow, the 1 h epoch-aligned buckets inside [dayFrom, dayTo) that hold
// workflow runs, with count, max and min duration. Empty buckets are absent.
func expectedFrom(docs []esDoc) (map[string][]expectedPoint, []string) {
	type key struct {
		workflow string
		bucket   int64
	}
	acc := map[key]*expectedPoint{}
	nameSet := map[string]bool{}
	for _, d := range docs {
		name := d["workflow"].(map[string]any)["name"].(string)
		nameSet[name] = true
		if d["doc_kind"] != "workflow" {
			continue
		}
		start, err := time.Parse("2006-01-02T15:04:05.000Z", d["@timestamp"].(string))
		if err != nil {
			panic(err)
		}
		if start.Before(dayFrom) || !start.Before(dayTo) {
			continue
		}
		ms := d["duration_ms"].(int64)
		b := start.UnixMilli() / bucket.Milliseconds() * bucket.Milliseconds()
		k := key{name, b}
		p := acc[k]
		if p == nil {
			p = &expectedPoint{bucketStart: time.UnixMilli(b).UTC(), maxMS: ms, minMS: ms}
			acc[k] = p
		}
		p.count++
		p.maxMS = max(p.maxMS, ms)
		p.minMS = min(p.minMS, ms)
	}
	out := map[string][]expectedPoint{}
	for k, p := range acc {
		out[k.workflow] = append(out[k.workflow], *p)
	}
	for _, pts := range out {
		sort.Slice(pts, func(i, j int) bool { return pts[i].bucketStart.Before(pts[j].bucketStart) })
	}
	names := make([]string, 0, len(nameSet))
	for n := range nameSet {
		names = append(names, n)
	}
	sort.Strings(names)
	return out, names
}

func esJSON(method, url string, in, out any) error {
	var body []byte
	if in != nil {
		var err error
		if body, err = json.Marshal(in); err != nil {
			return err
		}
	}
	return esRequest(method, url, "application/json", body, out)
}

func esRequest(method, url, contentType string, body []byte, out any) error {
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", contentType)
	}
	client := &http.Client{Timeout: 60 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("%s %s: HTTP %d: %.500s", method, url, resp.StatusCode, raw)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			return fmt.Errorf("%s %s: decoding answer: %w", method, url, err)
		}
	}
	return nil
}

func TestMain(m *testing.M) {
	code := m.Run()
	if esCleanup != nil && os.Getenv("HOSTTEST_KEEP_INDEX") == "" {
		esCleanup()
	}
	os.Exit(code)
}
