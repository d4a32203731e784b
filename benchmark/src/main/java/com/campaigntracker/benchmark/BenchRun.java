package com.campaigntracker.benchmark;

import com.campaigntracker.eventstore.TrackerMongo;
import com.campaigntracker.shared.AuditMetadata;
import com.campaigntracker.shared.activity.ActivityCommands.RecordActivity;
import com.campaigntracker.shared.activity.ActivityEvents.ActivityRecorded;
import com.campaigntracker.shared.activity.ActivityKey;
import com.campaigntracker.shared.activity.Figures;
import com.campaigntracker.shared.campaign.CampaignCommands.EnrollUnit;
import com.campaigntracker.shared.campaign.CampaignCommands.LaunchCampaign;
import com.campaigntracker.shared.campaign.Targets;
import com.campaigntracker.shared.unit.UnitCommands.RegisterUnit;
import com.campaigntracker.shared.unit.UnitType;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/** One run of every measurement against one started product. */
final class BenchRun {
    private static final Logger log = LoggerFactory.getLogger(BenchRun.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String DISTRICT = "海淀区";
    private static final String BENCH = "bench";
    private static final String FRESH = "bench-fresh";
    private static final int PERIOD_DAYS_BACK = 180;
    static final String USER = "benchmark";
    // a throw-away account of the benchmark's own, private process
    static final String PASSWORD = java.util.UUID.randomUUID().toString();
    private static final String AUTH = "Basic " + java.util.Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private final BenchOptions options;
    private final java.nio.file.Path staticDir;
    private final CommandGateway gateway;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final TrackerMongo mongo;
    private final com.campaigntracker.query.admin.ProjectionMonitor monitor;
    private final com.campaigntracker.query.projection.Projector projector;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final LocalDate today = LocalDate.now(ZONE);
    private final List<String> enrolledUnits = new ArrayList<>();
    private final AtomicLong activitySeq = new AtomicLong();

    BenchRun(ConfigurableApplicationContext context, BenchOptions options, java.nio.file.Path staticDir) {
        this.options = options;
        this.staticDir = staticDir;
        this.gateway = context.getBean(CommandGateway.class);
        this.eventStore = context.getBean(EventStore.class);
        this.processing = context.getBean(EventProcessingConfiguration.class);
        this.mongo = context.getBean(TrackerMongo.class);
        this.monitor = context.getBean(com.campaigntracker.query.admin.ProjectionMonitor.class);
        this.projector = context.getBean(com.campaigntracker.query.projection.Projector.class);
        this.baseUrl = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    List<Figure> measureAll() {
        List<Figure> figures = new ArrayList<>();
        phase("set-up: units and campaigns", this::setUp);
        // The replay figure rebuilds the read models from every event; projecting the load as well would do the
        // same work twice and take CPU from the write-path measurements, so the processor waits for the rebuild.
        monitor.processor().ifPresent(StreamingEventProcessor::shutDown);
        figures.add(measureAppend());

        double freshMedian = medianRecordLatency(FRESH, "bench-fresh-unit");
        phase("load history to " + options.history() + " activities", () -> loadActivities(BENCH, options.history()));
        double historyMedian = medianRecordLatency(BENCH, enrolledUnits.get(0));
        figures.add(Figure.lowerIsBetter("flat-history", historyMedian, freshMedian, "ms median", 1.5,
                String.format(Locale.ROOT, "RecordActivity at %d activities vs a fresh campaign", options.history())));

        phase("load to " + options.events() + " events",
                () -> loadActivities(BENCH, Math.max(0, options.events() - head())));
        figures.addAll(measureReplay());
        figures.addAll(measureDashboard());
        figures.add(measureHttp());
        figures.addAll(measureArchive());
        figures.addAll(measureLedgerFiles());
        return figures;
    }

    // ---- set-up -------------------------------------------------------------------------------------------

    private void setUp() {
        gateway.sendAndWait(new RegisterUnit("bench-center", "海淀区新时代文明实践中心", UnitType.PRACTICE_CENTER,
                DISTRICT, null));
        int institutes = Math.max(1, options.units() / 20);
        for (int i = 0; i < institutes; i++) {
            String id = String.format("bench-suo-%03d", i);
            gateway.sendAndWait(new RegisterUnit(id, "实践所" + i, UnitType.PRACTICE_INSTITUTE, DISTRICT,
                    "bench-center"));
            enrolledUnits.add(id);
        }
        for (int s = 0; enrolledUnits.size() < options.units(); s++) {
            String id = String.format("bench-zhan-%04d", s);
            gateway.sendAndWait(new RegisterUnit(id, "实践站" + s, UnitType.PRACTICE_STATION, DISTRICT,
                    String.format("bench-suo-%03d", s % institutes)));
            enrolledUnits.add(id);
        }
        gateway.sendAndWait(new RegisterUnit("bench-fresh-unit", "新实践所", UnitType.PRACTICE_INSTITUTE, DISTRICT,
                "bench-center"));
        Set<UnitType> eligible = Set.of(UnitType.PRACTICE_INSTITUTE, UnitType.PRACTICE_STATION);
        Targets targets = new Targets(2_000_000L, 20_000_000L, 50_000_000.0, 500_000_000L, options.units());
        for (String campaign : List.of(BENCH, FRESH)) {
            gateway.sendAndWait(new LaunchCampaign(campaign, "爱国卫生月", "爱国卫生", "基准测试活动", DISTRICT, eligible,
                    today.minusDays(PERIOD_DAYS_BACK), today.plusDays(30), targets));
        }
        for (String unit : enrolledUnits) {
            gateway.sendAndWait(new EnrollUnit(BENCH, unit));
        }
        gateway.sendAndWait(new EnrollUnit(FRESH, "bench-fresh-unit"));
    }

    // ---- 1. append ------------------------------------------------------------------------------------------

    private Figure measureAppend() {
        SplittableRandom warm = new SplittableRandom(options.seed());
        for (int i = 0; i < 500; i++) {
            gateway.sendAndWait(recordCommand(BENCH, "warm-" + i, warm));
        }
        Document template = storedActivityRecorded();
        MongoCollection<Document> raw = mongo.database().getCollection("bench_raw_events");
        raw.createIndex(Indexes.ascending("streamKey"), new IndexOptions().unique(true));
        AtomicLong rawIds = new AtomicLong(1);
        int n = options.appendCommands();
        double rawRate = parallel("raw-driver insertOne", n, i -> {
            long id = rawIds.getAndIncrement();
            Document copy = new Document(template);
            copy.put("_id", id);
            copy.put("streamKey", "raw-" + id + "#0");
            raw.insertOne(copy);
        });
        double ourRate = parallel("RecordActivity via CommandGateway", n, i -> {
            SplittableRandom r = new SplittableRandom(options.seed() * 31 + i);
            gateway.sendAndWait(recordCommand(BENCH, "append-" + i, r));
        });
        raw.drop();
        return Figure.higherIsBetter("append", ourRate, rawRate, "ops/s", 0.5,
                options.threads() + " threads, " + options.units() + " units enrolled, " + n + " commands");
    }

    /** One stored ActivityRecorded document, the shape the raw-driver baseline inserts. */
    private Document storedActivityRecorded() {
        for (Document doc : mongo.database().getCollection("events").find().limit(5000)) {
            if (doc.toJson().contains("ActivityRecorded")) {
                return doc;
            }
        }
        throw new IllegalStateException("no ActivityRecorded event found in the events collection");
    }

    private double parallel(String what, int total, IntConsumer work) {
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            futures.add(pool.submit(() -> {
                for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    work.accept((int) i);
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException(what + " failed", e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        double rate = total / seconds;
        log.info("{}: {} in {} s = {} /s", what, total, fmt(seconds), fmt(rate));
        return rate;
    }

    private RecordActivity recordCommand(String campaign, String activityId, SplittableRandom r) {
        String unit = campaign.equals(FRESH) ? "bench-fresh-unit" : enrolledUnits.get(r.nextInt(enrolledUnits.size()));
        return new RecordActivity(campaign, activityId, unit, today.minusDays(r.nextInt(PERIOD_DAYS_BACK)),
                "社区环境清洁", "爱国卫生", "学院路街道", figures(r), "");
    }

    private static Figures figures(SplittableRandom r) {
        return new Figures(1 + r.nextInt(3), r.nextInt(60), r.nextInt(200) / 2.0, r.nextInt(2000));
    }

    // ---- 3. flat history ------------------------------------------------------------------------------------

    private double medianRecordLatency(String campaign, String unit) {
        Samples samples = new Samples(options.latencySamples());
        SplittableRandom r = new SplittableRandom(options.seed() + campaign.hashCode());
        for (int i = 0; i < options.latencySamples(); i++) {
            RecordActivity cmd = new RecordActivity(campaign, "latency-" + i, unit,
                    today.minusDays(r.nextInt(PERIOD_DAYS_BACK)), "文明引导", "文明交通", "路口", figures(r), "");
            long t0 = System.nanoTime();
            gateway.sendAndWait(cmd);
            samples.add(System.nanoTime() - t0);
        }
        double median = samples.quantileMillis(0.5);
        log.info("median RecordActivity latency on {}: {} ms", campaign, fmt(median));
        return median;
    }

    /**
     * Bulk history goes straight into the event store (the same events the command side writes, a stream per
     * activity), because building a million events through commands would take most of the time budget. Like a
     * real campaign's, the history is in time order: batch after batch sweeps the campaign period, each activity
     * entered in office hours on its day or up to two days later. Seeded per batch, so every run writes the same
     * events.
     */
    private void loadActivities(String campaign, long activities) {
        int batch = 500;
        long batches = (activities + batch - 1) / batch;
        long firstId = activitySeq.getAndAdd(activities) + 1;
        AtomicLong nextBatch = new AtomicLong();
        int loaders = Math.max(1, Math.min(options.threads(), 4));
        ExecutorService pool = Executors.newFixedThreadPool(loaders);
        MetaData meta = MetaData.with(AuditMetadata.USER, "benchmark").and(AuditMetadata.ROLE, "SYSTEM");
        LocalDate first = today.minusDays(PERIOD_DAYS_BACK - 1);
        java.time.Instant now = java.time.Instant.now();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < loaders; t++) {
            futures.add(pool.submit(() -> {
                for (long b = nextBatch.getAndIncrement(); b < batches; b = nextBatch.getAndIncrement()) {
                    SplittableRandom r = new SplittableRandom(options.seed() ^ (b * 0x9E3779B97F4A7C15L));
                    LocalDate entered = first.plusDays(b * PERIOD_DAYS_BACK / batches);
                    List<EventMessage<?>> events = new ArrayList<>(batch);
                    for (int i = 0; i < batch && b * batch + i < activities; i++) {
                        String activityId = "h-" + (firstId + b * batch + i);
                        String unit = enrolledUnits.get(r.nextInt(enrolledUnits.size()));
                        LocalDate date = entered.minusDays(r.nextInt(3));
                        date = date.isBefore(first) ? first : date;
                        java.time.Instant at = entered.atTime(8, 0).atZone(ZONE).toInstant()
                                .plusSeconds(12L * 3600 * i / batch);
                        ActivityRecorded e = new ActivityRecorded(campaign, activityId, unit, date, "社区环境清洁",
                                "爱国卫生", "学院路街道", figures(r), "");
                        events.add(new GenericDomainEventMessage<>("Activity", ActivityKey.of(campaign, activityId),
                                0L, e, meta, java.util.UUID.nameUUIDFromBytes(activityId.getBytes(
                                        java.nio.charset.StandardCharsets.UTF_8)).toString(),
                                at.isAfter(now) ? now : at));
                    }
                    eventStore.publish(events);
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException("loading history failed", e);
            }
        }
        pool.shutdown();
    }

    // ---- 4. dashboard ---------------------------------------------------------------------------------------

    private List<Figure> measureDashboard() {
        String url = baseUrl + "/api/campaigns/" + BENCH + "/progress";
        // the floor the issue sets: the same bytes as a static file, through the same filters, security and MVC
        String view = get(url);
        try {
            java.nio.file.Files.writeString(staticDir.resolve("bench-floor.json"), view);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Samples ours = new Samples(options.dashboardRequests());
        Samples file = new Samples(options.dashboardRequests());
        // one of each in turn: whatever else the process is doing then (the store's background writes after the
        // rebuild, a collection) falls on both alike, not on whichever series ran first
        timedGets(List.of(url, baseUrl + "/bench-floor.json"), List.of(ours, file));
        log.info("GET /progress p50 {} ms p99 {} ms; the same bytes as a static file p50 {} ms p99 {} ms",
                fmt2(ours.quantileMillis(0.5)), fmt2(ours.quantileMillis(0.99)), fmt2(file.quantileMillis(0.5)),
                fmt2(file.quantileMillis(0.99)));
        MongoCollection<Document> events = mongo.database().getCollection("events");
        SplittableRandom r = new SplittableRandom(options.seed());
        long head = head();
        Samples raw = new Samples(options.dashboardRequests());
        for (int i = 0; i < 20; i++) {
            events.find(Filters.eq("_id", 1 + r.nextLong(head))).first();
        }
        for (int i = 0; i < options.dashboardRequests(); i++) {
            long id = 1 + r.nextLong(head);
            long t0 = System.nanoTime();
            events.find(Filters.eq("_id", id)).first();
            raw.add(System.nanoTime() - t0);
        }
        String note = head + " events, GET /progress vs raw findOne by _id";
        String fileNote = head + " events, GET /progress vs GET of a static file of its size ("
                + view.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + " bytes), same server stack";
        return List.of(
                Figure.lowerIsBetter("dashboard-p99-static", ours.quantileMillis(0.99), file.quantileMillis(0.99),
                        "ms", 3, fileNote),
                Figure.lowerIsBetter("dashboard-p50", ours.quantileMillis(0.5), raw.quantileMillis(0.5), "ms", 5,
                        note),
                Figure.lowerIsBetter("dashboard-p99", ours.quantileMillis(0.99), raw.quantileMillis(0.99), "ms", 5,
                        note));
    }

    /** Warmed up, then {@code dashboardRequests} rounds of sequential GETs, one of each url per round. */
    private void timedGets(List<String> urls, List<Samples> samples) {
        for (int i = 0; i < 20; i++) {
            urls.forEach(this::getBytes);
        }
        for (int i = 0; i < options.dashboardRequests(); i++) {
            for (int u = 0; u < urls.size(); u++) {
                long t0 = System.nanoTime();
                // read and dropped, not kept as a String: this client shares the server's heap, and a 267 kB
                // Chinese answer as a String is a humongous object per request, whose collections landed in both
                // p99s (JFR)
                getBytes(urls.get(u));
                samples.get(u).add(System.nanoTime() - t0);
            }
        }
    }

    private String get(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", AUTH).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(url + " failed", e);
        }
    }

    // ---- 2. replay ------------------------------------------------------------------------------------------

    private List<Figure> measureReplay() {
        long t0 = System.nanoTime();
        long scanCpu0 = processCpuNanos();
        long count = rawScan();
        double scanSeconds = (System.nanoTime() - t0) / 1e9;
        double scanCpu = (processCpuNanos() - scanCpu0) / 1e9;
        double rawRate = count / scanSeconds;
        log.info("raw full scan: {} documents at {} /s", count, fmt(rawRate));

        List<StreamingEventProcessor> processors = streamingProcessors();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        AtomicLong peakHeap = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        var sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 20, TimeUnit.MILLISECONDS);
        long r0 = System.nanoTime();
        long rebuildCpu0 = processCpuNanos();
        // the product's own rebuild: reset tokens (clearing the read models) and replay everything
        monitor.rebuild();
        awaitUntil("rebuild", () -> !monitor.rebuilding());
        double seconds = (System.nanoTime() - r0) / 1e9;
        double rebuildCpu = (processCpuNanos() - rebuildCpu0) / 1e9;
        sampler.shutdownNow();
        double ourRate = count / seconds;
        long peakMb = peakHeap.get() / (1024 * 1024);
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        log.info("replay of {} events in {} s = {} /s, peak heap {} MB of {} MB", count, fmt(seconds), fmt(ourRate),
                peakMb, maxMb);
        Figure replay = Figure.higherIsBetter("replay", ourRate, rawRate, "events/s", 0.5,
                String.format(Locale.ROOT, "%d events, %d processors; peak heap %d MB (max %d MB)", count,
                        processors.size(), peakMb, maxMb));
        if (!Boolean.parseBoolean(System.getProperty("bench.rebuild-floor", "true"))) {
            // a run that only wants the other figures can leave out the floor (minutes of untimed listing)
            log.info("rebuild floor not measured (-Dbench.rebuild-floor=false); rebuild {} s ({} CPU s)",
                    fmt(seconds), fmt(rebuildCpu));
            return List.of(replay);
        }
        FloorInsert insert = insertReadModelIntoEmptyDatabase();
        double floorSeconds = scanSeconds + insert.seconds();
        double floorCpu = scanCpu + insert.cpuSeconds();
        // CPU seconds of this process (the embedded server included) as well: on a shared machine the wall clock
        // of one phase can be stretched by others' load while the other phase's is not
        log.info("rebuild floor: scan {} s + insert of {} read-model documents {} s = {} s ({} CPU s); rebuild {} s "
                        + "({} CPU s)", fmt(scanSeconds), insert.documents(), fmt(insert.seconds()), fmt(floorSeconds),
                fmt(floorCpu), fmt(seconds), fmt(rebuildCpu));
        Figure rebuild = Figure.higherIsBetter("rebuild-floor", count / seconds, count / floorSeconds, "events/s",
                0.5, String.format(Locale.ROOT, "rebuild %.1f s vs floor %.1f s (raw scan %.1f s + raw insert of "
                                + "the %d documents it produced %.1f s); CPU %.1f s vs %.1f s; peak heap %d MB",
                        seconds, floorSeconds, scanSeconds, insert.documents(), insert.seconds(), rebuildCpu, floorCpu,
                        peakMb));
        return List.of(replay, rebuild);
    }

    private record FloorInsert(long documents, double seconds, double cpuSeconds) {
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * The write half of the rebuild's floor: the read-model documents the rebuild produced, bulk-inserted with the
     * raw driver into the same collections of an empty database. Only the inserts are timed. The documents are
     * read back by windows of _ids (an _id-only projection lists them without the embedded server materializing
     * whole collections), so the copy fits the heap the rebuild had.
     */
    private FloorInsert insertReadModelIntoEmptyDatabase() {
        com.mongodb.client.MongoDatabase floor = mongo.client().getDatabase(mongo.databaseName() + "_floor");
        floor.drop();
        long documents = 0;
        long nanos = 0;
        long cpuNanos = 0;
        for (String name : projector.collections()) {
            MongoCollection<Document> source = mongo.database().getCollection(name);
            MongoCollection<Document> target = floor.getCollection(name);
            long expected = source.estimatedDocumentCount();
            long listed = 0;
            for (org.bson.conversions.Bson part : idParts()) {
                List<Object> ids = new ArrayList<>();
                source.find(part).projection(new Document("_id", 1)).batchSize(1000)
                        .forEach(d -> ids.add(d.get("_id")));
                listed += ids.size();
                // windows of about 4 MB, sized by the part's first document: a day's change document can be
                // megabytes, and the embedded server holds every match of a window in this heap while it answers
                int window = ids.isEmpty() ? 1 : (int) Math.max(1, Math.min(500, (4L << 20) / Math.max(1,
                        source.withDocumentClass(org.bson.RawBsonDocument.class).find(Filters.eq("_id", ids.get(0)))
                                .first().getByteBuffer().remaining())));
                for (int from = 0; from < ids.size(); from += window) {
                    List<Document> docs = source.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(),
                            from + window)))).batchSize(20).into(new ArrayList<>());
                    long t = System.nanoTime();
                    long c = processCpuNanos();
                    target.insertMany(docs);
                    nanos += System.nanoTime() - t;
                    cpuNanos += processCpuNanos() - c;
                    documents += docs.size();
                }
            }
            if (listed != expected) {
                throw new IllegalStateException("the floor listed " + listed + " of the " + expected
                        + " documents of " + name);
            }
        }
        floor.drop();
        return new FloorInsert(documents, nanos / 1e9, cpuNanos / 1e9);
    }

    /**
     * The filters that list a read-model collection's _ids in parts. A real MongoDB streams one unfiltered find. The
     * embedded server collects every match of a find (projected) before its first reply: at 400,000 events the
     * _ids of the largest collections at once, beside the rebuild's heap, ran -Xmx512m out of memory (29 Nov). So
     * there the _ids are listed by their last character, about a tenth of them per find, and the rest (non-string
     * _ids) apart; the caller checks that the parts add up to the collection.
     */
    private static List<org.bson.conversions.Bson> idParts() {
        if (System.getenv("MONGODB_URI") != null) {
            return List.of(Filters.empty());
        }
        List<org.bson.conversions.Bson> parts = new ArrayList<>();
        for (char c = '0'; c <= '9'; c++) {
            parts.add(Filters.regex("_id", c + "$"));
        }
        parts.add(Filters.regex("_id", "[^0-9]$"));
        parts.add(Filters.regex("_id", "^$"));
        parts.add(Filters.not(Filters.type("_id", org.bson.BsonType.STRING)));
        return parts;
    }

    /**
     * Every stored event read with the raw driver. The embedded server answers an unfiltered find() by copying the
     * whole collection into its own heap (a 100k-event scan alone exhausted -Xmx512m), so there the fastest scan
     * the driver can do is by windows of _ids with $in, which it serves from the primary index; a real MongoDB
     * streams a plain find() from the collection.
     */
    private long rawScan() {
        MongoCollection<Document> events = mongo.database().getCollection("events");
        long count = 0;
        if (System.getenv("MONGODB_URI") != null) {
            for (Document ignored : events.find().batchSize(1000)) {
                count++;
            }
            return count;
        }
        long head = head();
        int window = 1000;
        for (long from = 1; from <= head; from += window) {
            List<Long> ids = new ArrayList<>(window);
            for (long id = from; id < from + window && id <= head; id++) {
                ids.add(id);
            }
            for (Document ignored : events.find(Filters.in("_id", ids)).batchSize(window)) {
                count++;
            }
        }
        return count;
    }

    private List<StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    private long head() {
        TrackingToken token = eventStore.createHeadToken();
        return token == null ? 0 : token.position().orElse(0);
    }

    private static void awaitUntil(String what, java.util.function.BooleanSupplier done) {
        awaitUntil(what, 20, done);
    }

    private static void awaitUntil(String what, long pollMillis, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " did not finish in 30 minutes");
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    // ---- 5. HTTP --------------------------------------------------------------------------------------------

    private Figure measureHttp() {
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.httpSeconds());
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < options.threads(); t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                SplittableRandom r = new SplittableRandom(options.seed() + 1000 + thread);
                for (int i = 0; System.nanoTime() < end; i++) {
                    String unit = enrolledUnits.get(r.nextInt(enrolledUnits.size()));
                    Figures f = figures(r);
                    String body = String.format(Locale.ROOT,
                            "{\"activityId\":\"http-%d-%d\",\"unitId\":\"%s\",\"date\":\"%s\",\"title\":\"文明引导\","
                                    + "\"category\":\"文明交通\",\"site\":\"路口\",\"sessions\":%d,\"participations\":%d,"
                                    + "\"serviceHours\":%s,\"beneficiaries\":%d,\"notes\":\"\"}",
                            thread, i, unit, today.minusDays(r.nextInt(PERIOD_DAYS_BACK)), f.sessions(),
                            f.participations(), f.serviceHours(), f.beneficiaries());
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                                                URI.create(baseUrl + "/api/campaigns/" + BENCH + "/activities"))
                                        .header("Content-Type", "application/json")
                                        .header("Authorization", AUTH)
                                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        (response.statusCode() / 100 == 2 ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (Exception e) {
                throw new IllegalStateException("HTTP load failed", e);
            }
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double rate = ok.get() / seconds;
        return Figure.absolute("http", rate, "req/s", failed.get() == 0, "0 errors",
                String.format(Locale.ROOT, "POST activities, %d threads over loopback, %d ok, %d errors",
                        options.threads(), ok.get(), failed.get()));
    }

    // ---- 6. export and import ------------------------------------------------------------------------------

    /**
     * Export: the product's event archive of the whole store ({@code EventArchiveWriter}, what
     * {@code GET /api/admin/events/export} and {@code --export-events} run) vs the raw-driver scan of the event
     * collection. Import: {@code EventImporter} (checking pass and writing pass, what {@code --import-events} runs)
     * into a fresh database on the same server vs raw-driver {@code insertMany} of the same stored documents, 1,000
     * per call, into another fresh database; only the inserts (and one final group commit) are timed.
     */
    private List<Figure> measureArchive() {
        com.mongodb.client.MongoDatabase database = mongo.database();
        boolean embedded = mongo.embedded().isPresent();
        com.campaigntracker.eventstore.DurabilityBarrier barrier = mongo.embedded()
                .<com.campaigntracker.eventstore.DurabilityBarrier>map(
                        com.campaigntracker.eventstore.EmbeddedMongo::durabilityBarrier)
                .orElse(com.campaigntracker.eventstore.DurabilityBarrier.NONE);
        com.mongodb.WriteConcern writeConcern = embedded ? com.mongodb.WriteConcern.ACKNOWLEDGED
                : com.mongodb.WriteConcern.MAJORITY.withJournal(true);
        java.nio.file.Path archive = null;
        com.mongodb.client.MongoDatabase imported = mongo.client().getDatabase(mongo.databaseName() + "_import");
        com.mongodb.client.MongoDatabase copied = mongo.client().getDatabase(mongo.databaseName() + "_raw_copy");
        try {
            archive = java.nio.file.Files.createTempFile("bench-events-", ".jsonl.gz");
            long t0 = System.nanoTime();
            long scanned = rawScan();
            double scanRate = scanned / ((System.nanoTime() - t0) / 1e9);
            long e0 = System.nanoTime();
            var exported = com.campaigntracker.eventstore.EventArchiveWriter.export(database, embedded, archive);
            double exportSeconds = (System.nanoTime() - e0) / 1e9;
            double exportRate = exported.eventCount() / exportSeconds;
            log.info("export of {} events in {} s = {} /s ({} MB); raw scan {} /s", exported.eventCount(),
                    fmt(exportSeconds), fmt(exportRate), fmt(exported.sizeBytes() / 1e6), fmt(scanRate));

            imported.drop();
            long i0 = System.nanoTime();
            var result = com.campaigntracker.eventstore.EventImporter.importArchive(imported, barrier, writeConcern,
                    archive, type -> true);
            double importSeconds = (System.nanoTime() - i0) / 1e9;
            double importRate = result.eventCount() / importSeconds;

            copied.drop();
            MongoCollection<Document> target = copied.getCollection("events").withWriteConcern(writeConcern);
            target.createIndex(Indexes.ascending("streamKey"), new IndexOptions().unique(true));
            long insertNanos = 0;
            long inserted = 0;
            MongoCollection<Document> events = database.getCollection("events");
            long head = head();
            for (long from = 1; from <= head; from += 1000) {
                List<Long> ids = new ArrayList<>(1000);
                for (long id = from; id < from + 1000 && id <= head; id++) {
                    ids.add(id);
                }
                List<Document> batch = events.find(Filters.in("_id", ids)).batchSize(1000).into(new ArrayList<>());
                batch.removeIf(d -> Boolean.TRUE.equals(d.get("skipped")));
                if (batch.isEmpty()) {
                    continue;
                }
                long b0 = System.nanoTime();
                target.insertMany(batch);
                insertNanos += System.nanoTime() - b0;
                inserted += batch.size();
            }
            long c0 = System.nanoTime();
            barrier.awaitDurable();
            insertNanos += System.nanoTime() - c0;
            double insertRate = inserted / (insertNanos / 1e9);
            log.info("import of {} events in {} s = {} /s; raw insertMany {} /s", result.eventCount(),
                    fmt(importSeconds), fmt(importRate), fmt(insertRate));
            return List.of(
                    Figure.higherIsBetter("export", exportRate, scanRate, "events/s", 0.5,
                            String.format(Locale.ROOT, "%d events, %.1f MB archive vs raw-driver scan",
                                    exported.eventCount(), exported.sizeBytes() / 1e6)),
                    Figure.higherIsBetter("import", importRate, insertRate, "events/s", 0.5,
                            String.format(Locale.ROOT, "%d events, checking + writing pass vs raw insertMany",
                                    result.eventCount())));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            imported.drop();
            copied.drop();
            if (archive != null) {
                archive.toFile().delete();
            }
        }
    }

    // ---- 7. 台账 import and export ------------------------------------------------------------------------------

    /**
     * ledger-import: a generated {@code ledgerRows}-row .xlsx uploaded (preview: every row's command dry-run) and
     * applied over HTTP, vs the same activities sent one by one as {@code RecordActivity} through the command
     * gateway into a twin campaign. ledger-import-heap: the summed peak of the heap pools (reset after a GC) over a
     * {@code importHeapRows}-row import, vs the maximum heap. ledger-export: {@code GET activities.xlsx} of that
     * campaign vs a raw-driver scan of its documents in the ledger collection.
     */
    private List<Figure> measureLedgerFiles() {
        List<String> units = enrolledUnits.subList(0, Math.min(20, enrolledUnits.size()));
        Set<UnitType> eligible = Set.of(UnitType.PRACTICE_INSTITUTE, UnitType.PRACTICE_STATION);
        Targets targets = new Targets(2_000_000L, 20_000_000L, 50_000_000.0, 500_000_000L, units.size());
        for (String campaign : List.of("bench-ledger-file", "bench-ledger-single", "bench-ledger-big")) {
            gateway.sendAndWait(new LaunchCampaign(campaign, "学雷锋志愿服务月", "志愿服务", "台账基准", DISTRICT, eligible,
                    today.minusDays(PERIOD_DAYS_BACK), today.plusDays(30), targets));
            units.forEach(u -> gateway.sendAndWait(new EnrollUnit(campaign, u)));
        }
        // In the order file, rows, rows, file (each half of the ledger), every part starting with the projections
        // caught up: whatever the process still does after the phases before (the store's background writes after
        // the archive's 400,000 inserts) or slows down over the run falls on both alike. Measured file first,
        // rows second (30 Nov), the same code gave 0.91, 0.96 and 0.67 in three runs.
        int n = options.ledgerRows();
        int half = n / 2;
        java.nio.file.Path firstHalf = ledgerFile(0, half, units);
        java.nio.file.Path secondHalf = ledgerFile(half, n, units);
        double importSeconds = importFile("bench-ledger-file", firstHalf, half);
        double singleSeconds = recordOneByOne(0, half, units);
        singleSeconds += recordOneByOne(half, n, units);
        importSeconds += importFile("bench-ledger-file", secondHalf, n - half);
        log.info("ledger of {} rows: import {} s, one by one {} s", n, fmt(importSeconds), fmt(singleSeconds));

        int big = options.importHeapRows();
        java.nio.file.Path large = ledgerFile(0, big, units);
        // the heap as a whole, sampled every 20 ms (the pools' own peaks, summed, overstate it: they peak at
        // different times), and the old generation's peak right after a collection: what the import keeps alive
        System.gc();
        List<java.lang.management.MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP && p.getCollectionUsage() != null)
                .toList();
        heap.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        AtomicLong sampled = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        var sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> sampled.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                0, 20, TimeUnit.MILLISECONDS);
        double bigSeconds = importFile("bench-ledger-big", large, big);
        sampler.shutdownNow();
        long peak = sampled.get();
        long liveAfterGc = heap.stream().filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured"))
                .mapToLong(p -> p.getCollectionUsage().getUsed()).max().orElse(-1);
        long max = Runtime.getRuntime().maxMemory();
        log.info("import of {} rows in {} s, peak heap {} MB of {} MB, old generation after the last GC {} MB", big,
                fmt(bigSeconds), peak >> 20, max >> 20, liveAfterGc >> 20);
        try {
            java.nio.file.Files.deleteIfExists(firstHalf);
            java.nio.file.Files.deleteIfExists(secondHalf);
            java.nio.file.Files.deleteIfExists(large);
        } catch (java.io.IOException e) {
            log.debug("could not delete a generated ledger", e);
        }

        // the raw scan reads the ledger documents by windows of 1,000 known _ids with $in, which the embedded
        // server serves from the _id index (an unfiltered or counting query would scan the whole collection)
        awaitProjectionsAtHead();
        MongoCollection<Document> ledger = mongo.database().getCollection("rm_activities");
        long r0 = System.nanoTime();
        long scanned = 0;
        for (int from = 0; from < big; from += 1000) {
            for (Document ignored : ledger.find(Filters.in("_id", ledgerKeys(from, big))).batchSize(1000)) {
                scanned++;
            }
        }
        double rawRate = scanned / ((System.nanoTime() - r0) / 1e9);
        if (scanned != big) {
            throw new IllegalStateException("the ledger holds " + scanned + " of the " + big + " imported rows");
        }
        long e0 = System.nanoTime();
        long bytes = getBytes(baseUrl + "/api/campaigns/bench-ledger-big/activities.xlsx");
        double exportRate = big / ((System.nanoTime() - e0) / 1e9);
        log.info("export of {} rows ({} kB) at {} rows/s; raw scan {} docs/s", big, bytes >> 10, fmt(exportRate),
                fmt(rawRate));
        return List.of(
                Figure.higherIsBetter("ledger-import", n / importSeconds, n / singleSeconds, "rows/s", 1.0,
                        String.format(Locale.ROOT, "%d-row .xlsx previewed + applied over HTTP vs %d RecordActivity "
                                + "one by one via CommandGateway", n, n)),
                Figure.lowerIsBetter("ledger-import-heap", peak / 1048576.0, max / 1048576.0, "MB", 1.0,
                        String.format(Locale.ROOT, "heap used, sampled every 20 ms over a %d-row import (%.0f s), vs "
                                + "max heap; old generation after the last GC %d MB", big, bigSeconds,
                                liveAfterGc >> 20)),
                Figure.higherIsBetter("ledger-export", exportRate, rawRate, "rows/s", 0.3,
                        String.format(Locale.ROOT, "GET activities.xlsx of %d rows (%d kB) vs raw-driver scan of "
                                + "rm_activities by _id windows of 1,000", big, bytes >> 10)));
    }

    private record LedgerRow(String unit, LocalDate date, String title, Figures figures) {
    }

    /** The ledger documents' _ids (the projection's {@code campaignId|activityId}) of rows {@code from} … +1,000. */
    private static List<String> ledgerKeys(int from, int rows) {
        List<String> keys = new ArrayList<>(1000);
        for (int i = from; i < Math.min(rows, from + 1000); i++) {
            keys.add("bench-ledger-big|L" + i);
        }
        return keys;
    }

    /** Rows {@code from} … {@code to} - 1 as {@code RecordActivity} one at a time, after the projections caught up. */
    private double recordOneByOne(int from, int to, List<String> units) {
        awaitProjectionsAtHead();
        long t0 = System.nanoTime();
        for (int i = from; i < to; i++) {
            LedgerRow row = ledgerRow(i, units);
            gateway.sendAndWait(new RecordActivity("bench-ledger-single", "L" + i, row.unit, row.date, row.title,
                    "志愿服务", "社区", row.figures, ""));
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Every streaming processor's segments have handled every event stored so far. */
    private void awaitProjectionsAtHead() {
        long target = head();
        awaitUntil("projections at " + target, 100, () -> streamingProcessors().stream()
                .flatMap(p -> p.processingStatus().values().stream())
                .allMatch(status -> status.getCurrentPosition().orElse(0) >= target));
    }

    /** Row {@code i} of the generated ledger: the same content whichever file or loop asks for it. */
    private LedgerRow ledgerRow(int i, List<String> units) {
        SplittableRandom r = new SplittableRandom((options.seed() + 17) * 1_000_003L + i);
        return new LedgerRow(units.get(i % units.size()), today.minusDays(r.nextInt(PERIOD_DAYS_BACK - 1)),
                "入户宣传第" + i + "次", figures(r));
    }

    /** A 台账 .xlsx of rows {@code from} … {@code to} - 1 in the template's columns, written streaming (SXSSF). */
    private java.nio.file.Path ledgerFile(int from, int to, List<String> units) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("bench-ledger-", ".xlsx");
            try (var wb = new org.apache.poi.xssf.streaming.SXSSFWorkbook(100);
                 var out = java.nio.file.Files.newOutputStream(file)) {
                var sheet = wb.createSheet("台账");
                String[] header = {"编号", "单位编号", "日期", "活动名称", "类别", "地点", "场次", "志愿者人次", "服务时长",
                        "受益人次", "备注"};
                var h = sheet.createRow(0);
                for (int c = 0; c < header.length; c++) {
                    h.createCell(c).setCellValue(header[c]);
                }
                for (int i = from; i < to; i++) {
                    LedgerRow row = ledgerRow(i, units);
                    var x = sheet.createRow(i - from + 1);
                    x.createCell(0).setCellValue("L" + i);
                    x.createCell(1).setCellValue(row.unit);
                    x.createCell(2).setCellValue(row.date.toString());
                    x.createCell(3).setCellValue(row.title);
                    x.createCell(4).setCellValue("志愿服务");
                    x.createCell(5).setCellValue("社区");
                    x.createCell(6).setCellValue(row.figures.sessions());
                    x.createCell(7).setCellValue(row.figures.participations());
                    x.createCell(8).setCellValue(row.figures.serviceHours());
                    x.createCell(9).setCellValue(row.figures.beneficiaries());
                }
                wb.write(out);
                wb.dispose();
            }
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Upload (preview) and apply over HTTP, waiting for DONE, after the projections caught up; the seconds taken. */
    private double importFile(String campaign, java.nio.file.Path file, int rows) {
        awaitProjectionsAtHead();
        long t0 = System.nanoTime();
        String boundary = "----bench" + System.nanoTime();
        try {
            HttpResponse<String> preview = http.send(HttpRequest.newBuilder(
                            URI.create(baseUrl + "/api/campaigns/" + campaign + "/ledger/imports"))
                    .header("Authorization", AUTH).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .timeout(Duration.ofHours(2))
                    .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(
                            ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"台账.xlsx\""
                                    + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(
                                    java.nio.charset.StandardCharsets.UTF_8),
                            java.nio.file.Files.readAllBytes(file),
                            ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (preview.statusCode() != 201 || !preview.body().contains("\"valid\":" + rows + ",")) {
                throw new IllegalStateException("preview answered " + preview.statusCode() + ": "
                        + preview.body().substring(0, Math.min(500, preview.body().length())));
            }
            String importId = preview.body().replaceAll("(?s).*\"importId\":\"([^\"]+)\".*", "$1");
            HttpResponse<String> applied = http.send(HttpRequest.newBuilder(
                            URI.create(baseUrl + "/api/imports/" + importId + "/apply"))
                    .header("Authorization", AUTH).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            if (applied.statusCode() != 202) {
                throw new IllegalStateException("apply answered " + applied.statusCode() + ": " + applied.body());
            }
            // its progress asked for four times a second (the UI asks once a second): asked every 20 ms, as the other
            // waits here poll, the status requests took a tenth of the CPU the import was measured with (JFR)
            awaitUntil("import " + importId, 250,
                    () -> get(baseUrl + "/api/imports/" + importId).contains("\"DONE\""));
            String done = get(baseUrl + "/api/imports/" + importId);
            if (!done.contains("\"applied\":" + rows + ",")) {
                throw new IllegalStateException("import did not apply every row: " + done.substring(0,
                        Math.min(500, done.length())));
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException("import failed", e);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private long getBytes(String url) {
        try {
            HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", AUTH).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(url + " answered " + response.statusCode());
                }
                return in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(url + " failed", e);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private void phase(String name, Runnable work) {
        long t0 = System.nanoTime();
        log.info("{} …", name);
        work.run();
        log.info("{} done in {} s", name, fmt((System.nanoTime() - t0) / 1e9));
    }

    private static String fmt2(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
