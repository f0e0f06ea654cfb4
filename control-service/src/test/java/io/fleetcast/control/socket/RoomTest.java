package io.fleetcast.control.socket;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a room remembers of its robot's presence, so sockets need not ask Redis each time. */
class RoomTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aNewRoomDoesNotKnowItsRobotsPresenceUntilTold() {
        Room room = new Room(7);
        assertThat(room.presenceKnown()).isFalse();
        room.robotOnline(false);
        assertThat(room.presenceKnown()).as("an offline answer is knowledge too").isTrue();
        assertThat(room.robotOnline()).isFalse();
    }

    @Test
    void aRoomAsksAboutItsRobotAtMostOnceASecond() {
        Room room = new Room(7);
        long start = 5 * SECOND;
        assertThat(room.mayAskPresence(start)).as("the first question").isTrue();
        assertThat(room.mayAskPresence(start + 1)).isFalse();
        assertThat(room.mayAskPresence(start + SECOND - 1)).isFalse();
        assertThat(room.mayAskPresence(start + SECOND)).as("a second later").isTrue();
        assertThat(room.mayAskPresence(start + SECOND + 10)).isFalse();
    }
}
