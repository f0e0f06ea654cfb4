package io.fleetcast.control.user;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void storesArgon2idWithASaltAndNeverThePassword() {
        String hash = hasher.hash("correct horse");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("correct horse");
        assertThat(hasher.hash("correct horse")).isNotEqualTo(hash);
    }

    @Test
    void matchesOnlyTheRightPassword() {
        String hash = hasher.hash("correct horse");
        assertThat(hasher.matches("correct horse", hash)).isTrue();
        assertThat(hasher.matches("correct horsE", hash)).isFalse();
        assertThat(hasher.matches("correct horse", "not-a-hash")).isFalse();
        assertThat(hasher.matches("correct horse", "$argon2id$v=19$m=x$y$z")).isFalse();
    }
}
