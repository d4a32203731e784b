package com.campaigntracker.queryapp;

import com.campaigntracker.query.QuerySideConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Runs the query-side alone, for the split deployment (see docker-compose.yml). */
@SpringBootApplication
@Import(QuerySideConfiguration.class)
public class QuerySideApplication {
    public static void main(String[] args) {
        // Axon phones home for update checks; our machines and many users' networks are closed.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
