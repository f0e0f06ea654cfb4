package io.fleetcast.control.queue;

/** Told about every change, by whichever instance made it (exactly one per change). */
public interface QueueChanges {

    void changed(QueueSnapshot snapshot);
}
