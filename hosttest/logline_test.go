package hosttest

import "testing"

// The stderr check itself: it must refuse what go-plugin cannot parse (or would panic on).
func TestLogLineCheck(t *testing.T) {
	t.Parallel()
	good := `{"@level":"info","@message":"plugin started","@timestamp":"2026-03-14T10:00:00.123456Z","port":1234}`
	if problem := checkLogLine(good); problem != "" {
		t.Errorf("a valid hclog line was refused: %s", problem)
	}
	if problem := checkLogLine(`{"@level":"debug","@message":"x","@timestamp":"2026-03-14T10:00:00.123456+02:00"}`); problem != "" {
		t.Errorf("a valid hclog line with an offset was refused: %s", problem)
	}
	bad := map[string]string{
		"plain text":             `ExperimentalWarning: Single executable applications are an experimental feature`,
		"3 fractional digits":    `{"@level":"info","@message":"x","@timestamp":"2026-03-14T10:00:00.123Z"}`,
		"level warning":          `{"@level":"warning","@message":"x","@timestamp":"2026-03-14T10:00:00.123456Z"}`,
		"numeric message":        `{"@level":"info","@message":42,"@timestamp":"2026-03-14T10:00:00.123456Z"}`,
		"missing timestamp":      `{"@level":"info","@message":"x"}`,
		"numeric timestamp":      `{"@level":"info","@message":"x","@timestamp":1773482400000}`,
		"JSON array, not object": `["info","x"]`,
	}
	for name, line := range bad {
		if checkLogLine(line) == "" {
			t.Errorf("%s: %q was accepted", name, line)
		}
	}
}
