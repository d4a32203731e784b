package com.campaigntracker.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The password check, bounded: at most {@code permits} hashes (bcrypt: ~80 ms of CPU each) run at once, a caller
 * waits at most {@code wait} for one and is otherwise told the server is busy — so a flood of guesses costs the
 * signed-in users little. An API client sending the same correct Basic credentials on every request is checked
 * once per {@code remember}: the successful pair is remembered as an HMAC under a key that lives only in this
 * process, bound to the stored hash (a changed password no longer matches), never as the password itself.
 */
final class GuardedPasswordEncoder implements PasswordEncoder {
    /** No permit within the wait: the check did not happen (neither a success nor a failure). */
    static final class BusyException extends InternalAuthenticationServiceException {
        BusyException() {
            super("password checks saturated");
        }
    }

    private final PasswordEncoder delegate;
    private final Semaphore permits;
    private final long waitNanos;
    private final Cache<String, Boolean> remembered;
    private final SecretKeySpec key;

    GuardedPasswordEncoder(PasswordEncoder delegate, int permits, Duration wait, Duration remember) {
        this.delegate = delegate;
        this.permits = new Semaphore(Math.max(1, permits), true);
        this.waitNanos = wait.toNanos();
        this.remembered = Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(10_000).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String fingerprint = fingerprint(rawPassword, encodedPassword);
        if (remembered.getIfPresent(fingerprint) != null) {
            return true;
        }
        try {
            if (!permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                throw new BusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BusyException();
        }
        try {
            boolean ok = delegate.matches(rawPassword, encodedPassword);
            if (ok) {
                remembered.put(fingerprint, Boolean.TRUE);
            }
            return ok;
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence raw, String encoded) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encoded.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Base64.getEncoder().encodeToString(mac.doFinal(raw.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
