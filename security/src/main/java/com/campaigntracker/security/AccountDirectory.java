package com.campaigntracker.security;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts: those declared in configuration; or, when none are declared, a first-run {@code admin} whose
 * random password is printed once to the console and of which only the hash is stored (collection
 * {@code accounts}, shared by every process on the same database).
 */
public class AccountDirectory implements UserDetailsService {
    static final String FIRST_RUN_ADMIN = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Map<String, TrackerUserDetails> configured = new LinkedHashMap<>();
    private final MongoCollection<Document> accounts;

    public AccountDirectory(List<TrackerSecurityProperties.Account> declared, MongoCollection<Document> accounts,
                            PasswordEncoder encoder, PrintStream console) {
        this.accounts = accounts;
        for (TrackerSecurityProperties.Account a : declared) {
            if (a.getUsername() == null || a.getPassword() == null || a.roleSet().isEmpty()) {
                throw new IllegalStateException("tracker.security.users: " + a
                        + " needs a username, a password and at least one role");
            }
            if (a.roleSet().contains(Role.UNIT) && a.getUnit() == null) {
                throw new IllegalStateException("tracker.security.users: " + a + " has role UNIT but no unit");
            }
            configured.put(a.getUsername(), new TrackerUserDetails(
                    new Actor(a.getUsername(), a.roleSet(), a.getUnit(), a.getDistrict()), a.getPassword()));
        }
        if (configured.isEmpty()) {
            ensureFirstRunAdmin(encoder, console);
        }
    }

    private void ensureFirstRunAdmin(PasswordEncoder encoder, PrintStream console) {
        if (accounts.find(Filters.eq("_id", FIRST_RUN_ADMIN)).first() != null) {
            return;
        }
        String password = randomPassword();
        try {
            accounts.insertOne(new Document("_id", FIRST_RUN_ADMIN)
                    .append("passwordHash", encoder.encode(password))
                    .append("roles", List.of(Role.ADMIN.name())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return; // another process created it first and printed its password
            }
            throw e;
        }
        // Straight to the console, not through the logging system, so it never lands in a log file.
        console.println();
        console.println("================================================================");
        console.println(" 首次启动：已创建管理员账号 admin");
        console.println(" First run: created account 'admin' with password: " + password);
        console.println(" 此密码只显示这一次，请妥善保存。Shown once; only its hash is stored.");
        console.println("================================================================");
        console.println();
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        TrackerUserDetails details = configured.isEmpty() ? stored(username) : configured.get(username);
        if (details == null) {
            throw new UsernameNotFoundException("unknown account");
        }
        return details;
    }

    private TrackerUserDetails stored(String username) {
        Document doc = accounts.find(Filters.eq("_id", username)).first();
        if (doc == null) {
            return null;
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        doc.getList("roles", String.class).forEach(r -> roles.add(Role.valueOf(r)));
        return new TrackerUserDetails(new Actor(username, roles, doc.getString("unit"), doc.getString("district")),
                doc.getString("passwordHash"));
    }
}
