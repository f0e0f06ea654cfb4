package io.fleetcast.control.bootstrap;

import io.fleetcast.control.robot.Robot;
import io.fleetcast.control.robot.RobotKind;
import io.fleetcast.control.robot.Robots;
import io.fleetcast.control.user.Role;
import io.fleetcast.control.user.User;
import io.fleetcast.control.user.Users;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Applies {@link BootstrapSettings} at start, idempotently: the operator is made when missing
 * (an existing account keeps its password and role); the playroom robot is made when missing,
 * owned by that operator, and gets the configured stream key on every start (changing the key
 * in the environment changes it here). Logs what it did, never a secret.
 */
public final class Bootstrap {
    private static final Logger LOG = System.getLogger(Bootstrap.class.getName());

    private Bootstrap() {
    }

    public static void apply(BootstrapSettings settings, Users users, Robots robots) {
        if (settings.operator().isEmpty()) {
            return;
        }
        String name = settings.operator().get();
        User operator = users.byName(name).orElse(null);
        if (operator == null) {
            operator = users.create(name, settings.operatorPassword().orElseThrow(), Role.OPERATOR);
            LOG.log(Level.INFO, "bootstrap: created operator " + name);
        } else if (operator.role() != Role.OPERATOR) {
            throw new IllegalStateException("BOOTSTRAP_OPERATOR " + name + " exists and is not an operator");
        }
        if (settings.playroomKey().isEmpty()) {
            return;
        }
        Optional<Robot> playroom = robots.playroom();
        long id = playroom.isPresent() ? playroom.get().id()
                : robots.create(operator.id(), "playroom", RobotKind.PLAYROOM).robot().id();
        robots.setKey(id, settings.playroomKey().get());
        LOG.log(Level.INFO, "bootstrap: playroom robot " + id + (playroom.isPresent() ? "" : " created")
                + " publishes with BOOTSTRAP_PLAYROOM_KEY");
    }
}
