package com.campaigntracker.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Finding 3 of issue 16: a flood of password checks cannot take more than its permits, nor hold up known clients. */
class GuardedPasswordEncoderTest {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger hashes = new AtomicInteger();

    /** A hash that takes as long as the test wants. */
    private final PasswordEncoder slow = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return "h:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            hashes.incrementAndGet();
            if (raw.toString().startsWith("block")) {
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return encoded.equals("h:" + raw);
        }
    };

    @Test
    void beyondItsPermitsACheckIsRefusedAsBusyButRememberedCredentialsNeedNoPermit() throws Exception {
        GuardedPasswordEncoder guarded = new GuardedPasswordEncoder(slow, 1, Duration.ofMillis(200),
                Duration.ofMinutes(5));
        assertThat(guarded.matches("known-pw", "h:known-pw")).isTrue();
        assertThat(guarded.matches("wrong", "h:known-pw")).isFalse();
        int before = hashes.get();

        CompletableFuture<Boolean> holder = CompletableFuture.supplyAsync(() -> guarded.matches("block-1", "h:x"));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> guarded.matches("guess", "h:known-pw"))
                .isInstanceOf(GuardedPasswordEncoder.BusyException.class);
        // the client whose credentials were checked a moment ago is not held up by the flood
        assertThat(guarded.matches("known-pw", "h:known-pw")).isTrue();
        // … but a changed password (another stored hash) is checked again
        assertThatThrownBy(() -> guarded.matches("known-pw", "h:known-pw-2"))
                .isInstanceOf(GuardedPasswordEncoder.BusyException.class);
        release.countDown();
        assertThat(holder.get(10, TimeUnit.SECONDS)).isFalse();
        assertThat(hashes.get() - before).isEqualTo(1);
        // wrong passwords are never remembered
        assertThat(guarded.matches("wrong", "h:known-pw")).isFalse();
        assertThat(hashes.get() - before).isEqualTo(2);
    }
}
