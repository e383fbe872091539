package hosttest

import (
	"encoding/json"
	"errors"
	"io"
	"sort"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
)

type resourceAnswer struct {
	code     int
	headers  map[string][]string
	body     []byte
	messages int
}

// callResource sends a GET like Grafana's /api/datasources/uid/<uid>/resources/<path> handler and
// assembles the streamed answer as Grafana does: status and headers from the first message, bodies
// concatenated.
func callResource(t *testing.T, p *pluginProcess, es *testData, path string) resourceAnswer {
	t.Helper()
	stream, err := p.resource.CallResource(callContext(t), &pluginv2.CallResourceRequest{
		PluginContext: pluginContext(esSettings(es.esURL, es.index)),
		Path:          path,
		Method:        "GET",
		Url:           path,
		Headers: map[string]*pluginv2.StringList{
			"Accept":     {Values: []string{"application/json"}},
			"User-Agent": {Values: []string{"Grafana/" + grafanaVersion}},
		},
	})
	if err != nil {
		t.Fatalf("CallResource %s: %v", path, err)
	}
	var ans resourceAnswer
	for {
		msg, err := stream.Recv()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("CallResource %s: receiving: %v", path, err)
		}
		if ans.messages == 0 {
			ans.code = int(msg.Code)
			ans.headers = map[string][]string{}
			for k, v := range msg.Headers {
				ans.headers[k] = v.GetValues()
			}
		}
		ans.messages++
		ans.body = append(ans.body, msg.Body...)
	}
	if ans.messages == 0 {
		t.Fatalf("CallResource %s: empty stream (Grafana: \"received empty resource response\")", path)
	}
	t.Logf("GET %s: %d, headers %v, %d message(s), body %.300s", path, ans.code, ans.headers, ans.messages, ans.body)
	return ans
}

func contentType(headers map[string][]string) string {
	for k, v := range headers {
		if strings.EqualFold(k, "Content-Type") && len(v) > 0 {
			return v[0]
		}
	}
	return "application/json" // Grafana's default when the plugin sets none
}

// 5. pluginv2.Resource/CallResource: the workflows variable query and an unknown path.
func TestCallResource(t *testing.T) {
	t.Parallel()
	es := elasticsearch(t)
	p := startPlugin(t)

	t.Run("GET workflows", func(t *testing.T) {
		ans := callResource(t, p, es, "workflows")
		if ans.code != 200 {
			t.Fatalf("status %d, want 200", ans.code)
		}
		if ct := contentType(ans.headers); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("Content-Type %q, want application/json", ct)
		}
		var body struct {
			Values []string `json:"values"`
		}
		dec := json.NewDecoder(strings.NewReader(string(ans.body)))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&body); err != nil {
			t.Fatalf("body is not {\"values\": [strings]}: %v", err)
		}
		got := append([]string(nil), body.Values...)
		sort.Strings(got)
		if strings.Join(got, ",") != strings.Join(es.names, ",") {
			t.Errorf("values %v, want exactly %v", body.Values, es.names)
		}
	})

	t.Run("unknown path", func(t *testing.T) {
		ans := callResource(t, p, es, "no-such-resource")
		if ans.code != 404 {
			t.Errorf("status %d, want 404", ans.code)
		}
		var body struct {
			Error string `json:"error"`
		}
		if err := json.Unmarshal(ans.body, &body); err != nil || body.Error == "" {
			t.Errorf("body %q is not {\"error\": \"...\"} (%v)", ans.body, err)
		}
	})
}
