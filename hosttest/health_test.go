package hosttest

import (
	"fmt"
	"net"
	"strings"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/backend"
	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
	plugin "github.com/hashicorp/go-plugin"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

// 1. go-plugin's Ping and the grpc.health.v1 service "plugin".
func TestGRPCHealth(t *testing.T) {
	t.Parallel()
	p := startPlugin(t)

	if err := p.protocol.Ping(); err != nil {
		t.Errorf("go-plugin Ping(): %v", err)
	}

	grpcClient, ok := p.protocol.(*plugin.GRPCClient)
	if !ok {
		t.Fatalf("client protocol is %T, want *plugin.GRPCClient", p.protocol)
	}
	res, err := healthpb.NewHealthClient(grpcClient.Conn).Check(callContext(t), &healthpb.HealthCheckRequest{Service: plugin.GRPCServiceName})
	if err != nil {
		t.Fatalf("grpc.health.v1.Health/Check(service=%q): %v", plugin.GRPCServiceName, err)
	}
	if res.Status != healthpb.HealthCheckResponse_SERVING {
		t.Errorf("health of %q = %v, want SERVING", plugin.GRPCServiceName, res.Status)
	}
}

// 2. pluginv2.Diagnostics/CheckHealth: working, invalid and unreachable settings.
func TestCheckHealth(t *testing.T) {
	t.Parallel()
	es := elasticsearch(t)
	p := startPlugin(t)

	check := func(t *testing.T, jsonData any) *backend.CheckHealthResult {
		t.Helper()
		res, err := p.diagnostics.CheckHealth(callContext(t), &pluginv2.CheckHealthRequest{
			PluginContext: pluginContext(jsonData),
			Headers:       map[string]string{},
		})
		if err != nil {
			t.Fatalf("CheckHealth returned a gRPC error (Grafana shows a generic failure): %v", err)
		}
		out := backend.FromProto().CheckHealthResponse(res)
		t.Logf("status %v, message %q, details %s", out.Status, out.Message, out.JSONDetails)
		return out
	}

	t.Run("valid settings", func(t *testing.T) {
		res := check(t, esSettings(es.esURL, es.index))
		if res.Status != backend.HealthStatusOk {
			t.Errorf("status = %v, want OK (message %q)", res.Status, res.Message)
		}
		if !strings.Contains(res.Message, es.version) {
			t.Errorf("message %q does not name the Elasticsearch version %s", res.Message, es.version)
		}
	})

	t.Run("invalid url", func(t *testing.T) {
		res := check(t, `{"elasticsearch":{"url":"not a url"}}`)
		if res.Status != backend.HealthStatusError {
			t.Errorf("status = %v, want ERROR", res.Status)
		}
		if !strings.Contains(res.Message, "elasticsearch.url") {
			t.Errorf("message %q does not name the field elasticsearch.url", res.Message)
		}
	})

	t.Run("connection refused", func(t *testing.T) {
		port := closedPort(t)
		res := check(t, esSettings(fmt.Sprintf("http://127.0.0.1:%d", port), es.index))
		if res.Status != backend.HealthStatusError {
			t.Errorf("status = %v, want ERROR", res.Status)
		}
		if !strings.Contains(strings.ToLower(res.Message), "connection refused") {
			t.Errorf("message %q does not say connection refused", res.Message)
		}
		for _, text := range []string{res.Message, string(res.JSONDetails)} {
			if strings.Contains(text, "    at ") || strings.Contains(text, `\n    at `) {
				t.Errorf("answer carries a stack trace: %q", text)
			}
		}
	})
}

// closedPort returns a loopback TCP port that nothing listens on.
func closedPort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return port
}
