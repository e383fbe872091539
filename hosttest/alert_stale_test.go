package hosttest

import (
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// The demo catalog's namespaces (the demo helper's brief): the history-stale rule answers one instance each.
var demoNamespaces = []string{"ml-training", "data-pipelines"}

// newestCollected asks Elasticsearch for the newest run document of a namespace (sorted by collected_at,
// one hit): how the rule's number is checked, apart from the plugin's aggregation.
func newestCollected(t *testing.T, es, index, namespace string) time.Time {
	t.Helper()
	var found struct {
		Hits struct {
			Hits []struct {
				Source struct {
					CollectedAt time.Time `json:"collected_at"`
				} `json:"_source"`
			} `json:"hits"`
		} `json:"hits"`
	}
	query := map[string]any{
		"size":    1,
		"_source": []string{"collected_at"},
		"sort":    []any{map[string]any{"collected_at": "desc"}},
		"query": map[string]any{"bool": map[string]any{"filter": []any{
			map[string]any{"term": map[string]any{"doc_kind": "workflow"}},
			map[string]any{"term": map[string]any{"namespace": namespace}},
		}}},
	}
	if err := esJSON("POST", es+"/"+index+"/_search", query, &found); err != nil {
		t.Fatalf("reading the newest document of %s: %v", namespace, err)
	}
	if len(found.Hits.Hits) == 0 {
		t.Fatalf("the demo history has no run document in namespace %s", namespace)
	}
	return found.Hits.Hits[0].Source.CollectedAt
}

// The collector's state index the datasource reads when its settings name none (the collector's and the
// demo's --state-index default).
const defaultStateIndex = "argoperf-collector-state"

// newestUpdate is a namespace's last update as the rule sees it: its newest run document, or the newest
// sync checkpoint (the heartbeat the demo writes at its end and at every advance) of the index's
// collector prefix, whichever is newer.
func newestUpdate(t *testing.T, es, index, namespace string) time.Time {
	t.Helper()
	newest := newestCollected(t, es, index, namespace)
	var found struct {
		Aggregations struct {
			Synced struct {
				Value *float64 `json:"value"`
			} `json:"synced"`
		} `json:"aggregations"`
	}
	query := map[string]any{
		"size": 0,
		"query": map[string]any{"bool": map[string]any{"filter": []any{
			map[string]any{"term": map[string]any{"kind": "sync"}},
			map[string]any{"term": map[string]any{"index_prefix": strings.TrimSuffix(index, "-*")}},
			map[string]any{"terms": map[string]any{"namespace": []string{namespace, ""}}},
		}}},
		"aggs": map[string]any{"synced": map[string]any{"max": map[string]any{"field": "updated_at"}}},
	}
	if err := esJSON("POST", es+"/"+defaultStateIndex+"/_search?ignore_unavailable=true", query, &found); err != nil {
		t.Fatalf("reading the heartbeat of %s: %v", namespace, err)
	}
	if beat := found.Aggregations.Synced.Value; beat != nil && time.UnixMilli(int64(*beat)).After(newest) {
		return time.UnixMilli(int64(*beat))
	}
	return newest
}

// checkAges: every wanted namespace has an instance whose number is the age (seconds, to the millisecond)
// from its last update (newest document, or the collector's sync round when newer) to the evaluation
// time, and the state a 30-minute threshold gives that age.
func checkAges(t *testing.T, what string, ev evaluation, at time.Time, updated map[string]time.Time) {
	t.Helper()
	for namespace, collected := range updated {
		age := float64(at.UnixMilli()-collected.UnixMilli()) / 1000
		want := "Normal"
		if age > 1800 {
			want = "Alerting"
		}
		state, number := ev.instance(t, "A", data.Labels{"namespace": namespace})
		if number == nil || math.Abs(*number-age) > 0.001 {
			t.Errorf("%s {namespace=%s}: age %v, want %s s (updated %s); A: %s", what, namespace, number, formatNumber(age), collected.Format(time.RFC3339Nano), describe(ev, "A"))
		}
		if state != want {
			t.Errorf("%s {namespace=%s}: %s at age %s s, want %s", what, namespace, orNone(state), formatNumber(age), want)
		}
	}
}

// On the demo, loaded with collected_at = its end = the time it was loaded, and its heartbeat moved at
// every advance: no namespace is stale.
func checkHistoryFresh(t *testing.T, ev evaluation, es, index string, now time.Time) {
	t.Helper()
	newest := map[string]time.Time{}
	for _, namespace := range demoNamespaces {
		newest[namespace] = newestUpdate(t, es, index, namespace)
		if now.Sub(newest[namespace]) > 30*time.Minute {
			t.Fatalf("the demo history in %s was written at %s, more than 30 minutes ago: load it again (scripts/test.sh does)", index, newest[namespace].Format(time.RFC3339))
		}
	}
	if len(ev.states) != len(demoNamespaces) {
		t.Errorf("history-stale: %d instance(s), want one per demo namespace %v: %s", len(ev.states), demoNamespaces, describe(ev, "A"))
	}
	checkAges(t, "history-stale on the demo", ev, now, newest)
}

// The rule fires per namespace: evaluated two hours after the demo's end (as if its collector had stopped
// then), every namespace is stale; and in indices of its own where one namespace was last written two
// hours ago, another five minutes ago, and a quiet one two hours ago but its collector's sync checkpoint
// (the heartbeat) five minutes ago, only the first fires.
func TestAlertHistoryStaleFires(t *testing.T) {
	argoURL, index := demoSources(t)
	es := esURL(t)
	rule := ruleByUID(t, "argoperf-history-stale")
	p := startPlugin(t)

	settings := map[string]any{"elasticsearch": map[string]any{"url": es, "index": index}, "argo": map[string]any{"url": argoURL}}
	later := time.Now().Add(2 * time.Hour)
	newest := map[string]time.Time{}
	for _, namespace := range demoNamespaces {
		newest[namespace] = newestUpdate(t, es, index, namespace)
	}
	ev := evaluateRule(t, p, rule, settings, later)
	checkAges(t, "history-stale 2 h after the demo", ev, later, newest)
	for namespace := range newest {
		if state, _ := ev.instance(t, "A", data.Labels{"namespace": namespace}); state != "Alerting" {
			t.Errorf("history-stale 2 h after the demo: {namespace=%s} is %s, want Alerting", namespace, orNone(state))
		}
	}

	now := time.Now().Truncate(time.Millisecond)
	// The collector's index prefix is `own`: the datasource reads own-* and the checkpoint names own.
	own := fmt.Sprintf("argoperf-hosttest-stale-%d", os.Getpid())
	state := fmt.Sprintf("argoperf-hosttest-state-%d", os.Getpid())
	written := map[string]time.Time{
		"collector-stopped": now.Add(-2 * time.Hour), "collector-running": now.Add(-5 * time.Minute), "collector-quiet": now.Add(-2 * time.Hour),
	}
	writeStaleIndex(t, es, own+"-data", written)
	synced := map[string]time.Time{"collector-quiet": now.Add(-5 * time.Minute), "collector-stopped": now.Add(-3 * time.Hour)}
	writeSyncCheckpoints(t, es, state, own, synced)
	updated := map[string]time.Time{}
	for namespace, at := range written {
		updated[namespace] = at
		if beat, ok := synced[namespace]; ok && beat.After(at) {
			updated[namespace] = beat
		}
	}
	settings = map[string]any{"elasticsearch": map[string]any{"url": es, "index": own + "-*", "stateIndex": state}}
	ev = evaluateRule(t, p, rule, settings, now)
	if len(ev.states) != len(written) {
		t.Errorf("history-stale on %s: %d instance(s), want %d: %s", own, len(ev.states), len(written), describe(ev, "A"))
	}
	checkAges(t, "history-stale on "+own, ev, now, updated)
	wantStates := map[string]string{"collector-stopped": "Alerting", "collector-running": "Normal", "collector-quiet": "Normal"}
	for namespace, want := range wantStates {
		if got, _ := ev.instance(t, "A", data.Labels{"namespace": namespace}); got != want {
			t.Errorf("history-stale on %s: {namespace=%s} is %s, want %s", own, namespace, orNone(got), want)
		}
	}
}

// writeSyncCheckpoints creates a state index (deleted when the test ends) with the collector's mapping of
// the fields the datasource reads, and a sync checkpoint per namespace updated at the given time.
func writeSyncCheckpoints(t *testing.T, es, index, prefix string, updated map[string]time.Time) {
	t.Helper()
	keyword := map[string]any{"type": "keyword"}
	date := map[string]any{"type": "date"}
	mapping := map[string]any{"mappings": map[string]any{"dynamic": false, "properties": map[string]any{
		"kind": keyword, "argo_url": keyword, "namespace": keyword, "index_prefix": keyword, "watermark": date, "updated_at": date,
	}}}
	if err := esJSON("PUT", es+"/"+index, mapping, nil); err != nil {
		t.Fatalf("creating %s: %v", index, err)
	}
	t.Cleanup(func() { _ = esJSON("DELETE", es+"/"+index, nil, nil) })
	for namespace, at := range updated {
		doc := map[string]any{
			"kind": "sync", "argo_url": "https://argo-server.argo:2746", "namespace": namespace, "index_prefix": prefix,
			"watermark": at.Format(time.RFC3339Nano), "updated_at": at.Format(time.RFC3339Nano),
		}
		if err := esJSON("PUT", fmt.Sprintf("%s/%s/_doc/sync-%s?refresh=true", es, index, namespace), doc, nil); err != nil {
			t.Fatalf("indexing into %s: %v", index, err)
		}
	}
}

// writeStaleIndex creates an index (deleted when the test ends) with the fields the rule reads and, per
// namespace, three run documents: the newest collected at the given time, the others an hour and a day before.
func writeStaleIndex(t *testing.T, es, index string, newest map[string]time.Time) {
	t.Helper()
	mapping := map[string]any{"mappings": map[string]any{"dynamic": "strict", "properties": map[string]any{
		"doc_kind": map[string]any{"type": "keyword"}, "namespace": map[string]any{"type": "keyword"},
		"@timestamp": map[string]any{"type": "date"}, "collected_at": map[string]any{"type": "date"},
	}}}
	if err := esJSON("PUT", es+"/"+index, mapping, nil); err != nil {
		t.Fatalf("creating %s: %v", index, err)
	}
	t.Cleanup(func() { _ = esJSON("DELETE", es+"/"+index, nil, nil) })
	for namespace, at := range newest {
		for i, back := range []time.Duration{0, time.Hour, 24 * time.Hour} {
			doc := map[string]any{
				"doc_kind": "workflow", "namespace": namespace,
				"@timestamp": at.Add(-back - 10*time.Minute).Format(time.RFC3339Nano), "collected_at": at.Add(-back).Format(time.RFC3339Nano),
			}
			if err := esJSON("PUT", fmt.Sprintf("%s/%s/_doc/%s-%d?refresh=true", es, index, namespace, i), doc, nil); err != nil {
				t.Fatalf("indexing into %s: %v", index, err)
			}
		}
	}
}

func ruleByUID(t *testing.T, uid string) alertRule {
	t.Helper()
	for _, rule := range readRules(t) {
		if rule.UID == uid {
			return rule
		}
	}
	t.Fatalf("no alert rule %s in the provisioning file", uid)
	return alertRule{}
}
