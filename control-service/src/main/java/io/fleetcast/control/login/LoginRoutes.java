package io.fleetcast.control.login;

import io.fleetcast.control.http.ForbiddenException;
import io.fleetcast.control.http.Json;
import io.fleetcast.control.http.UnauthenticatedException;
import io.fleetcast.control.token.Bearer;
import io.fleetcast.control.token.IssuedToken;
import io.fleetcast.control.token.TokenStore;
import io.fleetcast.control.token.Tokens;
import io.fleetcast.control.token.VerifiedToken;
import io.fleetcast.control.user.User;
import io.fleetcast.control.user.UserView;
import io.fleetcast.control.user.Users;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Signing in and out: log in (limited per account and per address), log out (this token stops
 * everywhere), change password (every older token stops; the answer carries a fresh one).
 */
public final class LoginRoutes {
    private final Users users;
    private final Tokens tokens;
    private final TokenStore revocations;
    private final LongConsumer accountChanges;
    private final Bearer bearer;
    private final LoginLimiter limiter;
    private final ClientAddress addresses;
    private final Json json;

    /** {@code accountChanges} is told after a log-out, so every instance drops the revoked token. */
    public LoginRoutes(Users users, Tokens tokens, TokenStore revocations, LongConsumer accountChanges, Bearer bearer,
                       LoginLimiter limiter, ClientAddress addresses, Json json) {
        this.users = users;
        this.tokens = tokens;
        this.revocations = revocations;
        this.accountChanges = accountChanges;
        this.bearer = bearer;
        this.limiter = limiter;
        this.addresses = addresses;
        this.json = json;
    }

    /** {@code POST /api/login}. */
    public void login(ServerRequest req, ServerResponse res) {
        Login body = json.read(req, Login.class);
        LoginLimiter.Attempt attempt = limiter.begin(body.name(), addresses.of(req));
        User user = users.authenticate(body.name(), body.password())
                .orElseThrow(() -> new UnauthenticatedException("wrong user name or password"));
        limiter.succeeded(attempt);
        if (user.disabled()) {
            throw new ForbiddenException("this account is disabled; ask an operator");
        }
        send(res, tokens.issue(user), user);
    }

    /** {@code POST /api/auth/logout}: the caller's token stops working on every instance. */
    public void logout(ServerRequest req, ServerResponse res) {
        VerifiedToken token = bearer.requireToken(req);
        revocations.revoke(token);
        accountChanges.accept(token.userId());
        res.status(Status.NO_CONTENT_204).send();
    }

    /** {@code POST /api/auth/password}: needs the current password, voids every older token. */
    public void changePassword(ServerRequest req, ServerResponse res) {
        VerifiedToken token = bearer.requireToken(req);
        PasswordChange body = json.read(req, PasswordChange.class);
        LoginLimiter.Attempt attempt = limiter.begin(token.principal().name(), addresses.of(req));
        Optional<User> changed = users.changePassword(token.userId(), body.currentPassword(), body.newPassword());
        if (changed.isEmpty()) {
            throw new ForbiddenException("the current password is wrong");
        }
        limiter.succeeded(attempt);
        send(res, tokens.issue(changed.get()), changed.get());
    }

    private void send(ServerResponse res, IssuedToken token, User user) {
        json.send(res, Status.OK_200, new LoginView(token.token(), token.expiresAt().toString(), UserView.of(user)));
    }
}
