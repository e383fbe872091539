package hosttest

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/array"
	"github.com/apache/arrow-go/v18/arrow/ipc"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/grafana/dataplane/sdata/timeseries"
	"github.com/grafana/grafana-plugin-sdk-go/data"
)

// 4a. The dataplane check is not a rubber stamp: frames from A, broken in ways Grafana's readers must
// refuse, fail it.
func TestDataplaneRejectsBrokenFrames(t *testing.T) {
	t.Parallel()
	es := elasticsearch(t)
	p := startPlugin(t)
	raw, resp := queryData(t, p, es, dataQuery("A", "durations", queryA))
	a := resp.Responses["A"]
	if a.Error != nil || len(a.Frames) < 2 {
		t.Fatalf("A must answer at least two frames to break them (error %v, %d frames)", a.Error, len(a.Frames))
	}
	if err := validateTimeseriesMulti(a.Frames); err != nil {
		t.Fatalf("A must pass the dataplane check before it is broken: %v", err)
	}
	encoded := raw.Responses["A"].Frames

	// fresh returns a new decoded copy of A's frames to break.
	fresh := func(t *testing.T) data.Frames {
		t.Helper()
		frames, err := data.UnmarshalArrowFrames(encoded)
		if err != nil {
			t.Fatal(err)
		}
		return frames
	}
	// withPoints returns the index of a frame with at least two points.
	withPoints := func(t *testing.T, frames data.Frames) int {
		t.Helper()
		for i, f := range frames {
			if f.Rows() >= 2 {
				return i
			}
		}
		t.Fatal("no frame in A has two points")
		return -1
	}
	// sdataOnly runs just Grafana's dataplane reader (no extra checks of this test).
	sdataOnly := func(frames data.Frames) error {
		cr, err := timeseries.CollectionReaderFromFrames(frames)
		if err != nil {
			return err
		}
		_, err = cr.GetCollection(true)
		return err
	}

	cases := []struct {
		name   string
		break_ func(t *testing.T, frames data.Frames)
		check  func(data.Frames) error
	}{
		{"nullable time field", func(t *testing.T, frames data.Frames) {
			f := frames[0]
			old := f.Fields[0]
			nullable := data.NewFieldFromFieldType(data.FieldTypeNullableTime, old.Len())
			nullable.Name = old.Name
			for i := 0; i < old.Len(); i++ {
				v := old.At(i).(time.Time)
				nullable.Set(i, &v)
			}
			f.Fields[0] = nullable
		}, sdataOnly},
		{"two frames with the same labels", func(t *testing.T, frames data.Frames) {
			frames[1].Fields[1].Labels = frames[0].Fields[1].Labels.Copy()
			frames[1].Fields[1].Name = frames[0].Fields[1].Name
		}, sdataOnly},
		{"descending time", func(t *testing.T, frames data.Frames) {
			f := frames[withPoints(t, frames)]
			first, second := f.Fields[0].At(0), f.Fields[0].At(1)
			f.Fields[0].Set(0, second)
			f.Fields[0].Set(1, first)
		}, sdataOnly},
		{"missing meta", func(t *testing.T, frames data.Frames) {
			for _, f := range frames {
				f.Meta = nil
			}
		}, validateTimeseriesMulti},
		{"typeVersion 0.0", func(t *testing.T, frames data.Frames) {
			for _, f := range frames {
				f.Meta.TypeVersion = data.FrameTypeVersion{0, 0}
			}
		}, validateTimeseriesMulti},
		// sdata accepts equal neighbours; the contract (ascending, one point per bucket) does not.
		{"duplicate timestamp", func(t *testing.T, frames data.Frames) {
			f := frames[withPoints(t, frames)]
			f.Fields[0].Set(1, f.Fields[0].At(0))
		}, validateTimeseriesMulti},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			frames := fresh(t)
			c.break_(t, frames)
			err := c.check(frames)
			if err == nil {
				t.Fatal("the broken frames passed the check")
			}
			t.Logf("rejected: %v", err)
		})
	}

	t.Run("A's frame as an Arrow IPC stream", func(t *testing.T) {
		stream := fileToStream(t, encoded[0])
		if _, err := data.UnmarshalArrowFrame(stream); err == nil {
			t.Fatal("the SDK decoded an Arrow IPC stream; Grafana reads only the file format")
		} else {
			t.Logf("rejected: %v", err)
		}
	})
}

// 4b. The SDK refuses the two Arrow encodings apache-arrow JS produces by default: the IPC stream
// format and dictionary-encoded strings. Built here with the Arrow library the SDK uses; the same
// frame in the right encoding decodes (control).
func TestSDKRejectsArrowStreamAndDictionary(t *testing.T) {
	t.Parallel()
	good := encodeFrame(t, false, false)
	if f, err := data.UnmarshalArrowFrame(good); err != nil {
		t.Fatalf("control: the plain Arrow IPC file does not decode: %v", err)
	} else if f.Rows() != 3 || f.Fields[1].At(0).(string) != "etl-nightly" {
		t.Fatalf("control: decoded %d rows, first name %v", f.Rows(), f.Fields[1].At(0))
	}

	t.Run("IPC stream", func(t *testing.T) {
		stream := encodeFrame(t, true, false)
		if !bytes.Equal(stream[:4], []byte{0xff, 0xff, 0xff, 0xff}) {
			t.Fatalf("stream bytes start %x, want the continuation marker ffffffff", stream[:4])
		}
		if _, err := data.UnmarshalArrowFrame(stream); err == nil {
			t.Fatal("the SDK decoded an Arrow IPC stream")
		} else {
			t.Logf("rejected: %v", err)
		}
	})
	t.Run("dictionary-encoded string column", func(t *testing.T) {
		dict := encodeFrame(t, false, true)
		if !bytes.HasPrefix(dict, []byte("ARROW1")) {
			t.Fatalf("dictionary frame is not an Arrow file: starts %q", dict[:8])
		}
		_, err := data.UnmarshalArrowFrame(dict)
		if err == nil {
			t.Fatal("the SDK decoded a dictionary-encoded string column")
		}
		if !strings.Contains(err.Error(), "unsupported") {
			t.Errorf("error %q does not say the type is unsupported", err)
		}
		t.Logf("rejected: %v", err)
	})
}

// encodeFrame writes a three-row frame (time, workflow name, duration) the way a backend would, as an
// IPC file or stream, with the name column plain Utf8 or dictionary-encoded.
func encodeFrame(t *testing.T, asStream, dictionary bool) []byte {
	t.Helper()
	mem := memory.NewGoAllocator()
	nameType := arrow.DataType(arrow.BinaryTypes.String)
	if dictionary {
		nameType = &arrow.DictionaryType{IndexType: arrow.PrimitiveTypes.Int32, ValueType: arrow.BinaryTypes.String}
	}
	meta := arrow.NewMetadata([]string{"name", "refId"}, []string{"durations", "A"})
	schema := arrow.NewSchema([]arrow.Field{
		{Name: "time", Type: &arrow.TimestampType{Unit: arrow.Nanosecond}},
		{Name: "workflow", Type: nameType},
		{Name: "duration", Type: arrow.PrimitiveTypes.Float64, Nullable: true,
			Metadata: arrow.NewMetadata([]string{"labels"}, []string{`{"stat":"max"}`})},
	}, &meta)

	b := array.NewRecordBuilder(mem, schema)
	defer b.Release()
	for i, name := range []string{"etl-nightly", "train-model", "etl-nightly"} {
		b.Field(0).(*array.TimestampBuilder).Append(arrow.Timestamp(dayFrom.Add(time.Duration(i) * time.Hour).UnixNano()))
		if dictionary {
			if err := b.Field(1).(*array.BinaryDictionaryBuilder).AppendString(name); err != nil {
				t.Fatal(err)
			}
		} else {
			b.Field(1).(*array.StringBuilder).Append(name)
		}
		b.Field(2).(*array.Float64Builder).Append(float64(i) + 0.5)
	}
	rec := b.NewRecordBatch()
	defer rec.Release()

	var buf bytes.Buffer
	if asStream {
		w := ipc.NewWriter(&buf, ipc.WithSchema(schema), ipc.WithAllocator(mem))
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	} else {
		w, err := ipc.NewFileWriter(&buf, ipc.WithSchema(schema), ipc.WithAllocator(mem))
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// fileToStream re-encodes an Arrow IPC file (as the backend sent it) as an IPC stream.
func fileToStream(t *testing.T, file []byte) []byte {
	t.Helper()
	mem := memory.NewGoAllocator()
	r, err := ipc.NewFileReader(bytes.NewReader(file), ipc.WithAllocator(mem))
	if err != nil {
		t.Fatalf("reading the backend's Arrow file: %v", err)
	}
	defer r.Close()
	var buf bytes.Buffer
	w := ipc.NewWriter(&buf, ipc.WithSchema(r.Schema()), ipc.WithAllocator(mem))
	for i := 0; i < r.NumRecords(); i++ {
		rec, err := r.RecordBatch(i)
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
