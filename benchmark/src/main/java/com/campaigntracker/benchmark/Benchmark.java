package com.campaigntracker.benchmark;

import com.campaigntracker.command.CommandSideConfiguration;
import com.campaigntracker.eventstore.TrackerMongo;
import com.campaigntracker.query.QuerySideConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark: the product in this JVM on the embedded store (or on {@code MONGODB_URI}), every figure a ratio
 * of two things measured in this run on the same server. Options: {@code --events=400000 --units=600
 * --threads=8 --append-commands=10000 --history=100000 --latency-samples=300 --dashboard-requests=300
 * --http-seconds=10 --ledger-rows=10000 --import-heap-rows=100000}.
 */
public final class Benchmark {

    private Benchmark() {
    }

    @SpringBootApplication
    @Import({CommandSideConfiguration.class, QuerySideConfiguration.class})
    static class BenchApplication {
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        BenchOptions options = BenchOptions.parse(args);
        List<Figure> figures = run(options);
        System.out.println();
        System.out.println(Figure.table(figures, Runtime.getRuntime().availableProcessors()));
        figures.forEach(f -> System.out.println(f.json(Runtime.getRuntime().availableProcessors())));
        System.exit(0);
    }

    /** Runs every measurement and returns the figures; the context is closed afterwards. */
    public static List<Figure> run(BenchOptions options) {
        List<String> springArgs = new ArrayList<>(List.of(
                "--server.port=0",
                "--logging.level.root=WARN",
                "--logging.level.com.campaigntracker.benchmark=INFO",
                "--spring.main.banner-mode=off",
                "--tracker.security.users[0].username=" + BenchRun.USER,
                "--tracker.security.users[0].password={noop}" + BenchRun.PASSWORD,
                "--tracker.security.users[0].roles=ADMIN"));
        // the dashboard's floor: a static file of the progress view's size, served by the same server stack
        Path staticDir = Path.of(freshDataDir());
        springArgs.add("--spring.web.resources.static-locations=classpath:/META-INF/resources/,classpath:/static/,file:"
                + staticDir.toAbsolutePath() + "/");
        if (System.getenv("MONGODB_URI") == null) {
            springArgs.add("--tracker.data-dir=" + freshDataDir());
        } else {
            // never touch a user's own database: each run gets its own
            springArgs.add("--tracker.database=tracker_bench_" + System.currentTimeMillis());
        }
        try (ConfigurableApplicationContext context = SpringApplication.run(BenchApplication.class,
                springArgs.toArray(String[]::new))) {
            return new BenchRun(context, options, staticDir).measureAll();
        }
    }

    private static String freshDataDir() {
        try {
            Path dir = Files.createTempDirectory("campaign-tracker-bench-");
            return dir.toAbsolutePath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For the smoke test: the Mongo connection in use. */
    static TrackerMongo mongo(ConfigurableApplicationContext context) {
        return context.getBean(TrackerMongo.class);
    }
}
