package hosttest

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/data"
	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
)

// demoSources: DEMO_ARGO_URL (the demo Argo Server) and DEMO_INDEX (the index pattern of the demo
// history), set by scripts/test.sh after `collect demo --index-prefix ... --serve` (docs/demo.md).
func demoSources(t *testing.T) (argoURL, index string) {
	t.Helper()
	argoURL, index = os.Getenv("DEMO_ARGO_URL"), os.Getenv("DEMO_INDEX")
	if argoURL == "" || index == "" {
		t.Fatal("DEMO_ARGO_URL and DEMO_INDEX are not set: scripts/test.sh loads the demo (collect demo --serve) and sets them")
	}
	return argoURL, index
}

// What Grafana's alerting puts into every datasource request (pkg/services/ngalert/eval
// buildDatasourceHeaders): FromAlert keeps its spelling, X-Cache-Skip, the org and the rule's metadata.
func alertHeaders(rule alertRule) map[string]string {
	return map[string]string{
		"FromAlert":          "true",
		"X-Cache-Skip":       "true",
		"X-Grafana-Org-Id":   "1",
		"http_X-Rule-Uid":    rule.UID,
		"http_X-Rule-Name":   strings.ReplaceAll(rule.Title, " ", "+"),
		"http_X-Rule-Folder": "Argo+Workflows+Performance",
		"http_X-Rule-Type":   "alerting",
	}
}

// alertQuery is one datasource node as Grafana's expression service sends it: the model with
// intervalMs and maxDataPoints filled in by the alert query's defaults (1 s, 43200), the time range
// relative to now, and the query type of the alert query.
func alertQuery(t *testing.T, q ruleQuery, now time.Time) *pluginv2.DataQuery {
	t.Helper()
	model := map[string]any{"intervalMs": 1000.0, "maxDataPoints": 43200.0}
	for k, v := range q.Model {
		model[k] = v
	}
	raw, err := json.Marshal(model)
	if err != nil {
		t.Fatal(err)
	}
	return &pluginv2.DataQuery{
		RefId:         q.RefID,
		QueryType:     q.QueryType,
		MaxDataPoints: 43200,
		IntervalMS:    1000,
		TimeRange: &pluginv2.TimeRange{
			FromEpochMS: now.Add(-time.Duration(q.RelativeTimeRange.From) * time.Second).UnixMilli(),
			ToEpochMS:   now.Add(-time.Duration(q.RelativeTimeRange.To) * time.Second).UnixMilli(),
		},
		Json: raw,
	}
}

// evaluation is a rule evaluated once: each node's results and the states of its instances.
type evaluation struct {
	vars   map[string]results
	states map[string]string
	noData bool
}

// evaluateRule sends each of the rule's datasource queries in a request of its own (as Grafana's DSNode
// does), checks the answer, then runs the expressions in order.
func evaluateRule(t *testing.T, p *pluginProcess, rule alertRule, settings map[string]any, now time.Time) evaluation {
	t.Helper()
	ev := evaluation{vars: map[string]results{}}
	for _, q := range rule.Data {
		if q.DatasourceUID == expressionUID {
			continue
		}
		raw, err := p.data.QueryData(callContext(t), &pluginv2.QueryDataRequest{
			PluginContext: pluginContext(settings),
			Headers:       alertHeaders(rule),
			Queries:       []*pluginv2.DataQuery{alertQuery(t, q, now)},
		})
		if err != nil {
			t.Fatalf("%s %s: QueryData returned a gRPC error: %v", rule.UID, q.RefID, err)
		}
		resp, err := backend.FromProto().QueryDataResponse(raw)
		if err != nil {
			t.Fatalf("%s %s: the SDK cannot decode the answer: %v", rule.UID, q.RefID, err)
		}
		answer := resp.Responses[q.RefID]
		if answer.Error != nil {
			t.Fatalf("%s %s: the query failed (the rule would be in Error): %v", rule.UID, q.RefID, answer.Error)
		}
		res, err := fromFrames(answer.Frames)
		if err != nil {
			t.Fatalf("%s %s: Grafana's expressions cannot read the answer: %v", rule.UID, q.RefID, err)
		}
		checkOneSeriesPerGroup(t, rule.UID+" "+q.RefID, answer.Frames, res)
		ev.vars[q.RefID] = res
		ev.noData = ev.noData || res.noData
	}
	for _, q := range rule.Data {
		if q.DatasourceUID != expressionUID {
			continue
		}
		res, err := evaluate(q.Model, ev.vars)
		if err != nil {
			t.Fatalf("%s %s: %v", rule.UID, q.RefID, err)
		}
		ev.vars[q.RefID] = res
	}
	ev.states = instanceStates(ev.vars[rule.Condition])
	return ev
}

// checkOneSeriesPerGroup: numeric data, and no two series or numbers with the same labels (Grafana
// refuses an evaluation whose instances cannot be told apart by their labels).
func checkOneSeriesPerGroup(t *testing.T, what string, frames data.Frames, res results) {
	t.Helper()
	seen := map[string]bool{}
	for _, v := range res.values {
		key := v.labels.String()
		if seen[key] {
			t.Errorf("%s: two series with labels {%s}", what, key)
		}
		seen[key] = true
		if !v.isSeries && v.number == nil {
			continue // a null number: No Data for that instance, which the rule's noDataState decides
		}
	}
	for _, f := range frames {
		for _, field := range f.Fields {
			if field.Type() != data.FieldTypeTime && field.Type() != data.FieldTypeNullableTime && !field.Type().Numeric() {
				t.Errorf("%s: field %q is %s, not a number", what, field.Name, field.Type())
			}
		}
	}
}

// instance finds the state and number of the instance whose labels include all of want.
func (ev evaluation) instance(t *testing.T, refID string, want data.Labels) (string, *float64) {
	t.Helper()
	for _, v := range ev.vars[refID].values {
		match := true
		for k, val := range want {
			if v.labels[k] != val {
				match = false
			}
		}
		if match {
			return ev.states[v.labels.String()], v.number
		}
	}
	return "", nil
}

func describe(ev evaluation, refID string) string {
	var lines []string
	for _, v := range ev.vars[refID].values {
		n := "null"
		if v.number != nil {
			n = fmt.Sprintf("%.3f", *v.number)
		}
		lines = append(lines, fmt.Sprintf("{%s} %s", v.labels, n))
	}
	return strings.Join(lines, "; ")
}
