package io.fleetcast.bridge.broadcast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {
    private static final long MS = 1_000_000L;
    private static final long FRAME = 33_333_333L;
    private static final long DELAY = 500 * MS;

    @Test
    void aStallAndBurstOfTheEncodersLeaveTheSendingEvenlySpaced() {
        Pacer pacer = new Pacer(DELAY);
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            long stream = i * FRAME;
            long arrival = 7_000 * MS + stream + 20 * MS;
            if (i >= 100 && i < 109) {
                arrival = 7_000 * MS + 109 * FRAME + 20 * MS; // 300 ms late, then all at once
            }
            sent.add(pacer.due(stream, arrival));
        }
        for (int i = 1; i < sent.size(); i++) {
            assertEquals(FRAME, sent.get(i) - sent.get(i - 1), 2 * MS, "spacing before picture " + i);
        }
        assertEquals(7_000 * MS + 20 * MS + DELAY, sent.getFirst(), "the first is sent the delay after it came");
    }

    @Test
    void picturesArrivingLaterForGoodWidenTheSpacingSlightlyInsteadOfStopping() {
        Pacer pacer = new Pacer(DELAY);
        long previous = 0;
        long lastLag = 0;
        for (int i = 0; i < 900; i++) {
            long stream = i * FRAME;
            long arrival = stream + (i >= 300 ? 150 * MS : 0); // a hold: 150 ms lost for good at picture 300
            long due = pacer.due(stream, arrival);
            if (i > 0) {
                long spacing = due - previous;
                assertTrue(spacing <= FRAME * (1 + Pacer.ADJUST) + MS, "spacing " + spacing + " at " + i);
            }
            assertTrue(due >= arrival, "never before it came");
            previous = due;
            lastLag = due - arrival;
        }
        assertEquals(DELAY, lastLag, 5 * MS, "back to the full delay after the hold");
    }

    @Test
    void picturesArrivingEarlierNarrowTheSpacingSlightlyToStayNearTheDelay() {
        Pacer pacer = new Pacer(DELAY);
        long previous = 0;
        long lastLag = 0;
        for (int i = 0; i < 900; i++) {
            long stream = i * FRAME;
            long arrival = stream - (i >= 300 ? 200 * MS : 0); // the source's clock ran ahead
            long due = pacer.due(stream, arrival);
            if (i > 0) {
                assertTrue(due - previous >= FRAME * (1 - Pacer.ADJUST) - MS, "spacing at " + i);
            }
            previous = due;
            lastLag = due - arrival;
        }
        assertEquals(DELAY, lastLag, 5 * MS);
    }

    @Test
    void aNewTimelineStartsOverWithTheDelay() {
        Pacer pacer = new Pacer(DELAY);
        pacer.due(0, 1_000 * MS);
        pacer.due(FRAME, 1_000 * MS + FRAME);
        long jumped = pacer.due(3_600_000 * MS, 1_000 * MS + 2 * FRAME);
        assertEquals(1_000 * MS + 2 * FRAME + DELAY, jumped);
        pacer.reset();
        assertEquals(2_000 * MS + DELAY, pacer.due(5 * FRAME, 2_000 * MS));
    }

    @Test
    void aPacketLateBeyondTheDelayGoesAtOnce() {
        Pacer pacer = new Pacer(DELAY);
        pacer.due(0, 0);
        assertEquals(2_000 * MS, pacer.due(FRAME, 2_000 * MS));
    }
}
