package io.fleetcast.control.mediamtx;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.auth.MediaProtocol;
import io.fleetcast.control.token.Principal;
import io.fleetcast.control.token.VerifiedToken;
import io.fleetcast.control.user.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ReaderSessionsTest {
    private final List<UUID> kicked = new CopyOnWriteArrayList<>();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private final ReaderSessions reads = new ReaderSessions((protocol, id) -> kicked.add(id),
            token -> !revoked.contains(token.id()));

    private static VerifiedToken token(long user, String id) {
        return new VerifiedToken(new Principal(user, "user" + user, Role.USER), id, 0, Instant.now().plusSeconds(600));
    }

    @Test
    void kicksOnlyTheReadsWhoseTokenNoLongerCounts() {
        UUID laptop = UUID.randomUUID();
        UUID phone = UUID.randomUUID();
        UUID someoneElse = UUID.randomUUID();
        reads.opened(token(1, "laptop"), MediaProtocol.WEBRTC, laptop);
        reads.opened(token(1, "phone"), MediaProtocol.HLS, phone);
        reads.opened(token(2, "other"), MediaProtocol.WEBRTC, someoneElse);

        revoked.add("laptop");
        reads.kickRevoked(1);
        assertThat(kicked).containsExactly(laptop);
        assertThat(reads.tracked(1)).isEqualTo(1);

        revoked.add("phone");
        revoked.add("other");
        reads.kickRevoked(1);
        assertThat(kicked).containsExactly(laptop, phone);
        assertThat(reads.tracked(1)).isZero();
        reads.kickAllRevoked();
        assertThat(kicked).containsExactly(laptop, phone, someoneElse);
    }

    @Test
    void keepsOnlyTheNewestReadsOfAUser() {
        for (int i = 0; i < ReaderSessions.PER_USER + 10; i++) {
            reads.opened(token(3, "t"), MediaProtocol.RTSP, UUID.randomUUID());
        }
        assertThat(reads.tracked(3)).isEqualTo(ReaderSessions.PER_USER);
        revoked.add("t");
        reads.kickRevoked(3);
        assertThat(kicked).hasSize(ReaderSessions.PER_USER);
    }

    @Test
    void aCheckThatCannotAnswerKeepsTheRead() {
        ReaderSessions failing = new ReaderSessions((protocol, id) -> kicked.add(id), token -> {
            throw new IllegalStateException("database down");
        });
        failing.opened(token(4, "t"), MediaProtocol.WEBRTC, UUID.randomUUID());
        failing.kickRevoked(4);
        assertThat(kicked).isEmpty();
        assertThat(failing.tracked(4)).isEqualTo(1);
    }
}
