package com.campaigntracker.standalone;

import com.campaigntracker.eventstore.DurabilityBarrier;
import com.campaigntracker.eventstore.EmbeddedMongo;
import com.campaigntracker.eventstore.EventArchiveException;
import com.campaigntracker.eventstore.EventArchiveReader;
import com.campaigntracker.eventstore.EventArchiveWriter;
import com.campaigntracker.eventstore.EventImporter;
import com.campaigntracker.eventstore.TrackerMongo;
import com.campaigntracker.eventstore.TrackerMongoProperties;
import com.mongodb.WriteConcern;
import org.h2.mvstore.MVStoreException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code java -jar campaign-tracker.jar --export-events=FILE} and {@code --import-events=FILE}: the event archive
 * (docs/adr/0002-event-archive.md) of a stopped installation, without starting the web server or the processors.
 * The store is the embedded one in {@code --tracker.data-dir} (default {@code ./data}), or the MongoDB named by
 * {@code MONGODB_URI} (or {@code --spring.data.mongodb.uri}); {@code --tracker.database} as for the product.
 * Exit code 0 when done, 2 when the archive or the store is refused (nothing written), 1 on any other failure.
 */
final class EventArchiveCommand {
    static final String EXPORT = "--export-events=";
    static final String IMPORT = "--import-events=";

    private EventArchiveCommand() {
    }

    static boolean requested(String[] args) {
        for (String arg : args) {
            if (arg.startsWith(EXPORT) || arg.startsWith(IMPORT)) {
                return true;
            }
        }
        return false;
    }

    static int run(String[] args) {
        quietLogging();
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        String uri = firstNonBlank(options.get("tracker.uri"), options.get("spring.data.mongodb.uri"),
                System.getenv("MONGODB_URI"));
        TrackerMongoProperties props = new TrackerMongoProperties(uri, options.get("tracker.database"),
                options.get("tracker.data-dir"), "127.0.0.1", 0);
        try {
            if (options.containsKey("export-events")) {
                return export(props, Path.of(options.get("export-events")));
            }
            return importArchive(props, Path.of(options.get("import-events")));
        } catch (EventArchiveException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (MVStoreException e) {
            System.err.println("无法打开数据目录 " + props.dataDir() + " 中的存储（正在运行的产品占用着它？请先停止产品，或对运行中的产品使用"
                    + " GET /api/admin/events/export）。 Cannot open the store in " + props.dataDir()
                    + " (is the product running on it? Stop it first, or use GET /api/admin/events/export): "
                    + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("失败 / failed: " + e);
            return 1;
        }
    }

    private static int export(TrackerMongoProperties props, Path file) throws Exception {
        if (props.embedded() && !Files.exists(Path.of(props.dataDir()).resolve("tracker.mv.db"))) {
            System.err.println("数据目录 " + props.dataDir() + " 中没有存储文件 tracker.mv.db；未导出。 No store file"
                    + " tracker.mv.db in " + props.dataDir() + "; nothing exported.");
            return 2;
        }
        try (TrackerMongo mongo = new TrackerMongo(props)) {
            EventArchiveWriter.Summary s = EventArchiveWriter.export(mongo.database(), props.embedded(), file);
            System.out.printf("已导出 %d 个事件（最后的全局序号 %d）到 %s，%d 字节，SHA-256 %s。%n"
                            + "Exported %d events (last global position %d) to %s, %d bytes, SHA-256 %s.%n",
                    s.eventCount(), s.lastPosition(), file.toAbsolutePath(), s.sizeBytes(), s.sha256(),
                    s.eventCount(), s.lastPosition(), file.toAbsolutePath(), s.sizeBytes(), s.sha256());
            return 0;
        }
    }

    private static int importArchive(TrackerMongoProperties props, Path file) {
        Map<String, Boolean> known = new ConcurrentHashMap<>();
        ClassLoader loader = EventArchiveCommand.class.getClassLoader();
        // checked before the store is opened: a refused archive does not even create the store file
        EventArchiveReader.Verified verified = EventArchiveReader.verify(file, type -> isKnown(known, loader, type));
        try (TrackerMongo mongo = new TrackerMongo(props)) {
            DurabilityBarrier barrier = mongo.embedded().<DurabilityBarrier>map(EmbeddedMongo::durabilityBarrier)
                                             .orElse(DurabilityBarrier.NONE);
            WriteConcern writeConcern = props.embedded() ? WriteConcern.ACKNOWLEDGED
                                                         : WriteConcern.MAJORITY.withJournal(true);
            EventImporter.Summary s = EventImporter.importVerified(mongo.database(), barrier, writeConcern, file,
                    type -> isKnown(known, loader, type), verified);
            String where = props.embedded() ? Path.of(props.dataDir()).toAbsolutePath().toString()
                                            : "MongoDB " + mongo.databaseName();
            System.out.printf("已导入 %d 个事件（全局序号至 %d）到 %s，SHA-256 %s。下次启动时读模型从这些事件重建。%n"
                            + "Imported %d events (global positions up to %d) into %s, SHA-256 %s. The read models"
                            + " are rebuilt from them on the next start.%n",
                    s.eventCount(), s.lastPosition(), where, s.sha256(), s.eventCount(), s.lastPosition(), where,
                    s.sha256());
            return 0;
        }
    }

    /** An event type is known if its class is on this product's class path. */
    private static boolean isKnown(Map<String, Boolean> known, ClassLoader loader, String type) {
        return known.computeIfAbsent(type, name -> {
            try {
                Class.forName(name, false, loader);
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        });
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** Without Spring Boot's logging set-up Logback logs everything at DEBUG: keep the console to our messages. */
    private static void quietLogging() {
        org.slf4j.Logger root = org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(ch.qos.logback.classic.Level.WARN);
        }
    }
}
