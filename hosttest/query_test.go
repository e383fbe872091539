package hosttest

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/grafana/dataplane/sdata/reader"
	"github.com/grafana/dataplane/sdata/timeseries"
	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"
	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
)

const (
	intervalMS    = int64(3600_000)
	maxDataPoints = int64(1000)
)

var wantStats = []string{"max", "min", "count"}

// A query as Grafana puts it into DataQuery.json: the frontend's target plus refId, datasource,
// intervalMs and maxDataPoints.
func dataQuery(refID, queryType string, model any) *pluginv2.DataQuery {
	var raw []byte
	switch v := model.(type) {
	case []byte:
		raw = v
	default:
		m := map[string]any{
			"refId":         refID,
			"datasource":    map[string]any{"type": pluginID, "uid": datasourceUID},
			"intervalMs":    intervalMS,
			"maxDataPoints": maxDataPoints,
		}
		for k, val := range v.(map[string]any) {
			m[k] = val
		}
		var err error
		if raw, err = json.Marshal(m); err != nil {
			panic(err)
		}
	}
	return &pluginv2.DataQuery{
		RefId:         refID,
		QueryType:     queryType,
		MaxDataPoints: maxDataPoints,
		IntervalMS:    intervalMS,
		TimeRange:     &pluginv2.TimeRange{FromEpochMS: dayFrom.UnixMilli(), ToEpochMS: dayTo.UnixMilli()},
		Json:          raw,
	}
}

var queryA = map[string]any{"queryType": "durations", "groupBy": []string{"workflow"}, "stats": wantStats}

// queryData sends the queries in one QueryDataRequest and decodes the answer with the SDK, exactly as
// Grafana does (a frame that does not decode fails the whole response).
func queryData(t *testing.T, p *pluginProcess, es *testData, queries ...*pluginv2.DataQuery) (*pluginv2.QueryDataResponse, *backend.QueryDataResponse) {
	t.Helper()
	return queryDataWith(t, p, esSettings(es.esURL, es.index), queries...)
}

// queryDataWith is queryData with the datasource's own jsonData (another index, an Argo Server).
func queryDataWith(t *testing.T, p *pluginProcess, settings map[string]any, queries ...*pluginv2.DataQuery) (*pluginv2.QueryDataResponse, *backend.QueryDataResponse) {
	t.Helper()
	started := time.Now()
	raw, err := p.data.QueryData(callContext(t), &pluginv2.QueryDataRequest{
		PluginContext: pluginContext(settings),
		Headers:       map[string]string{"http_X-Grafana-Org-Id": "1"},
		Queries:       queries,
	})
	if err != nil {
		t.Fatalf("QueryData returned a gRPC error (every refId fails in Grafana): %v", err)
	}
	t.Logf("QueryData answered in %v", time.Since(started).Round(time.Millisecond))
	resp, err := backend.FromProto().QueryDataResponse(raw)
	if err != nil {
		t.Fatalf("the SDK cannot decode the QueryData response (Grafana fails every refId): %v", err)
	}
	return raw, resp
}

// 3. QueryData with one good and three bad refIds against a real Elasticsearch.
func TestQueryData(t *testing.T) {
	t.Parallel()
	es := elasticsearch(t)
	p := startPlugin(t)

	raw, resp := queryData(t, p, es,
		dataQuery("A", "durations", queryA),
		dataQuery("B", "durations", map[string]any{"queryType": "durations", "stats": []string{"p150"}}),
		dataQuery("C", "noSuchQueryType", map[string]any{"queryType": "noSuchQueryType"}),
		dataQuery("D", "durations", []byte(`{"refId":"D","queryType":"durations","stats":["max",`)),
	)

	var refIDs []string
	for refID := range resp.Responses {
		refIDs = append(refIDs, refID)
	}
	sort.Strings(refIDs)
	if strings.Join(refIDs, ",") != "A,B,C,D" {
		t.Errorf("responses for refIds %v, want exactly A,B,C,D", refIDs)
	}
	for refID, r := range raw.Responses {
		t.Logf("refId %s: status %d, format %v, %d frame(s), errorSource %q, error %q", refID, r.Status, r.Format, len(r.Frames), r.ErrorSource, r.Error)
	}

	t.Run("A answers the expected series", func(t *testing.T) {
		a, ok := resp.Responses["A"]
		if !ok {
			t.Fatal("no response for A")
		}
		if a.Error != nil {
			t.Fatalf("A failed: %v", a.Error)
		}
		if a.Status != backend.StatusOK {
			t.Errorf("A status = %d, want 200", a.Status)
		}
		checkDurationFrames(t, a.Frames, es)
	})

	t.Run("A is dataplane timeseries-multi", func(t *testing.T) {
		a := resp.Responses["A"]
		if err := validateTimeseriesMulti(a.Frames); err != nil {
			t.Fatalf("dataplane check of A: %v", err)
		}
	})

	errorCases := []struct {
		refID string
		want  *regexp.Regexp
		about string
	}{
		{"B", regexp.MustCompile(`stats\[0\]`), "names the field stats[0]"},
		{"C", regexp.MustCompile(`queryType`), "names the field queryType"},
		{"D", regexp.MustCompile(`(?i)json.*(malformed|invalid|parse|syntax|unexpected|unterminated)|(malformed|invalid|parse|syntax|unexpected|unterminated).*json`), "says the query JSON is malformed"},
	}
	for _, c := range errorCases {
		t.Run(c.refID+" is an error that "+c.about, func(t *testing.T) {
			r, ok := resp.Responses[c.refID]
			if !ok {
				t.Fatalf("no response for %s", c.refID)
			}
			if r.Error == nil {
				t.Fatalf("%s has no error (%d frames)", c.refID, len(r.Frames))
			}
			if !c.want.MatchString(r.Error.Error()) {
				t.Errorf("%s error %q does not match %v", c.refID, r.Error.Error(), c.want)
			}
			if strings.Contains(r.Error.Error(), "    at ") {
				t.Errorf("%s error carries a stack trace: %q", c.refID, r.Error.Error())
			}
		})
	}
}

// checkDurationFrames compares A's frames point by point with what the test computed from its own documents.
func checkDurationFrames(t *testing.T, frames data.Frames, es *testData) {
	t.Helper()
	type key struct{ workflow, stat string }
	seen := map[key]bool{}
	for i, f := range frames {
		where := fmt.Sprintf("frame %d (name %q)", i, f.Name)
		if f.RefID != "A" {
			t.Errorf("%s: refId %q, want A", where, f.RefID)
		}
		if f.Meta == nil {
			t.Errorf("%s: no meta", where)
		} else {
			if f.Meta.Type != data.FrameTypeTimeSeriesMulti {
				t.Errorf("%s: meta.type %q, want %q", where, f.Meta.Type, data.FrameTypeTimeSeriesMulti)
			}
			if f.Meta.TypeVersion != (data.FrameTypeVersion{0, 1}) {
				t.Errorf("%s: meta.typeVersion %v, want [0,1]", where, f.Meta.TypeVersion)
			}
		}
		if len(f.Fields) != 2 {
			t.Errorf("%s: %d fields, want 2 (time, duration)", where, len(f.Fields))
			continue
		}
		tf, vf := f.Fields[0], f.Fields[1]
		if tf.Name != "time" || tf.Type() != data.FieldTypeTime {
			t.Errorf("%s: first field %q of type %v, want \"time\" of non-nullable type %v", where, tf.Name, tf.Type(), data.FieldTypeTime)
		}
		if vf.Name != "duration" {
			t.Errorf("%s: value field named %q, want \"duration\"", where, vf.Name)
		}
		labels := vf.Labels
		workflow, stat := labels["workflow"], labels["stat"]
		if len(labels) != 2 || workflow == "" || stat == "" {
			t.Errorf("%s: labels %v, want exactly workflow and stat", where, labels)
			continue
		}
		where = fmt.Sprintf("frame %d {workflow=%s, stat=%s}", i, workflow, stat)
		if stat == "count" {
			if !vf.Type().Numeric() {
				t.Errorf("%s: value type %v is not numeric", where, vf.Type())
			}
		} else if vf.Type() != data.FieldTypeNullableFloat64 {
			t.Errorf("%s: value type %v, want %v (seconds)", where, vf.Type(), data.FieldTypeNullableFloat64)
		}
		k := key{workflow, stat}
		if seen[k] {
			t.Errorf("%s: a second frame with the same labels", where)
		}
		seen[k] = true

		want, known := es.expected[workflow]
		if !known {
			t.Errorf("%s: workflow %q is not in the index", where, workflow)
			continue
		}
		if tf.Type() != data.FieldTypeTime {
			continue
		}
		if tf.Len() != len(want) {
			t.Errorf("%s: %d points, want %d (one per non-empty 1 h bucket)", where, tf.Len(), len(want))
		}
		for j := 0; j < tf.Len() && j < len(want); j++ {
			gotTime := tf.At(j).(time.Time)
			if !gotTime.Equal(want[j].bucketStart) {
				t.Errorf("%s point %d: time %s, want %s", where, j, gotTime.UTC().Format(time.RFC3339Nano), want[j].bucketStart.Format(time.RFC3339Nano))
				continue
			}
			gotValue, err := vf.NullableFloatAt(j)
			if err != nil {
				t.Errorf("%s point %d: %v", where, j, err)
				continue
			}
			var wantValue float64
			switch stat {
			case "max":
				wantValue = float64(want[j].maxMS) / 1000
			case "min":
				wantValue = float64(want[j].minMS) / 1000
			case "count":
				wantValue = float64(want[j].count)
			default:
				t.Errorf("%s: stat %q was not asked for", where, stat)
			}
			if gotValue == nil {
				t.Errorf("%s point %d (%s): null, want %v", where, j, gotTime.UTC().Format(time.RFC3339), wantValue)
			} else if *gotValue != wantValue {
				t.Errorf("%s point %d (%s): %v, want %v", where, j, gotTime.UTC().Format(time.RFC3339), *gotValue, wantValue)
			}
		}
	}
	for _, w := range es.names {
		for _, s := range wantStats {
			if !seen[key{w, s}] {
				t.Errorf("no frame for {workflow=%s, stat=%s}", w, s)
			}
		}
	}
	if want := len(es.names) * len(wantStats); len(frames) != want {
		t.Errorf("%d frames, want %d (one per workflow and stat)", len(frames), want)
	}
}

// validateTimeseriesMulti checks frames the way Grafana's server-side expressions read them: the
// dataplane reader must accept them as timeseries-multi 0.1 with data validation on, without
// warnings or ignored fields. Timestamps must also be strictly ascending (sdata itself only rejects
// descending ones).
func validateTimeseriesMulti(frames data.Frames) error {
	kind, err := reader.CanReadBasedOnMeta(frames)
	if err != nil {
		return fmt.Errorf("reader.CanReadBasedOnMeta: %w", err)
	}
	if kind != data.FrameTypeTimeSeriesMulti {
		return fmt.Errorf("reader.CanReadBasedOnMeta: kind %q, want %q", kind, data.FrameTypeTimeSeriesMulti)
	}
	cr, err := timeseries.CollectionReaderFromFrames(frames)
	if err != nil {
		return fmt.Errorf("timeseries.CollectionReaderFromFrames: %w", err)
	}
	if _, isMulti := cr.(*timeseries.MultiFrame); !isMulti {
		return fmt.Errorf("collection reader is %T, want *timeseries.MultiFrame", cr)
	}
	c, err := cr.GetCollection(true)
	if err != nil {
		return fmt.Errorf("GetCollection(validateData=true): %w", err)
	}
	if c.Warning != nil {
		return fmt.Errorf("GetCollection warning: %w", c.Warning)
	}
	if len(c.RemainderIndices) > 0 {
		return fmt.Errorf("GetCollection ignored fields: %+v", c.RemainderIndices)
	}
	if c.NoData() {
		return fmt.Errorf("GetCollection: no data")
	}
	if len(c.Refs) != len(frames) {
		return fmt.Errorf("GetCollection: %d series from %d frames", len(c.Refs), len(frames))
	}
	for i, ref := range c.Refs {
		for j := 1; j < ref.TimeField.Len(); j++ {
			prev, cur := ref.TimeField.At(j-1).(time.Time), ref.TimeField.At(j).(time.Time)
			if !cur.After(prev) {
				return fmt.Errorf("series %d (%v): time %s at %d does not follow %s", i, ref.GetLabels(), cur, j, prev)
			}
		}
	}
	return nil
}
