package io.fleetcast.control.alert;

/** Where an alert frame goes: the owner's control sockets of the robot, on every instance. */
public interface OwnerNotices {

    void toOwners(long robot, String frame);
}
