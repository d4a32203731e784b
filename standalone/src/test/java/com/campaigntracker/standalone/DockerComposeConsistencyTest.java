package com.campaigntracker.standalone;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml must configure the services through properties they really read, and mount the jars the
 * modules really build: every environment variable of an app service maps (Spring relaxed binding) to a property
 * used in the sources or defaults, and every mounted jar is {@code <module>/target/<artifactId>-<version>-exec.jar}.
 */
class DockerComposeConsistencyTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Set<String> OUTSIDE_SPRING = Set.of("TZ", "JAVA_TOOL_OPTIONS");
    /** Spring Boot's own properties the compose file may set. */
    private static final Set<String> SPRING_BOOT = Set.of("server.port", "spring.profiles.active");

    @Test
    @SuppressWarnings("unchecked")
    void environmentNamesAndJarPathsMatchTheServices() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Set<String> known = knownProperties();
        assertThat(known).contains("tracker.uri", "tracker.projections.segments", "tracker.tokens.claim-timeout");
        // MONGODB_URI is the documented switch: tracker.uri's default reads it
        assertThat(Files.readString(ROOT.resolve(
                "eventstore/src/main/resources/tracker-eventstore-defaults.properties")))
                .contains("tracker.uri=${MONGODB_URI:");
        Set<String> apps = new HashSet<>();
        for (Map.Entry<String, Object> e : services.entrySet()) {
            Map<String, Object> service = (Map<String, Object>) e.getValue();
            List<String> volumes = (List<String>) service.getOrDefault("volumes", List.of());
            boolean app = false;
            for (String v : volumes) {
                String host = v.split(":")[0];
                if (host.endsWith(".jar")) {
                    app = true;
                    Path jar = Path.of(host);
                    String module = jar.getName(1).toString();
                    assertThat(jar.getName(2).toString()).isEqualTo("target");
                    String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
                    assertThat(pom).as("module %s builds an exec jar", module).contains("<classifier>exec</classifier>");
                    String artifactId = between(pom.substring(pom.indexOf("</parent>")), "<artifactId>", "</artifactId>");
                    String version = between(pom, "<version>", "</version>");
                    assertThat(jar.getFileName().toString()).isEqualTo(artifactId + "-" + version + "-exec.jar");
                    assertThat(String.join(" ", (List<String>) service.get("command")))
                            .contains(v.split(":")[1]);
                }
            }
            if (!app) {
                continue;
            }
            apps.add(e.getKey());
            Map<String, Object> env = (Map<String, Object>) service.getOrDefault("environment", Map.of());
            assertThat(env).containsKey("MONGODB_URI");
            for (String name : env.keySet()) {
                if (OUTSIDE_SPRING.contains(name) || name.equals("MONGODB_URI")) {
                    continue;
                }
                assertThat(known.stream().map(DockerComposeConsistencyTest::envName))
                        .as("%s of service %s binds to a property the apps read", name, e.getKey())
                        .contains(name);
            }
        }
        assertThat(apps).contains("command-side", "query-side");

        // Every file a service mounts from the repository exists (nginx, Prometheus, Grafana provisioning).
        for (Map.Entry<String, Object> e : services.entrySet()) {
            Map<String, Object> service = (Map<String, Object>) e.getValue();
            for (String v : (List<String>) service.getOrDefault("volumes", List.of())) {
                String host = v.split(":")[0];
                if (host.startsWith("./deploy/")) {
                    assertThat(ROOT.resolve(host)).as("%s mounted by %s", host, e.getKey()).exists();
                }
            }
        }
        // The monitoring profile is optional: only Prometheus and Grafana are in it, and Prometheus scrapes every
        // app service's /actuator/prometheus with the MONITOR account's password from the compose secret.
        Set<String> monitoring = new HashSet<>();
        services.forEach((name, service) -> {
            if (((Map<String, Object>) service).getOrDefault("profiles", List.of()) instanceof List<?> p
                    && p.contains("monitoring")) {
                monitoring.add(name);
            }
        });
        assertThat(monitoring).containsExactlyInAnyOrder("prometheus", "grafana");
        Map<String, Object> prometheus = new Yaml().load(Files.readString(ROOT.resolve("deploy/prometheus.yml")));
        Set<String> scraped = new HashSet<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            assertThat(((Map<String, Object>) job.get("basic_auth")).get("password_file"))
                    .isEqualTo("/run/secrets/monitor_password");
            for (Map<String, Object> sd : (List<Map<String, Object>>) job.get("dns_sd_configs")) {
                scraped.addAll((List<String>) sd.get("names"));
                assertThat(sd.get("port")).isEqualTo(8080);
            }
        }
        assertThat(scraped).containsExactlyInAnyOrderElementsOf(apps);
        assertThat((Map<String, Object>) compose.get("secrets")).containsKey("monitor_password");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                ROOT.resolve("deploy/grafana/dashboards/campaign-tracker.json").toFile()).path("panels").size())
                .isGreaterThanOrEqualTo(3);
    }

    /** Spring's environment-variable form of a property read through {@code @Value}: dots and dashes → _. */
    static String envName(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }

    private static String between(String s, String open, String close) {
        int a = s.indexOf(open) + open.length();
        return s.substring(a, s.indexOf(close, a)).trim();
    }

    /** Every property the modules' sources read ({@code ${name:...}}) or their defaults files set. */
    private static Set<String> knownProperties() throws IOException {
        Set<String> out = new HashSet<>(SPRING_BOOT);
        Pattern placeholder = Pattern.compile("\\$\\{([a-z][a-z0-9.\\-\\[\\]]*)[:}]");
        Pattern key = Pattern.compile("^#?\\s*([a-z][a-z0-9.\\-]*)=", Pattern.MULTILINE);
        for (String module : List.of("eventstore", "security", "command-side", "query-side", "standalone")) {
            Path src = ROOT.resolve(module).resolve("src/main");
            try (Stream<Path> files = Files.walk(src)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String name = f.getFileName().toString();
                    if (!name.endsWith(".java") && !name.endsWith(".properties") && !name.endsWith(".yml")) {
                        continue;
                    }
                    String text = read(f);
                    Matcher m = placeholder.matcher(text);
                    while (m.find()) {
                        out.add(m.group(1));
                    }
                    if (name.endsWith(".properties")) {
                        Matcher k = key.matcher(text);
                        while (k.find()) {
                            out.add(k.group(1));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
