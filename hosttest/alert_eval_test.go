package hosttest

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/grafana/dataplane/sdata/numeric"
	"github.com/grafana/dataplane/sdata/timeseries"
	"github.com/grafana/grafana-plugin-sdk-go/data"
	"go.yaml.in/yaml/v3"
)

// The provisioned alert rules, read as Grafana's file provisioning reads them (AlertRuleGroupV1 etc.),
// and a small evaluator of Grafana's server-side expressions the rules use: reduce, threshold and a
// math expression of comparisons joined by &&. It mirrors pkg/expr: a reduce of a series in mode dropNN
// drops null and NaN first; an empty series reduces to NaN; a threshold gives 1 or 0 (a NaN compares
// false), nil stays nil (No Data for that instance); binary operations join numbers with equal labels.

type rulesFile struct {
	APIVersion int `yaml:"apiVersion"`
	Groups     []struct {
		Name     string      `yaml:"name"`
		Folder   string      `yaml:"folder"`
		Interval string      `yaml:"interval"`
		Rules    []alertRule `yaml:"rules"`
	} `yaml:"groups"`
}

type alertRule struct {
	UID         string      `yaml:"uid"`
	Title       string      `yaml:"title"`
	Condition   string      `yaml:"condition"`
	Data        []ruleQuery `yaml:"data"`
	NoDataState string      `yaml:"noDataState"`
	IsPaused    bool        `yaml:"isPaused"`
}

type ruleQuery struct {
	RefID             string `yaml:"refId"`
	QueryType         string `yaml:"queryType"`
	DatasourceUID     string `yaml:"datasourceUid"`
	RelativeTimeRange struct {
		From int64 `yaml:"from"`
		To   int64 `yaml:"to"`
	} `yaml:"relativeTimeRange"`
	Model map[string]any `yaml:"model"`
}

const expressionUID = "__expr__"

func readRules(t *testing.T) []alertRule {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "provisioning", "alerting", "argo-workflows-performance.yaml"))
	if err != nil {
		t.Fatalf("reading the alert rules: %v", err)
	}
	var file rulesFile
	if err := yaml.Unmarshal(raw, &file); err != nil {
		t.Fatalf("the alert rules are not YAML Grafana can read: %v", err)
	}
	if file.APIVersion != 1 || len(file.Groups) == 0 {
		t.Fatalf("apiVersion %d, %d groups: want apiVersion 1 and groups", file.APIVersion, len(file.Groups))
	}
	var rules []alertRule
	for _, g := range file.Groups {
		rules = append(rules, g.Rules...)
	}
	return rules
}

// value is one number (a reduced series or a numeric-multi frame) or one series, with its labels.
type value struct {
	labels   data.Labels
	number   *float64
	series   []*float64 // nil for a number
	isSeries bool
}

// results holds a node's values; noData marks a datasource answer without any series or number.
type results struct {
	values []value
	noData bool
}

// fromFrames reads a datasource answer with the dataplane readers Grafana's expressions use.
func fromFrames(frames data.Frames) (results, error) {
	if len(frames) == 0 || frames[0].Meta == nil {
		return results{}, fmt.Errorf("no frames or no frame type")
	}
	switch frames[0].Meta.Type {
	case data.FrameTypeNumericMulti:
		reader, err := numeric.CollectionReaderFromFrames(frames)
		if err != nil {
			return results{}, err
		}
		c, err := reader.GetCollection(false)
		if err != nil {
			return results{}, err
		}
		if c.NoData() {
			return results{noData: true}, nil
		}
		var out results
		for _, ref := range c.Refs {
			f, _, err := ref.NullableFloat64Value()
			if err != nil {
				return results{}, err
			}
			out.values = append(out.values, value{labels: ref.GetLabels(), number: f})
		}
		return out, nil
	case data.FrameTypeTimeSeriesMulti:
		reader, err := timeseries.CollectionReaderFromFrames(frames)
		if err != nil {
			return results{}, err
		}
		c, err := reader.GetCollection(true)
		if err != nil {
			return results{}, err
		}
		if c.NoData() {
			return results{noData: true}, nil
		}
		var out results
		for _, ref := range c.Refs {
			v := value{labels: ref.GetLabels(), isSeries: true}
			for i := 0; i < ref.ValueField.Len(); i++ {
				f, err := ref.ValueField.NullableFloatAt(i)
				if err != nil {
					return results{}, err
				}
				v.series = append(v.series, f)
			}
			out.values = append(out.values, v)
		}
		return out, nil
	default:
		return results{}, fmt.Errorf("frame type %s cannot be alerted on", frames[0].Meta.Type)
	}
}

func nan() *float64 { f := math.NaN(); return &f }

func reduceSeries(points []*float64, reducer, mode string) (*float64, error) {
	kept := points
	if mode == "dropNN" {
		kept = nil
		for _, p := range points {
			if p != nil && !math.IsNaN(*p) {
				kept = append(kept, p)
			}
		}
	}
	if reducer == "count" {
		n := float64(len(kept))
		return &n, nil
	}
	if len(kept) == 0 {
		return nan(), nil
	}
	if reducer == "last" {
		return kept[len(kept)-1], nil
	}
	var acc float64
	for i, p := range kept {
		if p == nil || math.IsNaN(*p) {
			return nan(), nil // strict mode: one null makes the answer NaN
		}
		switch {
		case reducer == "sum" || reducer == "mean":
			acc += *p
		case reducer == "max" && (i == 0 || *p > acc), reducer == "min" && (i == 0 || *p < acc):
			acc = *p
		case reducer == "max" || reducer == "min":
		default:
			return nil, fmt.Errorf("reducer %q is not one this check knows", reducer)
		}
	}
	if reducer == "mean" {
		acc /= float64(len(kept))
	}
	return &acc, nil
}

func compare(op string, a, b float64) float64 {
	var ok bool
	switch op {
	case "gt", ">":
		ok = a > b
	case "lt", "<":
		ok = a < b
	}
	if ok {
		return 1
	}
	return 0
}

var comparison = regexp.MustCompile(`^\$([A-Z])\s*([<>])\s*(\$([A-Z])|[0-9.]+)$`)

// evaluate runs one expression node of a rule over the results of the nodes before it.
func evaluate(model map[string]any, vars map[string]results) (results, error) {
	switch model["type"] {
	case "reduce":
		in := vars[model["expression"].(string)]
		if in.noData {
			return in, nil
		}
		settings, _ := model["settings"].(map[string]any)
		mode, _ := settings["mode"].(string)
		var out results
		for _, v := range in.values {
			n := v.number
			if v.isSeries {
				var err error
				if n, err = reduceSeries(v.series, model["reducer"].(string), mode); err != nil {
					return results{}, err
				}
			}
			out.values = append(out.values, value{labels: v.labels, number: n})
		}
		return out, nil
	case "threshold":
		in := vars[model["expression"].(string)]
		if in.noData {
			return in, nil
		}
		cond := model["conditions"].([]any)[0].(map[string]any)["evaluator"].(map[string]any)
		op := cond["type"].(string)
		limit := toFloat(cond["params"].([]any)[0])
		var out results
		for _, v := range in.values {
			if v.isSeries {
				return results{}, fmt.Errorf("threshold over a series: the rule must reduce first")
			}
			var n *float64
			if v.number != nil {
				f := compare(op, *v.number, limit)
				n = &f
			}
			out.values = append(out.values, value{labels: v.labels, number: n})
		}
		return out, nil
	case "math":
		return evaluateConjunction(model["expression"].(string), vars)
	}
	return results{}, fmt.Errorf("expression type %v is not one this check knows", model["type"])
}

// evaluateConjunction: "$A > $B && $A > 0.1", joined per label set as Grafana's union does (equal labels).
func evaluateConjunction(expression string, vars map[string]results) (results, error) {
	var out results
	first := true
	for _, part := range strings.Split(expression, "&&") {
		m := comparison.FindStringSubmatch(strings.TrimSpace(part))
		if m == nil {
			return results{}, fmt.Errorf("math %q: only comparisons joined by && are known here", expression)
		}
		left := vars[m[1]]
		var term results
		for _, a := range left.values {
			var b *float64
			if m[4] != "" {
				for _, candidate := range vars[m[4]].values {
					if candidate.labels.Equals(a.labels) {
						b = candidate.number
					}
				}
				if b == nil {
					continue // no partner with these labels: dropped, as Grafana's union drops it
				}
			} else {
				f := toFloat(m[3])
				b = &f
			}
			var n *float64
			if a.number != nil {
				f := compare(m[2], *a.number, *b)
				n = &f
			}
			term.values = append(term.values, value{labels: a.labels, number: n})
		}
		if first {
			out, first = term, false
			continue
		}
		var joined results
		for _, a := range out.values {
			for _, b := range term.values {
				if a.labels.Equals(b.labels) && a.number != nil && b.number != nil {
					f := 0.0
					if *a.number != 0 && *b.number != 0 {
						f = 1
					}
					joined.values = append(joined.values, value{labels: a.labels, number: &f})
				}
			}
		}
		out = joined
	}
	return out, nil
}

func toFloat(v any) float64 {
	switch n := v.(type) {
	case int:
		return float64(n)
	case float64:
		return n
	case string:
		f, _ := strconv.ParseFloat(n, 64)
		return f
	}
	return math.NaN()
}

// instanceStates: Alerting, Normal or NoData per alert instance (its labels), as Grafana's state
// manager gets them from the condition's numbers.
func instanceStates(condition results) map[string]string {
	states := map[string]string{}
	for _, v := range condition.values {
		state := "NoData"
		if v.number != nil {
			state = "Alerting"
			if *v.number == 0 {
				state = "Normal"
			}
		}
		states[v.labels.String()] = state
	}
	return states
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
