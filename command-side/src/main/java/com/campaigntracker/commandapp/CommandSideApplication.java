package com.campaigntracker.commandapp;

import com.campaigntracker.command.CommandSideConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** Runs the command-side alone, for the split deployment (see docker-compose.yml). */
@SpringBootApplication
@Import(CommandSideConfiguration.class)
public class CommandSideApplication {
    public static void main(String[] args) {
        // Axon phones home for update checks; our machines and many users' networks are closed.
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
