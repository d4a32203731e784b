package com.campaigntracker.security;

import com.campaigntracker.eventstore.TrackerMongo;
import com.campaigntracker.eventstore.TrackerMongoProperties;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirstRunAdminTest {
    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    @TempDir
    Path dir;
    private TrackerMongo mongo;

    @BeforeEach
    void start() {
        mongo = new TrackerMongo(new TrackerMongoProperties(null, "t", dir.toString(), null, 0));
    }

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void withNoAccountsConfiguredAnAdminIsCreatedOnceItsPasswordWrittenToAnOwnerOnlyFile() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        var accounts = mongo.database().getCollection("accounts");
        Path data = dir.resolve("data");
        AccountDirectory first = new AccountDirectory(List.of(), accounts, encoder,
                new PrintStream(console, true, StandardCharsets.UTF_8), data);

        Path file = data.resolve(AccountDirectory.PASSWORD_FILE);
        String password = Files.readString(file).strip();
        assertThat(password).hasSize(20);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains(file.toAbsolutePath().toString()).doesNotContain(password);
        Document stored = accounts.find().first();
        assertThat(stored.getString("_id")).isEqualTo("admin");
        assertThat(stored.toJson()).doesNotContain(password);
        assertThat(stored.getString("passwordHash")).startsWith("{bcrypt}");
        assertThat(first.mustChangePassword("admin")).isTrue();
        var admin = first.loadUserByUsername("admin");
        assertThat(encoder.matches(password, admin.getPassword())).isTrue();
        assertThat(admin.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        new AccountDirectory(List.of(), accounts, encoder, new PrintStream(again, true, StandardCharsets.UTF_8), data);
        assertThat(again.size()).isZero();
        assertThat(Files.readString(file).strip()).as("written once, never replaced").isEqualTo(password);
        assertThat(accounts.countDocuments()).isEqualTo(1);
    }

    @Test
    void configuredAccountsReplaceTheFirstRunAdmin() {
        var account = new TrackerSecurityProperties.Account();
        account.setUsername("coord");
        account.setPassword("{noop}x");
        account.setRoles("coordinator, leader");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        AccountDirectory directory = new AccountDirectory(List.of(account), mongo.database().getCollection("accounts"),
                encoder, new PrintStream(console, true, StandardCharsets.UTF_8), dir);

        assertThat(console.size()).isZero();
        assertThat(dir.resolve(AccountDirectory.PASSWORD_FILE)).doesNotExist();
        assertThat(directory.mustChangePassword("coord")).isFalse();
        assertThat(mongo.database().getCollection("accounts").countDocuments()).isZero();
        assertThat(directory.loadUserByUsername("coord").getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_COORDINATOR", "ROLE_LEADER");
        assertThatThrownBy(() -> directory.loadUserByUsername("admin"))
                .isInstanceOf(org.springframework.security.core.userdetails.UsernameNotFoundException.class);
    }

    @Test
    void aUnitAccountWithoutAUnitIsAConfigurationError() {
        var account = new TrackerSecurityProperties.Account();
        account.setUsername("u");
        account.setPassword("{noop}x");
        account.setRoles("UNIT");
        assertThatThrownBy(() -> new AccountDirectory(List.of(account), mongo.database().getCollection("accounts"),
                encoder, System.out, dir)).hasMessageContaining("has role UNIT but no unit");
    }
}
