package io.fleetcast.control.alert;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * One episode per robot and kind across every instance: a Redis key that the first instance
 * to raise the alert creates ({@code SET NX}) and the first to clear it removes (get and
 * delete in one script), so whatever the number of instances judging the same robot, only
 * one announces each raise and each clear. The key expires after a week, in case every
 * instance that could clear it is gone. The last {@value #HISTORY} alerts of a robot are kept
 * in a list beside it for the dashboard.
 */
final class Episodes {

    static final int HISTORY = 50;
    private static final long KEY_TTL_SECONDS = 7 * 24 * 3600;
    private static final String TAKE = """
            local value = redis.call('GET', KEYS[1])
            if value then redis.call('DEL', KEYS[1]) end
            return value""";

    private final UnifiedJedis redis;

    Episodes(UnifiedJedis redis) {
        this.redis = redis;
    }

    /** This instance's new episode, or empty when another instance already has it open. */
    Optional<Episode> open(long robot, AlertKind kind, long since) {
        Episode episode = new Episode(UUID.randomUUID().toString(), since);
        String ok = redis.set(key(robot, kind), episode.id() + "|" + since,
                SetParams.setParams().nx().ex(KEY_TTL_SECONDS));
        return "OK".equals(ok) ? Optional.of(episode) : Optional.empty();
    }

    /** The episode this instance closed, or empty when none was open (or another closed it). */
    Optional<Episode> close(long robot, AlertKind kind) {
        Object value = redis.eval(TAKE, List.of(key(robot, kind)), List.of());
        if (!(value instanceof String text) || text.indexOf('|') < 1) {
            return Optional.empty();
        }
        int bar = text.indexOf('|');
        return Optional.of(new Episode(text.substring(0, bar), Long.parseLong(text.substring(bar + 1))));
    }

    void remember(long robot, String frame) {
        String key = historyKey(robot);
        redis.lpush(key, frame);
        redis.ltrim(key, 0, HISTORY - 1);
        redis.expire(key, 30L * 24 * 3600);
    }

    /** Newest first. */
    List<String> history(long robot) {
        return redis.lrange(historyKey(robot), 0, HISTORY - 1);
    }

    private static String key(long robot, AlertKind kind) {
        return "fc:alert:" + robot + ":" + kind.wire();
    }

    private static String historyKey(long robot) {
        return "fc:robot:" + robot + ":alerts";
    }

    record Episode(String id, long since) {
    }
}
