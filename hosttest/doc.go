// Package hosttest plays Grafana's side of the backend plugin protocol against the datasource
// executable: it starts the process through hashicorp/go-plugin with the SDK's handshake, calls the
// pluginv2 services, and checks every answer with Grafana's own Go libraries (grafana-plugin-sdk-go,
// grafana/dataplane/sdata).
//
// Everything lives in the _test.go files; run it with ./run.sh (needs PLUGIN_EXECUTABLE and ES_URL).
package hosttest
