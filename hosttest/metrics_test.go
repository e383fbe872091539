package hosttest

import (
	"bytes"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	"github.com/prometheus/common/model"
)

// counterValue is the value of the family's sample whose labels include want (0 when none matches).
func counterValue(family *dto.MetricFamily, want map[string]string) float64 {
	for _, metric := range family.GetMetric() {
		labels := map[string]string{}
		for _, pair := range metric.GetLabel() {
			labels[pair.GetName()] = pair.GetValue()
		}
		matches := true
		for key, value := range want {
			matches = matches && labels[key] == value
		}
		if matches {
			return metric.GetCounter().GetValue()
		}
	}
	return 0
}

// 10. pluginv2.Diagnostics/CollectMetrics, as Grafana's /metrics/plugins/<id> calls it: after a query,
// a refused query and a resource call, the body is Prometheus text that Prometheus's own parser reads
// (classic metric names), every family is ours (argoperf_), and the counters count that work.
func TestCollectMetrics(t *testing.T) {
	t.Parallel()
	es := elasticsearch(t)
	p := startPlugin(t)

	queryData(t, p, es, dataQuery("A", "", queryA), dataQuery("B", "", map[string]any{"queryType": "no-such-type"}))
	if ans := callResource(t, p, es, "namespaces"); ans.code != 200 {
		t.Fatalf("GET namespaces: %d", ans.code)
	}

	res, err := p.diagnostics.CollectMetrics(callContext(t), &pluginv2.CollectMetricsRequest{PluginContext: pluginContext(esSettings(es.esURL, es.index))})
	if err != nil {
		t.Fatalf("CollectMetrics returned a gRPC error: %v", err)
	}
	body := res.GetMetrics().GetPrometheus()
	if len(body) == 0 {
		t.Fatal("CollectMetrics answered an empty body")
	}
	parser := expfmt.NewTextParser(model.LegacyValidation)
	families, err := parser.TextToMetricFamilies(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("the body is not valid Prometheus text: %v\n%.2000s", err, body)
	}
	for name := range families {
		if !strings.HasPrefix(name, "argoperf_") {
			t.Errorf("metric %s is not prefixed argoperf_", name)
		}
	}

	// Families with samples (no Argo Server is configured here: its family has none, and expfmt drops it).
	want := map[string]dto.MetricType{
		"argoperf_queries_total":                           dto.MetricType_COUNTER,
		"argoperf_queries_errors_total":                    dto.MetricType_COUNTER,
		"argoperf_queries_duration_seconds":                dto.MetricType_HISTOGRAM,
		"argoperf_resource_requests_total":                 dto.MetricType_COUNTER,
		"argoperf_resource_requests_duration_seconds":      dto.MetricType_HISTOGRAM,
		"argoperf_elasticsearch_requests_total":            dto.MetricType_COUNTER,
		"argoperf_elasticsearch_requests_duration_seconds": dto.MetricType_HISTOGRAM,
		"argoperf_process_resident_memory_bytes":           dto.MetricType_GAUGE,
		"argoperf_process_cpu_seconds_total":               dto.MetricType_COUNTER,
	}
	for name, kind := range want {
		family, ok := families[name]
		if !ok {
			t.Errorf("no metric %s", name)
			continue
		}
		if family.GetType() != kind {
			t.Errorf("%s is a %v, want %v", name, family.GetType(), kind)
		}
	}
	if t.Failed() {
		return
	}

	// This process answered exactly these: one durations query, one refused query, one namespaces list.
	checks := []struct {
		family string
		labels map[string]string
		want   float64
	}{
		{"argoperf_queries_total", map[string]string{"query_type": "durations"}, 1},
		{"argoperf_queries_total", map[string]string{"query_type": "invalid"}, 1},
		{"argoperf_queries_errors_total", map[string]string{"query_type": "invalid", "source": "plugin"}, 1},
		{"argoperf_queries_errors_total", map[string]string{"query_type": "durations"}, 0},
		{"argoperf_resource_requests_total", map[string]string{"resource": "namespaces"}, 1},
	}
	for _, c := range checks {
		if got := counterValue(families[c.family], c.labels); got != c.want {
			t.Errorf("%s%v = %v, want %v", c.family, c.labels, got, c.want)
		}
	}
	if got := counterValue(families["argoperf_elasticsearch_requests_total"], map[string]string{"operation": "search"}); got < 1 {
		t.Errorf("argoperf_elasticsearch_requests_total{operation=search} = %v, want at least 1", got)
	}
	if strings.Contains(string(body), "no-such-type") || strings.Contains(string(body), es.index) {
		t.Error("a label carries what the request held (query type as typed, or the index name)")
	}
}
