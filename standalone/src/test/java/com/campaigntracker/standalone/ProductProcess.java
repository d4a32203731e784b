package com.campaigntracker.standalone;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** The packaged product started as a real, separate OS process, as a user would start it. */
public final class ProductProcess implements AutoCloseable {
    static final Path JAR = Path.of("target", "campaign-tracker.jar");

    final int httpPort;
    final int mongoPort;
    final Path dataDir;
    public final Path log;
    private final Process process;

    private ProductProcess(Path dataDir, int httpPort, int mongoPort, Path log, Process process) {
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.mongoPort = mongoPort;
        this.log = log;
        this.process = process;
    }

    public static ProductProcess start(Path dataDir, int httpPort, int mongoPort, String... extraArgs) {
        try {
            Path log = Files.createTempFile("product-", ".log");
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Shanghai",
                    "-jar", JAR.toAbsolutePath().toString(),
                    "--server.port=" + httpPort,
                    "--tracker.data-dir=" + dataDir.toAbsolutePath(),
                    "--tracker.embedded-port=" + mongoPort));
            cmd.addAll(List.of(extraArgs));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ProductProcess product = new ProductProcess(dataDir, httpPort, mongoPort, log, p);
            try {
                product.awaitHealthy();
            } catch (RuntimeException e) {
                p.destroyForcibly(); // a product that never became healthy must not outlive the test
                throw e;
            }
            return product;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Any of the product's jars as a separate process: {@code java -Xmx256m -jar jar args}, awaited healthy. */
    static ProductProcess startJar(Path jar, int httpPort, java.util.Map<String, String> env, String... args) {
        try {
            Path log = Files.createTempFile("service-", ".log");
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Shanghai",
                    "-jar", jar.toAbsolutePath().toString(),
                    "--server.port=" + httpPort));
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            ProductProcess product = new ProductProcess(null, httpPort, -1, log, pb.start());
            product.awaitHealthy();
            return product;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Only the embedded MongoDB-wire store ({@code --store-only}), awaited until it accepts connections. */
    static ProductProcess startStore(Path dataDir, int mongoPort) {
        try {
            Path log = Files.createTempFile("store-", ".log");
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", JAR.toAbsolutePath().toString(), "--store-only",
                    "--tracker.data-dir=" + dataDir.toAbsolutePath(), "--tracker.embedded-port=" + mongoPort);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ProductProcess store = new ProductProcess(dataDir, -1, mongoPort, log, p);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!p.isAlive()) {
                    throw new IllegalStateException("store exited early; log:\n" + Files.readString(log));
                }
                try (java.net.Socket s = new java.net.Socket("127.0.0.1", mongoPort)) {
                    return true;
                } catch (IOException e) {
                    return false;
                }
            });
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitHealthy() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            // a start can take minutes on a build machine shared by parallel builds
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(300)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("product exited early; log:\n" + Files.readString(log));
                }
                try {
                    var r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return r.statusCode() == 200 && r.body().contains("UP");
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (RuntimeException notHealthy) {
            // the caller never gets the process to close: end it here, or it keeps running after the build
            process.destroyForcibly();
            throw notHealthy;
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String mongoUri() {
        return "mongodb://127.0.0.1:" + mongoPort;
    }

    /** SIGKILL: no shutdown hook, no flush, exactly like a power-cut of the process. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    /** Known accounts for tests ({noop} passwords are for test fixtures only). */
    static final String COORDINATOR_BASIC = basic("coordinator", "coord-pw");
    static final String ADMIN_BASIC = basic("admin", "admin-pw");

    static String[] accountArgs() {
        return new String[]{
                "--tracker.security.users[0].username=coordinator",
                "--tracker.security.users[0].password={noop}coord-pw",
                "--tracker.security.users[0].roles=COORDINATOR",
                "--tracker.security.users[1].username=admin",
                "--tracker.security.users[1].password={noop}admin-pw",
                "--tracker.security.users[1].roles=ADMIN",
                "--tracker.security.users[2].username=leader",
                "--tracker.security.users[2].password={noop}leader-pw",
                "--tracker.security.users[2].roles=LEADER"};
    }

    /** {@link #accountArgs()} as properties of an in-process Spring test. */
    static void registerAccounts(org.springframework.test.context.DynamicPropertyRegistry registry) {
        for (String a : accountArgs()) {
            String kv = a.substring(2);
            int eq = kv.indexOf('=');
            registry.add(kv.substring(0, eq), () -> kv.substring(eq + 1));
        }
    }

    static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The product tests run in two JVMs at once (failsafe {@code forkCount}); each takes its ports from its own
     * range below the kernel's ephemeral ports (32768 up), so neither JVM, nor a browser driver asking the kernel
     * for any free port, can be handed a port the other has just chosen but not yet bound. A JVM owns a range by
     * holding a file lock on it for its lifetime (the plugin's fork number did not reach the test JVMs).
     */
    private static final int PORT_BASE = 10_000 + claimPortRange() * 5_000;
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PORT =
            new java.util.concurrent.atomic.AtomicInteger();

    private static int claimPortRange() {
        for (int range = 0; range < 4; range++) {
            try {
                Path file = Path.of(System.getProperty("java.io.tmpdir"),
                        "campaign-tracker-test-ports-" + range + ".lock");
                java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                if (channel.tryLock() != null) {
                    System.out.printf("ProductProcess: this JVM takes ports %d..%d%n", 10_000 + range * 5_000,
                            14_999 + range * 5_000);
                    return range; // the channel stays open, and the lock held, until this JVM exits
                }
                channel.close();
            } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
                // another JVM (or this one) holds it: try the next range
            }
        }
        throw new IllegalStateException("all four test port ranges are held by other JVMs");
    }

    public static int freePort() {
        for (int tries = 0; tries < 5_000; tries++) {
            int port = PORT_BASE + Math.floorMod(NEXT_PORT.getAndIncrement(), 5_000);
            try (ServerSocket s = new ServerSocket(port)) {
                return s.getLocalPort();
            } catch (IOException taken) {
                // in use: try the next one
            }
        }
        throw new IllegalStateException("no free port in " + PORT_BASE + ".." + (PORT_BASE + 4_999));
    }

    public static Path tempDataDir() {
        try {
            return Files.createTempDirectory(new File("target").toPath().toAbsolutePath(), "data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
