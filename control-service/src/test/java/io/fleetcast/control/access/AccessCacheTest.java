package io.fleetcast.control.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.fleetcast.control.permission.Permission;
import io.fleetcast.control.permission.Permissions;
import io.fleetcast.control.robot.CreatedRobot;
import io.fleetcast.control.robot.RobotKind;
import io.fleetcast.control.robot.Robots;
import io.fleetcast.control.store.Database;
import io.fleetcast.control.testing.StoresExtension;
import io.fleetcast.control.testing.TestStores;
import io.fleetcast.control.user.PasswordHasher;
import io.fleetcast.control.user.Role;
import io.fleetcast.control.user.Users;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StoresExtension.class)
class AccessCacheTest {
    @Test
    void servesFromMemoryUntilInvalidatedOrExpired(TestStores stores) {
        try (Database db = new Database(stores.freshDatabase(), 2, null)) {
            db.migrate();
            AtomicLong now = new AtomicLong();
            AccessCache cache = new AccessCache(db, Duration.ofSeconds(60), now::get);
            Users users = new Users(db, new PasswordHasher(64, 1), user -> { });
            long owner = users.create("owner", "password-1", Role.USER).id();
            long friend = users.create("friend", "password-2", Role.USER).id();
            // Repositories that do NOT tell the cache: shows what the cache serves by itself.
            Robots robots = new Robots(db, id -> { });
            Permissions permissions = new Permissions(db, id -> { });
            CreatedRobot robot = robots.create(owner, "rover", RobotKind.PRIVATE);

            RobotAccess first = cache.robot(robot.robot().id()).orElseThrow();
            assertThat(first.keyMatches(robot.streamKey())).isTrue();
            assertThat(first.allows(friend, Permission.VIEW)).isFalse();

            permissions.grant(robot.robot().id(), friend, Permission.VIEW);
            assertThat(cache.robot(robot.robot().id()).orElseThrow().allows(friend, Permission.VIEW))
                    .as("still the cached answer").isFalse();

            cache.invalidate(robot.robot().id());
            assertThat(cache.robot(robot.robot().id()).orElseThrow().allows(friend, Permission.VIEW)).isTrue();

            permissions.revoke(robot.robot().id(), friend, Permission.VIEW);
            now.addAndGet(Duration.ofSeconds(61).toNanos());
            assertThat(cache.robot(robot.robot().id()).orElseThrow().allows(friend, Permission.VIEW))
                    .as("reloaded after the TTL").isFalse();
        }
    }

    @Test
    void remembersUnknownRobotsUntilOneIsCreated(TestStores stores) {
        try (Database db = new Database(stores.freshDatabase(), 2, null)) {
            db.migrate();
            AccessCache cache = new AccessCache(db, Duration.ofHours(1));
            long owner = new Users(db, new PasswordHasher(64, 1), user -> { }).create("owner", "password-1", Role.USER).id();
            assertThat(cache.robot(1)).isEmpty();
            assertThat(cache.playroom()).isEmpty();
            Robots robots = new Robots(db, cache::invalidate);
            CreatedRobot playroom = robots.create(owner, "pr", RobotKind.PLAYROOM);
            assertThat(cache.robot(playroom.robot().id())).isPresent();
            assertThat(cache.playroom().orElseThrow().keyMatches(playroom.streamKey())).isTrue();
        }
    }
}
