package io.fleetcast.control.socket;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Accounts and robots held in maps, for tests of the sockets alone. */
final class FakeAccess implements ControlAccess {

    private final Map<Long, RobotInfo> robots = new ConcurrentHashMap<>();
    private final Map<Long, String> keys = new ConcurrentHashMap<>();
    private final Map<String, Long> tokens = new ConcurrentHashMap<>();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final java.util.Set<String> operators = ConcurrentHashMap.newKeySet();

    FakeAccess robot(long id, long owner, boolean playroom, String key) {
        robots.put(id, new RobotInfo(id, owner, playroom));
        keys.put(id, key);
        return this;
    }

    FakeAccess user(long id, String token) {
        tokens.put(token, id);
        return this;
    }

    FakeAccess operator(long id, String token) {
        tokens.put(token, id);
        operators.add(token);
        return this;
    }

    FakeAccess grant(long user, long robot, Grant grant) {
        grants.put(user + "/" + robot, grant);
        return this;
    }

    @Override
    public Optional<RobotInfo> robot(long robotId) {
        return Optional.ofNullable(robots.get(robotId));
    }

    @Override
    public boolean streamKeyMatches(long robotId, String streamKey) {
        return streamKey.equals(keys.get(robotId));
    }

    @Override
    public Optional<Long> userForToken(String token) {
        return Optional.ofNullable(tokens.get(token));
    }

    @Override
    public Grant grant(long userId, long robotId) {
        return grants.getOrDefault(userId + "/" + robotId, Grant.NONE);
    }

    @Override
    public boolean operator(String token) {
        return operators.contains(token);
    }
}
