package com.campaigntracker.standalone;

import com.campaigntracker.command.CommandSideConfiguration;
import com.campaigntracker.query.QuerySideConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The whole product in one process: command side and query side on one store. */
@SpringBootApplication
@Import({CommandSideConfiguration.class, QuerySideConfiguration.class})
public class TrackerApplication {
    public static void main(String[] args) throws InterruptedException {
        if (java.util.Arrays.asList(args).contains(StoreOnly.FLAG)) {
            StoreOnly.run(args);
            return;
        }
        if (EventArchiveCommand.requested(args)) {
            System.exit(EventArchiveCommand.run(args));
        }
        // Axon phones home for update checks; our machines and many users' networks are closed.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(TrackerApplication.class, args);
    }
}
