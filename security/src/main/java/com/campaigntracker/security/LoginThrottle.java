package com.campaigntracker.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed sign-ins per account and per client address within a window. Once an account (or an address) reaches its
 * limit, further attempts are refused without checking the password until {@code lockout} has passed since the last
 * failure (README "Accounts"). A success clears its account's count. Accounts are cheap to lock out this way for
 * anyone who knows the name; the lockout is short for that reason, and a signed-in session is never affected.
 */
final class LoginThrottle {
    private record Failures(int count, Instant last) {
    }

    private final int perAccount;
    private final int perAddress;
    private final Duration lockout;
    private final Clock clock;
    private final Cache<String, Failures> accounts;
    private final Cache<String, Failures> addresses;

    LoginThrottle(int perAccount, int perAddress, Duration lockout, Clock clock) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.lockout = lockout;
        this.clock = clock;
        this.accounts = Caffeine.newBuilder().expireAfterWrite(lockout).maximumSize(100_000).build();
        this.addresses = Caffeine.newBuilder().expireAfterWrite(lockout).maximumSize(100_000).build();
    }

    /** How long the caller must wait before trying again; empty if it may try now. */
    Optional<Duration> blocked(String username, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (Duration d : new Duration[]{remaining(accounts, username, perAccount, now),
                remaining(addresses, address, perAddress, now)}) {
            wait = d.compareTo(wait) > 0 ? d : wait;
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    private Duration remaining(Cache<String, Failures> cache, String key, int limit, Instant now) {
        Failures f = key == null ? null : cache.getIfPresent(key);
        if (f == null || limit <= 0 || f.count() < limit) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, f.last().plus(lockout));
        return left.isNegative() ? Duration.ZERO : left;
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        if (username != null) {
            accounts.asMap().merge(username, new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
        }
        if (address != null) {
            addresses.asMap().merge(address, new Failures(1, now), (a, b) -> new Failures(a.count() + 1, now));
        }
    }

    void succeeded(String username) {
        if (username != null) {
            accounts.invalidate(username);
        }
    }
}
