package hosttest

import (
	"errors"
	"strings"
	"syscall"
	"testing"

	"github.com/grafana/grafana-plugin-sdk-go/genproto/pluginv2"
)

// 6. Grafana stops a plugin with go-plugin's Kill(): GRPCController/Shutdown, then up to 2 s for the
// process to exit by itself, then SIGKILL. The plugin must be gone well before that.
// (Every other test's cleanup checks the same; this one measures a process that has served a call.)
func TestShutdown(t *testing.T) {
	t.Parallel()
	p := startPlugin(t)
	if p.pid <= 0 {
		t.Fatal("go-plugin did not report the plugin's pid")
	}
	if _, err := p.diagnostics.CheckHealth(callContext(t), &pluginv2.CheckHealthRequest{
		PluginContext: pluginContext(`{"elasticsearch":{"url":"not a url"}}`),
	}); err != nil {
		t.Fatalf("CheckHealth before shutdown: %v", err)
	}

	took := p.kill()
	t.Logf("client.Kill() took %v", took)
	if took >= maxKillDuration {
		t.Errorf("client.Kill() took %v, want < %v", took, maxKillDuration)
	}
	if log := p.hostLog.String(); strings.Contains(log, notGracefulLine) {
		t.Errorf("go-plugin logged %q: the plugin was SIGKILLed", notGracefulLine)
	}
	if !p.client.Exited() {
		t.Error("go-plugin does not consider the process exited")
	}
	if err := syscall.Kill(p.pid, 0); !errors.Is(err, syscall.ESRCH) {
		t.Errorf("process %d still exists (kill -0: %v)", p.pid, err)
	}
}
