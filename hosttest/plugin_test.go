package hosttest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/grafana/grafana-plugin-sdk-go/backend/grpcplugin"
	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
	"github.com/hashicorp/go-hclog"
	plugin "github.com/hashicorp/go-plugin"
)

// What Grafana would send about itself and the datasource. The ids are made up; the backend must not
// depend on them.
const (
	pluginID       = "argoperf-workflows-datasource"
	grafanaVersion = "12.4.0"
	datasourceUID  = "hosttest-ds"
	datasourceName = "Argo Workflows Performance (hosttest)"
)

// Kill must be done well within go-plugin's 2 s grace period, after which it SIGKILLs.
const maxKillDuration = 1500 * time.Millisecond

// The line go-plugin logs right before it SIGKILLs a plugin that did not exit by itself.
const notGracefulLine = "plugin failed to exit gracefully"

// handshake is Grafana's: the SDK's exported constants, exactly as Grafana's grpcplugin client builds it.
var handshake = plugin.HandshakeConfig{
	ProtocolVersion:  grpcplugin.ProtocolVersion,
	MagicCookieKey:   grpcplugin.MagicCookieKey,
	MagicCookieValue: grpcplugin.MagicCookieValue,
}

func pluginExecutable(t testing.TB) string {
	t.Helper()
	path := os.Getenv("PLUGIN_EXECUTABLE")
	if path == "" {
		t.Fatal("PLUGIN_EXECUTABLE is not set: point it at the datasource executable (dist/datasource/gpx_argoperf_workflows_linux_amd64)")
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatalf("PLUGIN_EXECUTABLE: %v", err)
	}
	if info.Mode().Perm()&0o111 == 0 {
		t.Fatalf("PLUGIN_EXECUTABLE %s is not executable (mode %v)", path, info.Mode())
	}
	return path
}

// pluginProcess is one started plugin, as Grafana holds it.
type pluginProcess struct {
	client      *plugin.Client
	protocol    plugin.ClientProtocol
	data        grpcplugin.DataClient
	diagnostics grpcplugin.DiagnosticsClient
	resource    grpcplugin.ResourceClient
	pid         int
	stderr      *stderrChecker
	hostLog     *syncBuffer
	killOnce    sync.Once
	killTook    time.Duration
}

// startPlugin starts the executable the way Grafana does and registers a cleanup that stops it with
// client.Kill() and checks that it exited by itself and wrote only hclog JSON lines to stderr.
func startPlugin(t testing.TB) *pluginProcess {
	t.Helper()
	path := pluginExecutable(t)

	p := &pluginProcess{stderr: &stderrChecker{}, hostLog: &syncBuffer{}}
	logger := hclog.New(&hclog.LoggerOptions{
		Name:   "plugin.argoperf",
		Level:  hclog.Trace, // not Off: go-plugin only parses stderr lines when the logger is enabled
		Output: p.hostLog,
	})

	cmd := exec.Command(path)
	// Grafana sets cmd.Env; go-plugin appends the host environment and the magic cookie.
	cmd.Env = []string{"GF_VERSION=" + grafanaVersion, "GF_EDITION=Open Source"}

	p.client = plugin.NewClient(&plugin.ClientConfig{
		HandshakeConfig:  handshake,
		AllowedProtocols: []plugin.Protocol{plugin.ProtocolGRPC},
		VersionedPlugins: map[int]plugin.PluginSet{
			grpcplugin.ProtocolVersion: {
				"diagnostics": &grpcplugin.DiagnosticsGRPCPlugin{},
				"resource":    &grpcplugin.ResourceGRPCPlugin{},
				"data":        &grpcplugin.DataGRPCPlugin{},
			},
		},
		Cmd:          cmd,
		Logger:       logger,
		Stderr:       p.stderr,
		StartTimeout: 30 * time.Second,
	})
	t.Cleanup(func() { p.stop(t) })

	started := time.Now()
	protocol, err := p.client.Client() // starts the process and performs the handshake
	if err != nil {
		t.Fatalf("starting %s: %v\nhost log:\n%s", path, err, p.hostLog.String())
	}
	t.Logf("plugin started and connected in %v (negotiated protocol version %d)", time.Since(started).Round(time.Millisecond), p.client.NegotiatedVersion())
	if v := p.client.NegotiatedVersion(); v != grpcplugin.ProtocolVersion {
		t.Fatalf("negotiated protocol version %d, want %d", v, grpcplugin.ProtocolVersion)
	}
	p.protocol = protocol
	if rc := p.client.ReattachConfig(); rc != nil {
		p.pid = rc.Pid
	}

	dispense := func(name string) any {
		raw, err := protocol.Dispense(name)
		if err != nil {
			t.Fatalf("dispense %q: %v", name, err)
		}
		return raw
	}
	var ok bool
	if p.diagnostics, ok = dispense("diagnostics").(grpcplugin.DiagnosticsClient); !ok {
		t.Fatal("dispensed diagnostics is not a DiagnosticsClient")
	}
	if p.resource, ok = dispense("resource").(grpcplugin.ResourceClient); !ok {
		t.Fatal("dispensed resource is not a ResourceClient")
	}
	if p.data, ok = dispense("data").(grpcplugin.DataClient); !ok {
		t.Fatal("dispensed data is not a DataClient")
	}
	return p
}

// kill stops the plugin like Grafana does (go-plugin Kill: Shutdown RPC, close, wait up to 2 s, SIGKILL).
func (p *pluginProcess) kill() time.Duration {
	p.killOnce.Do(func() {
		start := time.Now()
		p.client.Kill()
		p.killTook = time.Since(start)
	})
	return p.killTook
}

func (p *pluginProcess) stop(t testing.TB) {
	t.Helper()
	took := p.kill()
	if strings.Contains(p.hostLog.String(), notGracefulLine) {
		t.Errorf("go-plugin had to SIGKILL the plugin (%q logged; Kill took %v): it did not exit after GRPCController/Shutdown", notGracefulLine, took)
	} else if took > maxKillDuration {
		t.Errorf("client.Kill() took %v, want < %v", took, maxKillDuration)
	}
	if p.pid > 0 {
		if err := syscall.Kill(p.pid, 0); !errors.Is(err, syscall.ESRCH) {
			t.Errorf("plugin process %d still exists after Kill (kill -0: %v)", p.pid, err)
		}
	}
	if problems := p.stderr.problems(); len(problems) > 0 {
		t.Errorf("%d stderr line(s) Grafana cannot parse as hclog JSON:\n  %s", len(problems), strings.Join(problems, "\n  "))
	}
	if t.Failed() {
		t.Logf("host log (go-plugin and the plugin's parsed stderr):\n%s", p.hostLog.String())
	}
}

// ---- stderr: every line must be an hclog JSON object go-plugin can parse ----

// hclog's JSON time layout, used by go-plugin's parseJSON for @timestamp.
const hclogTimeLayout = "2006-01-02T15:04:05.000000Z07:00"

// go-plugin's default PluginLogBufferSize; longer lines are split and logged raw.
const maxStderrLine = 64 * 1024

var sixFractionDigits = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}(Z|[+-]\d{2}:\d{2})$`)

var hclogLevels = map[string]bool{"trace": true, "debug": true, "info": true, "warn": true, "error": true}

// stderrChecker receives the plugin's raw stderr (go-plugin's ClientConfig.Stderr gets each line before
// parsing it) and records every line Grafana would not parse as an hclog JSON entry.
type stderrChecker struct {
	mu      sync.Mutex
	partial []byte
	lines   int
	bad     []string
}

func (s *stderrChecker) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.partial = append(s.partial, b...)
	for {
		i := bytes.IndexByte(s.partial, '\n')
		if i < 0 {
			break
		}
		line := string(s.partial[:i])
		s.partial = s.partial[i+1:]
		s.lines++
		if problem := checkLogLine(line); problem != "" {
			msg := fmt.Sprintf("%s: %.300q", problem, line)
			s.bad = append(s.bad, msg)
			// go-plugin's own parser panics on some of these (non-string @message...), which ends
			// the test binary; say what it was first.
			fmt.Fprintf(os.Stderr, "hosttest: bad plugin stderr line: %s\n", msg)
		}
	}
	return len(b), nil
}

func (s *stderrChecker) problems() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := append([]string(nil), s.bad...)
	if len(s.partial) > 0 {
		out = append(out, fmt.Sprintf("unterminated last line: %.300q", s.partial))
	}
	return out
}

func checkLogLine(line string) string {
	if len(line) >= maxStderrLine {
		return fmt.Sprintf("line is %d bytes, go-plugin splits lines of %d bytes or more", len(line), maxStderrLine)
	}
	var entry map[string]any
	if err := json.Unmarshal([]byte(line), &entry); err != nil {
		return "not a JSON object"
	}
	for _, key := range []string{"@level", "@message", "@timestamp"} {
		v, present := entry[key]
		if !present {
			return "missing " + key
		}
		if _, isString := v.(string); !isString {
			return key + " is not a JSON string"
		}
	}
	if level := entry["@level"].(string); !hclogLevels[strings.ToLower(level)] {
		return fmt.Sprintf("@level %q is not one of trace, debug, info, warn, error", level)
	}
	ts := entry["@timestamp"].(string)
	if !sixFractionDigits.MatchString(ts) {
		return fmt.Sprintf("@timestamp %q does not have exactly 6 fractional digits", ts)
	}
	if _, err := time.Parse(hclogTimeLayout, ts); err != nil {
		return fmt.Sprintf("@timestamp %q does not parse with %q: %v", ts, hclogTimeLayout, err)
	}
	return ""
}

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// ---- what Grafana puts into every request ----

func pluginContext(jsonData any) *pluginv2.PluginContext {
	var raw []byte
	switch v := jsonData.(type) {
	case []byte:
		raw = v
	case string:
		raw = []byte(v)
	default:
		var err error
		if raw, err = json.Marshal(v); err != nil {
			panic(err)
		}
	}
	return &pluginv2.PluginContext{
		OrgId:    1,
		PluginId: pluginID,
		User:     &pluginv2.User{Login: "admin", Name: "admin", Email: "admin@localhost", Role: "Admin"},
		DataSourceInstanceSettings: &pluginv2.DataSourceInstanceSettings{
			Id:                      7,
			Uid:                     datasourceUID,
			Name:                    datasourceName,
			JsonData:                raw,
			DecryptedSecureJsonData: map[string]string{},
			// Grafana bumps the datasource's "updated" time whenever its settings are saved, and a
			// backend caches instances per uid + lastUpdatedMS. So different settings here get a
			// different lastUpdatedMS (same settings, same value), as they would in Grafana.
			LastUpdatedMS: settingsVersion(raw),
		},
		GrafanaConfig: map[string]string{"GF_CONCURRENT_QUERY_COUNT": "10"},
		PluginVersion: "1.0.0",
		UserAgent:     "Grafana/" + grafanaVersion + " (linux; amd64)",
	}
}

func settingsVersion(jsonData []byte) int64 {
	h := fnv.New32a()
	_, _ = h.Write(jsonData)
	return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC).UnixMilli() + int64(h.Sum32())
}

func esSettings(esURL, index string) map[string]any {
	return map[string]any{"elasticsearch": map[string]any{"url": esURL, "index": index}}
}

func callContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}
