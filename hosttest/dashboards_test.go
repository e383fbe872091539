package hosttest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"
	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
)

// panelRequest is one panel's queries as Grafana would send them
// (src/dashboards/hostcheck/writeQueryRequests.ts writes them for every bundled dashboard).
type panelRequest struct {
	Dashboard     string            `json:"dashboard"`
	UID           string            `json:"uid"`
	Panel         string            `json:"panel"`
	FromMs        int64             `json:"fromMs"`
	ToMs          int64             `json:"toMs"`
	IntervalMs    int64             `json:"intervalMs"`
	MaxDataPoints int64             `json:"maxDataPoints"`
	Queries       []json.RawMessage `json:"queries"`
}

// demoSetup is what scripts/test.sh prepares for this check: the requests file, the demo history's index
// pattern in ES_URL's Elasticsearch and the demo Argo Server serving the same history.
func demoSetup(t *testing.T) (requests []panelRequest, index, argoURL string) {
	t.Helper()
	path, index, argoURL := os.Getenv("DASHBOARD_REQUESTS"), os.Getenv("DEMO_ES_INDEX"), os.Getenv("DEMO_ARGO_URL")
	if path == "" || index == "" || argoURL == "" {
		t.Fatal("DASHBOARD_REQUESTS, DEMO_ES_INDEX and DEMO_ARGO_URL must be set: scripts/test.sh loads the demo " +
			"(collect demo --serve) and writes the requests (src/dashboards/hostcheck/writeQueryRequests.ts)")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("DASHBOARD_REQUESTS: %v", err)
	}
	if err := json.Unmarshal(raw, &requests); err != nil {
		t.Fatalf("DASHBOARD_REQUESTS %s: %v", path, err)
	}
	if len(requests) == 0 {
		t.Fatalf("DASHBOARD_REQUESTS %s holds no panel", path)
	}
	return requests, index, argoURL
}

// Every panel of every bundled dashboard, with the variables at demo values and the time range and
// interval Grafana would send, through the packaged executable against the demo history: each refId
// answers without error and with data (at least one frame with a row).
func TestBundledDashboardsAgainstTheDemo(t *testing.T) {
	requests, index, argoURL := demoSetup(t)
	checkShippedDashboards(t, requests)
	p := startPlugin(t)
	settings := map[string]any{
		"elasticsearch": map[string]any{"url": esURL(t), "index": index},
		"argo":          map[string]any{"url": argoURL},
	}
	for _, request := range requests {
		request := request
		t.Run(request.Dashboard+"/"+request.Panel, func(t *testing.T) {
			queries := make([]*pluginv2.DataQuery, 0, len(request.Queries))
			for _, raw := range request.Queries {
				var head struct {
					RefID     string `json:"refId"`
					QueryType string `json:"queryType"`
				}
				if err := json.Unmarshal(raw, &head); err != nil {
					t.Fatalf("query %s: %v", raw, err)
				}
				// Grafana puts the datasource's own uid where the dashboard says ${datasource}.
				withUID := strings.Replace(string(raw), `"uid":"${datasource}"`, `"uid":"`+datasourceUID+`"`, 1)
				queries = append(queries, &pluginv2.DataQuery{
					RefId:         head.RefID,
					QueryType:     head.QueryType,
					MaxDataPoints: request.MaxDataPoints,
					IntervalMS:    request.IntervalMs,
					TimeRange:     &pluginv2.TimeRange{FromEpochMS: request.FromMs, ToEpochMS: request.ToMs},
					Json:          []byte(withUID),
				})
			}
			raw, err := p.data.QueryData(callContext(t), &pluginv2.QueryDataRequest{
				PluginContext: pluginContext(settings),
				Headers:       map[string]string{"http_X-Grafana-Org-Id": "1"},
				Queries:       queries,
			})
			if err != nil {
				t.Fatalf("QueryData returned a gRPC error: %v", err)
			}
			resp, err := backend.FromProto().QueryDataResponse(raw)
			if err != nil {
				t.Fatalf("the SDK cannot decode the answer: %v", err)
			}
			for _, q := range queries {
				r, ok := resp.Responses[q.RefId]
				switch {
				case !ok:
					t.Errorf("%s: no answer", q.RefId)
				case r.Error != nil:
					t.Errorf("%s (%s): error %v\nquery: %s", q.RefId, q.QueryType, r.Error, q.Json)
				case !hasRows(r.Frames):
					t.Errorf("%s (%s): %d frame(s), none with data%s\nquery: %s", q.RefId, q.QueryType, len(r.Frames), notices(r.Frames), q.Json)
				default:
					t.Logf("%s (%s): %d frame(s), %d row(s)", q.RefId, q.QueryType, len(r.Frames), rows(r.Frames))
				}
			}
		})
	}
}

func rows(frames data.Frames) int {
	n := 0
	for _, f := range frames {
		if len(f.Fields) > 0 {
			n += f.Fields[0].Len()
		}
	}
	return n
}

func hasRows(frames data.Frames) bool { return rows(frames) > 0 }

func notices(frames data.Frames) string {
	var texts []string
	for _, f := range frames {
		if f.Meta != nil {
			for _, n := range f.Meta.Notices {
				texts = append(texts, n.Text)
			}
		}
	}
	if len(texts) == 0 {
		return ""
	}
	return "; notices: " + strings.Join(texts, " | ")
}

// The dashboards the build ships (dist/dashboards beside the executable's folder) are the ones checked.
func checkShippedDashboards(t *testing.T, requests []panelRequest) {
	t.Helper()
	dir := filepath.Join(filepath.Dir(filepath.Dir(pluginExecutable(t))), "dashboards")
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no dashboards in %s (the build copies dashboards/ there): %v", dir, err)
	}
	var shipped, checked []string
	for _, file := range files {
		shipped = append(shipped, strings.TrimSuffix(filepath.Base(file), ".json"))
	}
	seen := map[string]bool{}
	for _, r := range requests {
		if !seen[r.Dashboard] {
			seen[r.Dashboard] = true
			checked = append(checked, r.Dashboard)
		}
	}
	sort.Strings(shipped)
	sort.Strings(checked)
	if strings.Join(shipped, ",") != strings.Join(checked, ",") {
		t.Errorf("dist ships dashboards %v but the requests cover %v: rebuild (npm run build) or regenerate the requests", shipped, checked)
	}
}
