package org.regiograph.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs an embedded Neo4j (community) with a Bolt connector on 127.0.0.1, for tests.
 *
 * <pre>
 *   java -cp target/classes:$(cat target/classpath.txt) org.regiograph.launcher.Launcher \
 *        DATA_DIR [PORT] [--watch-stdin]
 * </pre>
 *
 * <ul>
 *   <li>DATA_DIR: the Neo4j home; databases and logs are created below it.</li>
 *   <li>PORT: Bolt port; 0 or absent lets the operating system choose a free one.</li>
 *   <li>--watch-stdin: shut down when standard input is closed, so the server dies
 *       with the process that started it even if that process is killed.</li>
 * </ul>
 *
 * Authentication is DISABLED and Bolt is unencrypted: this is a throwaway server
 * for the test suite, bound to the loopback interface only. Never use it to hold
 * real data.
 *
 * When Bolt accepts connections it prints exactly one line
 * {@code REGIOGRAPH-NEO4J READY bolt://127.0.0.1:PORT} on standard output. SIGTERM
 * (or SIGINT) shuts the database down cleanly through a shutdown hook.
 */
public final class Launcher {

    static final String READY = "REGIOGRAPH-NEO4J READY";

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        Path home = null;
        int port = 0;
        boolean watchStdin = false;
        for (String arg : args) {
            if (arg.equals("--watch-stdin")) {
                watchStdin = true;
            } else if (home == null) {
                home = Path.of(arg).toAbsolutePath();
            } else {
                try {
                    port = Integer.parseInt(arg);
                } catch (NumberFormatException e) {
                    fail("PORT must be a number, got '" + arg + "'");
                }
                if (port < 0 || port > 65535) {
                    fail("PORT must be between 0 and 65535, got " + port);
                }
            }
        }
        if (home == null) {
            fail("usage: Launcher DATA_DIR [PORT] [--watch-stdin]");
        }

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, 128L * 1024 * 1024)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                // a test server has no clients worth waiting for at shutdown
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(200))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(200))
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                service.shutdown();
            } finally {
                stopped.countDown();
            }
        }, "regiograph-neo4j-shutdown"));

        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        HostnamePort bound = ((GraphDatabaseAPI) db).getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        if (bound == null) {
            System.err.println("regiograph-neo4j: Bolt connector did not start");
            System.exit(1);
        }
        System.out.println(READY + " bolt://127.0.0.1:" + bound.getPort());
        System.out.flush();

        if (watchStdin) {
            Thread watcher = new Thread(() -> {
                try (InputStream in = System.in) {
                    byte[] buf = new byte[256];
                    while (in.read(buf) >= 0) {
                        // ignore input; only end-of-file matters
                    }
                } catch (IOException ignored) {
                    // treat a broken pipe like end-of-file
                }
                System.exit(0); // runs the shutdown hook
            }, "regiograph-neo4j-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        stopped.await();
    }

    private static void fail(String message) {
        System.err.println("regiograph-neo4j: " + message);
        System.exit(2);
    }
}
