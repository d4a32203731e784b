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

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts: those declared in configuration; or, when none are declared, a first-run {@code admin} whose
 * random password is written once to a file only the owner may read ({@link #PASSWORD_FILE} in the data
 * directory; the console says where, never the password) and of which only the hash is stored (collection
 * {@code accounts}, shared by every process on the same database). That account must change its password before
 * it may do anything else ({@link PasswordChange}).
 */
public class AccountDirectory implements UserDetailsService {
    static final String FIRST_RUN_ADMIN = "admin";
    static final String PASSWORD_FILE = "initial-admin-password.txt";
    static final String MUST_CHANGE = "mustChangePassword";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final Map<String, TrackerUserDetails> configured = new LinkedHashMap<>();
    private final MongoCollection<Document> accounts;
    private final com.github.benmanes.caffeine.cache.LoadingCache<String, Boolean> mustChange;

    public AccountDirectory(List<TrackerSecurityProperties.Account> declared, MongoCollection<Document> accounts,
                            PasswordEncoder encoder, PrintStream console, Path dataDir) {
        this.accounts = accounts;
        // asked on every request of a signed-in account: a short cache, so a change made by another process counts
        this.mustChange = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                .expireAfterWrite(java.time.Duration.ofSeconds(5)).maximumSize(10_000)
                .build(username -> {
                    Document doc = accounts.find(Filters.eq("_id", username)).first();
                    return doc != null && doc.getBoolean(MUST_CHANGE, false);
                });
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
            ensureFirstRunAdmin(encoder, console, dataDir);
        }
    }

    private void ensureFirstRunAdmin(PasswordEncoder encoder, PrintStream console, Path dataDir) {
        if (accounts.find(Filters.eq("_id", FIRST_RUN_ADMIN)).first() != null) {
            return;
        }
        String password = randomPassword();
        try {
            accounts.insertOne(new Document("_id", FIRST_RUN_ADMIN)
                    .append("passwordHash", encoder.encode(password))
                    .append("roles", List.of(Role.ADMIN.name()))
                    .append(MUST_CHANGE, true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return; // another process created it first and wrote its password
            }
            throw e;
        }
        Path file = writeOwnerOnly(dataDir.resolve(PASSWORD_FILE), password);
        console.println();
        console.println("================================================================");
        console.println(" 首次启动：已创建管理员账号 admin，初始密码保存在（仅本用户可读）：");
        console.println(" First run: created account 'admin'; its password is in (readable by this user only):");
        console.println(" " + file.toAbsolutePath());
        console.println(" 首次登录须修改密码，之后请删除该文件。Change it at first sign-in, then delete the file.");
        console.println("================================================================");
        console.println();
    }

    /** Created with owner-only permissions from the start (no moment in which others could read it). */
    private static Path writeOwnerOnly(Path file, String password) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
                file.toFile().setReadable(false, false);
                file.toFile().setReadable(true, true);
                file.toFile().setWritable(false, false);
                file.toFile().setWritable(true, true);
            }
            Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the first-run admin password to " + file, e);
        }
    }

    /** Whether {@code username} still has to replace its first-run password before doing anything else. */
    boolean mustChangePassword(String username) {
        return configured.isEmpty() && Boolean.TRUE.equals(mustChange.get(username));
    }

    /** Whether passwords are kept here (first-run mode) rather than in configuration. */
    boolean storesPasswords() {
        return configured.isEmpty();
    }

    /** Replaces the stored hash; the account no longer has to change its password. */
    void changePassword(String username, String newHash) {
        accounts.updateOne(Filters.eq("_id", username), com.mongodb.client.model.Updates.combine(
                com.mongodb.client.model.Updates.set("passwordHash", newHash),
                com.mongodb.client.model.Updates.set(MUST_CHANGE, false)));
        mustChange.invalidate(username);
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
