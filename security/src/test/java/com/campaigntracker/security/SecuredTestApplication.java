package com.campaigntracker.security;

import com.campaigntracker.eventstore.EventStoreConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints shaped like the product's, answering with the acting account, to exercise the filter chain alone. */
@SpringBootApplication
@Import({EventStoreConfiguration.class, SecurityConfiguration.class})
class SecuredTestApplication {

    @RestController
    static class EchoController {
        @GetMapping("/api/campaigns")
        String list() {
            return actor();
        }

        @PostMapping("/api/campaigns")
        String launch() {
            return actor();
        }

        @PostMapping("/api/campaigns/{id}/activities")
        String record(@PathVariable String id) {
            return actor();
        }

        @PutMapping("/api/campaigns/{id}/activities/{activityId}")
        String correct(@PathVariable String id, @PathVariable String activityId) {
            return actor();
        }

        @PostMapping("/api/campaigns/{id}/enrollments")
        String enroll(@PathVariable String id) {
            return actor();
        }

        @PostMapping("/api/units")
        String register(@org.springframework.web.bind.annotation.RequestBody String body) {
            return actor() + "/" + body.length();
        }

        @GetMapping("/api/admin/projections")
        String admin() {
            return actor();
        }

        @GetMapping("/")
        String home() {
            return "<html>首页</html>";
        }

        private static String actor() {
            Actor a = CurrentActor.get();
            return a.username() + "/" + a.primaryRole() + "/" + a.unitId() + "/" + a.district();
        }
    }
}
