package hosttest

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
)

// The query benchmark from Grafana's side (docs/benchmarks.md, "Queries from Grafana's own client"):
// the small searches of `npm run bench:queries`, sent as Grafana sends them (go-plugin's gRPC client,
// the SDK's decoding of every answer), alternated with the very same searches sent straight to
// Elasticsearch by Go's net/http. Needs the benchmark's index (`npm run bench:queries` makes it):
//
//	PLUGIN_EXECUTABLE=dist/datasource/gpx_argoperf_workflows_linux_amd64 ES_URL=... \
//	  hosttest/run.sh -run '^$' -bench QueryData -benchtime 300x
//
// Reported per query: the medians of both sides (ms) and their ratio.

const benchIndex = "argoperf-bench-history-v2"

// The benchmark history's 30 days (backend/bench/benchHistory.ts).
var benchRange = &pluginv2.TimeRange{
	FromEpochMS: time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC).UnixMilli(),
	ToEpochMS:   time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC).UnixMilli(),
}

func median(values []time.Duration) float64 {
	sorted := append([]time.Duration(nil), values...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i] < sorted[j] })
	return float64(sorted[len(sorted)/2]) / float64(time.Millisecond)
}

func timed(call func()) time.Duration {
	started := time.Now()
	call()
	return time.Since(started)
}

func benchRequest(json string) *pluginv2.QueryDataRequest {
	esURL := os.Getenv("ES_URL")
	return &pluginv2.QueryDataRequest{
		PluginContext: pluginContext(esSettings(esURL, benchIndex)),
		Headers:       map[string]string{"http_X-Grafana-Org-Id": "1"},
		Queries: []*pluginv2.DataQuery{{
			RefId: "A", MaxDataPoints: maxDataPoints, IntervalMS: intervalMS, TimeRange: benchRange, Json: []byte(json),
		}},
	}
}

// queryOnce sends one QueryData and decodes it as Grafana does; it fails on any error in the answer.
func queryOnce(b *testing.B, p *pluginProcess, request *pluginv2.QueryDataRequest) backend.DataResponse {
	raw, err := p.data.QueryData(context.Background(), request)
	if err != nil {
		b.Fatalf("QueryData: %v", err)
	}
	resp, err := backend.FromProto().QueryDataResponse(raw)
	if err != nil {
		b.Fatalf("the SDK cannot decode the answer: %v", err)
	}
	return resp.Responses["A"]
}

// BenchmarkQueryDataFloor: a query refused before any search (malformed JSON): go-plugin's gRPC round
// trip and the handler, what every QueryData costs at least.
func BenchmarkQueryDataFloor(b *testing.B) {
	p := startPlugin(b)
	request := benchRequest("{")
	if answer := queryOnce(b, p, request); answer.Error == nil {
		b.Fatal("a malformed query was answered without an error")
	}
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		times = append(times, timed(func() { queryOnce(b, p, request) }))
	}
	b.ReportMetric(median(times), "ms-median")
}

// BenchmarkQueryDataSmallSearches: the searches of a few milliseconds, where the round trip weighs most.
func BenchmarkQueryDataSmallSearches(b *testing.B) {
	queries := []struct{ name, json string }{
		{"failure-reasons", `{"queryType":"outcomes","level":"node","view":"reasons","groupBy":["workflow"],"limit":50}`},
		{"baseline", `{"queryType":"baseline","stat":"p95","groupBy":["workflow"],"limit":200}`},
		{"runs", `{"queryType":"runs","limit":100}`},
	}
	p := startPlugin(b)
	esURL := os.Getenv("ES_URL")
	client := &http.Client{}
	for _, query := range queries {
		b.Run(query.name, func(b *testing.B) {
			request := benchRequest(query.json)
			answer := queryOnce(b, p, request)
			if answer.Error != nil || len(answer.Frames) == 0 || answer.Frames[0].Meta == nil {
				b.Fatalf("%s: no answer (%v); is the benchmark index there? npm run bench:queries makes it", query.name, answer.Error)
			}
			var searches []string // one body a line; "//" lines label rewritten searches
			for _, line := range strings.Split(answer.Frames[0].Meta.ExecutedQueryString, "\n") {
				if strings.TrimSpace(line) != "" && !strings.HasPrefix(line, "//") {
					searches = append(searches, line)
				}
			}
			direct := func() {
				for _, body := range searches {
					resp, err := client.Post(fmt.Sprintf("%s/%s/_search", esURL, benchIndex), "application/json", bytes.NewReader([]byte(body)))
					if err != nil {
						b.Fatal(err)
					}
					if _, err := io.ReadAll(resp.Body); err != nil {
						b.Fatal(err)
					}
					_ = resp.Body.Close()
					if resp.StatusCode != http.StatusOK {
						b.Fatalf("Elasticsearch answered %d to %s", resp.StatusCode, body)
					}
				}
			}
			direct()
			ours := make([]time.Duration, 0, b.N)
			alone := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				ours = append(ours, timed(func() { queryOnce(b, p, request) }))
				alone = append(alone, timed(direct))
			}
			b.ReportMetric(median(ours), "ms-backend")
			b.ReportMetric(median(alone), "ms-elasticsearch")
			b.ReportMetric(median(ours)/median(alone), "ratio")
		})
	}
}
