package io.fleetcast.control.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.user.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StandingCacheTest {
    private final Map<Long, Standing> database = new ConcurrentHashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicLong nanos = new AtomicLong();
    private final StandingCache cache = new StandingCache(id -> {
        loads.incrementAndGet();
        return Optional.ofNullable(database.get(id));
    }, Duration.ofSeconds(60), nanos::get);

    private static VerifiedToken token(long user, String id, long version) {
        return new VerifiedToken(new Principal(user, "u", Role.USER), id, version, Instant.now().plusSeconds(600));
    }

    @Test
    void acceptsOnlyCurrentVersionTokensOfEnabledUsersThatWereNotLoggedOut() {
        database.put(1L, new Standing(3, false, Set.of("logged-out")));
        database.put(2L, new Standing(0, true, Set.of()));
        assertThat(cache.stillValid(token(1, "a", 3))).isTrue();
        assertThat(cache.stillValid(token(1, "a", 2))).as("older version").isFalse();
        assertThat(cache.stillValid(token(1, "logged-out", 3))).as("logged out").isFalse();
        assertThat(cache.stillValid(token(2, "b", 0))).as("disabled").isFalse();
        assertThat(cache.stillValid(token(9, "c", 0))).as("no such user").isFalse();
    }

    @Test
    void answersFromMemoryUntilTheUserChanges() {
        database.put(1L, new Standing(0, false, Set.of()));
        for (int i = 0; i < 100; i++) {
            assertThat(cache.stillValid(token(1, "a", 0))).isTrue();
        }
        assertThat(loads).hasValue(1);

        database.put(1L, new Standing(1, false, Set.of()));
        assertThat(cache.stillValid(token(1, "a", 0))).as("stale until told").isTrue();
        cache.invalidate(1);
        assertThat(cache.stillValid(token(1, "a", 0))).isFalse();
        assertThat(loads).hasValue(2);
    }

    @Test
    void theTtlBoundsALostChangeMessage() {
        database.put(1L, new Standing(0, false, Set.of()));
        assertThat(cache.stillValid(token(1, "a", 0))).isTrue();
        database.put(1L, new Standing(0, true, Set.of()));
        nanos.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(cache.stillValid(token(1, "a", 0))).isFalse();
    }

    @Test
    void aTokenNewerThanTheCachedVersionReloadsOnce() {
        database.put(1L, new Standing(0, false, Set.of()));
        assertThat(cache.stillValid(token(1, "old", 0))).isTrue();
        // A password change on another instance; its message has not arrived here yet.
        database.put(1L, new Standing(1, false, Set.of()));
        assertThat(cache.stillValid(token(1, "fresh", 1))).isTrue();
        assertThat(cache.stillValid(token(1, "old", 0))).isFalse();
        assertThat(loads).hasValue(2);
    }
}
