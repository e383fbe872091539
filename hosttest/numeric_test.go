package hosttest

import (
	"fmt"

	"github.com/grafana/dataplane/sdata/numeric"
	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// validateNumericMulti reads frames with Grafana's dataplane numeric reader (what alerting uses) and
// checks what the contract adds: one number per frame, no two frames with the same labels.
func validateNumericMulti(frames data.Frames) error {
	reader, err := numeric.CollectionReaderFromFrames(frames)
	if err != nil {
		return err
	}
	collection, err := reader.GetCollection(false)
	if err != nil {
		return err
	}
	if collection.Warning != nil {
		return fmt.Errorf("dataplane warning: %v", collection.Warning)
	}
	seen := map[string]bool{}
	for _, ref := range collection.Refs {
		if _, empty, err := ref.NullableFloat64Value(); err != nil || empty {
			return fmt.Errorf("%s %v: no number (%v)", ref.GetMetricName(), ref.GetLabels(), err)
		}
		key := ref.GetMetricName() + ref.GetLabels().String()
		if seen[key] {
			return fmt.Errorf("two numbers for %s", key)
		}
		seen[key] = true
	}
	if len(frames) > 0 && len(frames[0].Fields) > 0 && len(collection.Refs) != len(frames) {
		return fmt.Errorf("%d numbers from %d frames, want one per frame", len(collection.Refs), len(frames))
	}
	return nil
}
