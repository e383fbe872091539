package argoperf.es;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.elasticsearch.action.admin.cluster.health.ClusterHealthResponse;
import org.elasticsearch.cluster.health.ClusterHealthStatus;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.core.TimeValue;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.ClasspathNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * Starts one Elasticsearch node in this JVM for the tests of Argo Workflows Performance.
 *
 * <pre>
 * java -cp ... argoperf.es.Launcher --home DIR [--port N] [--ready-file FILE] [-Ekey=value ...]
 * </pre>
 *
 * DIR gets config/, data/ and logs/. --port 0 (the default) lets the kernel pick a free port on
 * 127.0.0.1. Once the node is started and the cluster is at least yellow, FILE is written
 * atomically with two lines: the HTTP port and the pid. SIGTERM closes the node cleanly.
 */
public final class Launcher {

    private static final String LOG4J2 = String.join("\n",
            "status = error",
            "appender.console.type = Console",
            "appender.console.name = console",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n",
            "rootLogger.level = ${sys:argoperf.es.log.level:-info}",
            "rootLogger.appenderRef.console.ref = console",
            "logger.deprecation.name = org.elasticsearch.deprecation",
            "logger.deprecation.level = error",
            "");

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            System.err.println("argo-perf test elasticsearch: failed to start: " + t);
            t.printStackTrace();
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Path home = null;
        String port = "0";
        Path readyFile = null;
        Settings.Builder extra = Settings.builder();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--home" -> home = Path.of(args[++i]).toAbsolutePath();
                case "--port" -> port = args[++i];
                case "--ready-file" -> readyFile = Path.of(args[++i]).toAbsolutePath();
                default -> {
                    if (a.startsWith("-E") && a.indexOf('=') > 2) {
                        extra.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
                    } else {
                        throw new IllegalArgumentException("unknown argument: " + a);
                    }
                }
            }
        }
        if (home == null) {
            throw new IllegalArgumentException("--home DIR is required");
        }

        Path config = home.resolve("config");
        for (String dir : List.of("config", "data", "logs", "modules", "plugins")) {
            Files.createDirectories(home.resolve(dir));
        }
        writeIfAbsent(config.resolve("elasticsearch.yml"), "# settings are passed by argoperf.es.Launcher\n");
        writeIfAbsent(config.resolve("log4j2.properties"), LOG4J2);

        String nodeName = "argo-perf-test";
        Settings settings = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("cluster.name", "argo-perf-test")
                .put("node.name", nodeName)
                .put("network.host", "127.0.0.1")
                .put("http.port", port)
                .put("transport.port", "0")
                .put("discovery.type", "single-node")
                // never block writes because the disk of a developer machine or CI is fairly full
                .put("cluster.routing.allocation.disk.threshold_enabled", false)
                // tests may delete indices by wildcard
                .put("action.destructive_requires_name", false)
                .put(extra.build())
                .build();

        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), config,
                () -> nodeName);
        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName(Node.NODE_NAME_SETTING.get(environment.settings()));
        LogConfigurator.configure(environment, true);

        Node node = new ClasspathNode(environment, List.of(Netty4Plugin.class, RootInfoPlugin.class));
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.prepareForClose();
                node.close();
                node.awaitClose(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                closed.countDown();
            }
        }, "argo-perf-es-shutdown"));

        node.start();

        ClusterHealthResponse health = node.client().admin().cluster().prepareHealth()
                .setWaitForYellowStatus()
                .setTimeout(TimeValue.timeValueMinutes(5))
                .get();
        if (health.isTimedOut() || health.getStatus() == ClusterHealthStatus.RED) {
            throw new IllegalStateException("cluster did not reach yellow: " + health.getStatus());
        }
        int httpPort = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress()
                .getPort();
        if (readyFile != null) {
            Files.createDirectories(readyFile.getParent());
            Path tmp = readyFile.resolveSibling(readyFile.getFileName() + ".tmp");
            Files.writeString(tmp, httpPort + "\n" + ProcessHandle.current().pid() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, readyFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("argo-perf test elasticsearch: ready on http://127.0.0.1:" + httpPort);
        System.out.flush();
        closed.await();
    }

    private static void writeIfAbsent(Path file, String content) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        }
    }
}
