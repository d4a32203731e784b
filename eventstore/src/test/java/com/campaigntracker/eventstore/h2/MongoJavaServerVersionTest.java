package com.campaigntracker.eventstore.h2;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TrackerH2Backend} extends mongo-java-server's H2 backend and re-implements its unique index; the store file
 * format depends on both. This fails on any other version than the one they were checked on.
 */
class MongoJavaServerVersionTest {
    static final String TESTED_VERSION = "1.47.0";
    private static final String RECHECK = "mongo-java-server changed: before raising TESTED_VERSION, re-check against"
            + " the new H2Database/H2UniqueIndex/H2Collection sources that TrackerH2Backend still overrides what the"
            + " stock backend calls (openOrCreateCollection, openOrCreateUniqueIndex), that the map names"
            + " ('databases.', 'meta.', '._index_') and MVMapUniqueIndex's map contents are unchanged, then run"
            + " KillDashNineDurabilityTest, LargeHistoryTest and standalone's KillDurabilityIT";

    @Test
    void theH2BackendIsTheTestedVersion() throws URISyntaxException {
        assertThat(jarOf(H2Backend.class)).as(RECHECK)
                .isEqualTo("mongo-java-server-h2-backend-" + TESTED_VERSION + ".jar");
    }

    @Test
    void theServerCoreIsTheTestedVersion() throws URISyntaxException {
        assertThat(jarOf(AbstractUniqueIndex.class)).as(RECHECK)
                .isEqualTo("mongo-java-server-core-" + TESTED_VERSION + ".jar");
    }

    private static String jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).getFileName().toString();
    }
}
