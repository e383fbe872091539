package hosttest

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"
	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
)

// argoDouble is the Argo Server test double that scripts/test.sh starts for this run
// (backend/test/argoServer/serveDouble.ts): ARGO_DOUBLE="<url> <end of its history in epoch ms>".
func argoDouble(t *testing.T) (string, time.Time) {
	t.Helper()
	parts := strings.Fields(os.Getenv("ARGO_DOUBLE"))
	if len(parts) != 2 {
		t.Fatal("ARGO_DOUBLE is not set: scripts/test.sh starts the Argo Server test double and sets it")
	}
	end, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil {
		t.Fatalf("ARGO_DOUBLE: %v", err)
	}
	return parts[0], time.UnixMilli(end)
}

// The query types read from the Argo Server, through the packaged executable as Grafana calls it,
// against the double: each refId answers frames of its kind that pass the dataplane checks.
func TestArgoQueriesThroughTheHost(t *testing.T) {
	t.Parallel()
	url, end := argoDouble(t)
	p := startPlugin(t)
	from := end.Add(-24 * time.Hour)
	query := func(refID string, model map[string]any) *pluginv2.DataQuery {
		q := dataQuery(refID, model["queryType"].(string), model)
		q.TimeRange = &pluginv2.TimeRange{FromEpochMS: from.UnixMilli(), ToEpochMS: end.UnixMilli()}
		return q
	}
	raw, err := p.data.QueryData(callContext(t), &pluginv2.QueryDataRequest{
		PluginContext: pluginContext(map[string]any{"argo": map[string]any{"url": url}}),
		Headers:       map[string]string{"http_X-Grafana-Org-Id": "1"},
		Queries: []*pluginv2.DataQuery{
			query("A", map[string]any{"queryType": "durations", "source": "argo", "groupBy": []string{"namespace"}, "stats": []string{"p95", "count"}}),
			query("B", map[string]any{"queryType": "cronDrift", "view": "missed"}),
			query("C", map[string]any{"queryType": "cronDrift", "view": "delay"}),
			query("D", map[string]any{"queryType": "live", "view": "overrun", "against": "estimate"}),
			query("E", map[string]any{"queryType": "runs", "source": "argo", "limit": 10, "baselineDays": 2}),
		},
	})
	if err != nil {
		t.Fatalf("QueryData returned a gRPC error: %v", err)
	}
	resp, err := backend.FromProto().QueryDataResponse(raw)
	if err != nil {
		t.Fatalf("the SDK cannot decode the QueryData response: %v", err)
	}
	kinds := map[string]data.FrameType{
		"A": data.FrameTypeTimeSeriesMulti,
		"B": data.FrameTypeNumericMulti,
		"C": data.FrameTypeTimeSeriesMulti,
		"D": data.FrameTypeNumericMulti,
		"E": data.FrameTypeTable,
	}
	for refID, kind := range kinds {
		r, ok := resp.Responses[refID]
		if !ok || r.Error != nil {
			t.Errorf("%s: no answer or an error: %v", refID, r.Error)
			continue
		}
		if len(r.Frames) == 0 || len(r.Frames[0].Fields) == 0 {
			t.Errorf("%s: no data; the double's history should give some", refID)
			continue
		}
		for _, f := range r.Frames {
			if f.Meta == nil || f.Meta.Type != kind {
				t.Errorf("%s: frame type %v, want %s", refID, f.Meta, kind)
			}
		}
		switch kind {
		case data.FrameTypeTimeSeriesMulti:
			if err := validateTimeseriesMulti(r.Frames); err != nil {
				t.Errorf("%s: dataplane check: %v", refID, err)
			}
		case data.FrameTypeNumericMulti:
			if err := validateNumericMulti(r.Frames); err != nil {
				t.Errorf("%s: dataplane numeric check: %v", refID, err)
			}
			if refID == "B" {
				// The double's rejected-cron has no tick to count: null, not 0.
				checkNullNumbers(t, r.Frames, "rejected-cron")
			}
		}
	}
}
