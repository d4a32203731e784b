package com.campaigntracker.eventstore;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A separate JVM appends through the engine on the embedded file store and reports every acknowledged append;
 * it is killed with SIGKILL mid-stream, the store is reopened, and every acknowledged event must be there.
 */
class KillDashNineDurabilityTest {
    @TempDir
    Path dir;

    @Test
    void noAcknowledgedEventIsLostOnKill9() throws Exception {
        for (int round = 0; round < 2; round++) { // the second round appends to the recovered store
            List<String> acknowledged = new CopyOnWriteArrayList<>();
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process process = new ProcessBuilder(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                                                 DurabilityMain.class.getName(), dir.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Thread pump = new Thread(() -> {
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (line.startsWith("ACK ")) {
                            acknowledged.add(line.substring(4));
                        }
                    }
                } catch (java.io.IOException ignored) {
                    // the process was killed
                }
            });
            pump.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 400 || !process.isAlive());
            process.destroyForcibly(); // SIGKILL
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            pump.join(10_000);
            Set<String> acked = new HashSet<>(acknowledged);
            assertThat(acked).hasSizeGreaterThanOrEqualTo(400);

            try (TestStore store = new TestStore(dir)) {
                Set<String> stored = new HashSet<>();
                for (Document d : store.database.getCollection("events").find()
                                                .projection(new Document("eventIdentifier", 1))) {
                    stored.add(d.getString("eventIdentifier"));
                }
                Set<String> lost = new HashSet<>(acked);
                lost.removeAll(stored);
                assertThat(lost).as("acknowledged but lost after kill -9").isEmpty();
                // and the reopened store works: the counter is at or past every stored event
                TrackerEventStorageEngine engine = store.engine(java.time.Clock.systemUTC());
                assertThat(engine.headPosition()).isGreaterThanOrEqualTo(stored.size());
            }
        }
    }
}
