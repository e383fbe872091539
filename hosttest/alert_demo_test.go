package hosttest

import (
	"strconv"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// What the demo catalog (the demo helper's brief, docs/demo.md) says each rule must find: written from
// the catalog, not from running the rules.
type demoExpectation struct {
	refID  string // the node whose number is the instance's value
	labels data.Labels
	state  string
}

var demoExpectations = map[string][]demoExpectation{
	// daily-report starts 12-25 min late in the last 7 days and missed ticks, the most recent one too;
	// hourly-ingest starts within seconds and misses none.
	"argoperf-cron-late": {
		{"B", data.Labels{"namespace": "data-pipelines", "cron": "daily-report"}, "Alerting"},
		{"B", data.Labels{"namespace": "data-pipelines", "cron": "hourly-ingest"}, "Normal"},
	},
	"argoperf-cron-missed": {
		{"A", data.Labels{"namespace": "data-pipelines", "cron": "daily-report"}, "Alerting"},
		{"A", data.Labels{"namespace": "data-pipelines", "cron": "hourly-ingest"}, "Normal"},
	},
	// weekly-eval has had no success for 3 weeks (three periods); hourly-ingest is healthy.
	"argoperf-cron-no-success": {
		{"A", data.Labels{"namespace": "ml-training", "cron": "weekly-eval"}, "Alerting"},
		{"A", data.Labels{"namespace": "data-pipelines", "cron": "hourly-ingest"}, "Normal"},
	},
	// nightly-training's train step is slower than its baseline in the last 7 days.
	"argoperf-step-slower": {
		{"A", data.Labels{"namespace": "ml-training", "workflow": "nightly-training", "step": "train"}, "Alerting"},
	},
	// feature-etl fails above its baseline and above 10 % in the last day.
	"argoperf-failure-rate": {
		{"A", data.Labels{"namespace": "data-pipelines", "workflow": "feature-etl"}, "Alerting"},
	},
	// model-train's train step averages more than 8 cores and some runs use more than 28 GiB.
	"argoperf-step-cpu": {
		{"B", data.Labels{"namespace": "ml-training", "workflow": "model-train", "step": "train"}, "Alerting"},
	},
	"argoperf-step-memory": {
		{"B", data.Labels{"namespace": "ml-training", "workflow": "model-train", "step": "train"}, "Alerting"},
	},
}

// Every alert rule on our datasource, through the packaged executable with Grafana's alerting headers,
// against the demo history in Elasticsearch and the demo Argo Server: numeric data, one series per
// group, and the states the demo implies.
func TestAlertRulesOnTheDemo(t *testing.T) {
	argoURL, index := demoSources(t)
	es := esURL(t)
	settings := map[string]any{
		"elasticsearch": map[string]any{"url": es, "index": index},
		"argo":          map[string]any{"url": argoURL},
	}
	rules := readRules(t)
	p := startPlugin(t)
	now := time.Now()
	evaluated := map[string]evaluation{}
	for _, rule := range rules {
		ours := false
		for _, q := range rule.Data {
			ours = ours || q.DatasourceUID == "argo-workflows-performance"
		}
		if !ours {
			// The Prometheus rules: no Prometheus here; they are provisioned paused.
			if !rule.IsPaused {
				t.Errorf("%s reads no query of ours and is not paused", rule.UID)
			}
			continue
		}
		ev := evaluateRule(t, p, rule, settings, now)
		if ev.noData {
			t.Errorf("%s: a query answered no data at all on the demo history (the rule would be %s)", rule.UID, rule.NoDataState)
		}
		if len(ev.states) == 0 && !ev.noData {
			t.Errorf("%s: no alert instance", rule.UID)
		}
		t.Logf("%s: %d instance(s), alerting: %s", rule.UID, len(ev.states), alerting(ev))
		evaluated[rule.UID] = ev
	}
	for uid, wants := range demoExpectations {
		ev, ok := evaluated[uid]
		if !ok {
			t.Errorf("%s: no such rule on our datasource", uid)
			continue
		}
		for _, want := range wants {
			state, number := ev.instance(t, want.refID, want.labels)
			if state != want.state {
				value := "no instance"
				if number != nil {
					value = formatNumber(*number)
				}
				t.Errorf("%s {%s}: %s (value %s), want %s; %s: %s", uid, want.labels, orNone(state), value, want.state, want.refID, describe(ev, want.refID))
			}
		}
	}
	checkOverrun(t, evaluated["argoperf-run-overrun"])
	checkHistoryFresh(t, evaluated["argoperf-history-stale"], es, index, now)
}

// model-train has one run at about 3× its own p95 and one within it: exactly those two instances.
func checkOverrun(t *testing.T, ev evaluation) {
	t.Helper()
	var over, within int
	for _, v := range ev.vars["A"].values {
		if v.labels["template"] != "model-train" || v.number == nil {
			continue
		}
		switch state := ev.states[v.labels.String()]; {
		case state == "Alerting" && *v.number > 2 && *v.number < 4.5:
			over++
		case state == "Normal" && *v.number <= 1:
			within++
		default:
			t.Errorf("run-overrun: model-train run {%s} at %s × p95 is %s", v.labels, formatNumber(*v.number), state)
		}
	}
	if over != 1 || within != 1 {
		t.Errorf("run-overrun: model-train has %d run(s) past ~3× its p95 and %d within it, want 1 and 1; %s", over, within, describe(ev, "A"))
	}
}

func formatNumber(f float64) string { return strconv.FormatFloat(f, 'g', 4, 64) }

func orNone(state string) string {
	if state == "" {
		return "no instance"
	}
	return state
}

// alerting lists the firing instances with the value the annotations show (the node before the condition).
func alerting(ev evaluation) []string {
	var out []string
	for _, key := range sortedKeys(ev.states) {
		if ev.states[key] == "Alerting" {
			out = append(out, "{"+key+"}")
		}
	}
	return out
}
