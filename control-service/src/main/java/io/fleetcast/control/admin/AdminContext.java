package io.fleetcast.control.admin;

import io.fleetcast.control.ControlConfig;
import io.fleetcast.control.Stores;
import io.fleetcast.control.access.AccessInvalidation;
import io.fleetcast.control.http.NotFoundException;
import io.fleetcast.control.permission.Permissions;
import io.fleetcast.control.robot.Robots;
import io.fleetcast.control.token.AccountEvents;
import io.fleetcast.control.token.SigningSecret;
import io.fleetcast.control.token.TokenCheck;
import io.fleetcast.control.token.Tokens;
import io.fleetcast.control.user.PasswordHasher;
import io.fleetcast.control.user.User;
import io.fleetcast.control.user.Users;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.function.LongConsumer;

/**
 * What admin commands work with; changes are published so running services drop cached access
 * (and, for accounts, close the sockets and kick the reads of tokens that no longer count). The
 * tokens made here are only issued, never verified, so no revocation check is needed.
 */
record AdminContext(ControlConfig config, Stores stores, InputStream in, PrintStream out) {
    Users users() {
        return new Users(stores.database(), new PasswordHasher(), AccountEvents.publisher(stores.redis()));
    }

    Robots robots() {
        return new Robots(stores.database(), changes());
    }

    Permissions permissions() {
        return new Permissions(stores.database(), changes());
    }

    Tokens tokens() {
        return new Tokens(SigningSecret.configuredOrPersisted(config.tokenSecret(), config.devMode(), config.dataDir()),
                config.tokenTtl(), Clock.systemUTC(), TokenCheck.NONE);
    }

    User user(String name) {
        return users().byName(name).orElseThrow(() -> new NotFoundException("user '" + name + "' does not exist"));
    }

    private LongConsumer changes() {
        return AccessInvalidation.publisher(stores.redis());
    }
}
