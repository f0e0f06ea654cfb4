package io.fleetcast.control.user;

import io.fleetcast.control.http.ForbiddenException;
import io.fleetcast.control.http.Json;
import io.fleetcast.control.http.UnauthenticatedException;
import io.fleetcast.control.token.Bearer;
import io.fleetcast.control.token.Principal;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;

/**
 * Sign-up and "who am I". Anyone may sign up as a user; only operators create operators.
 * Signing in and out is {@link io.fleetcast.control.login.LoginRoutes}.
 */
public final class UserRoutes {
    private final Users users;
    private final Bearer bearer;
    private final Json json;

    public UserRoutes(Users users, Bearer bearer, Json json) {
        this.users = users;
        this.bearer = bearer;
        this.json = json;
    }

    public void create(ServerRequest req, ServerResponse res) {
        Optional<Principal> caller = bearer.optional(req);
        NewUser body = json.read(req, NewUser.class);
        Role role = Role.parse(body.role());
        if (role == Role.OPERATOR && caller.map(p -> !p.isOperator()).orElse(true)) {
            throw new ForbiddenException("only an operator can create an operator");
        }
        json.send(res, Status.CREATED_201, UserView.of(users.create(body.name(), body.password(), role)));
    }

    public void me(ServerRequest req, ServerResponse res) {
        Principal principal = bearer.require(req);
        User user = users.byId(principal.userId())
                .orElseThrow(() -> new UnauthenticatedException("the token's user no longer exists"));
        json.send(res, Status.OK_200, UserView.of(user));
    }
}
