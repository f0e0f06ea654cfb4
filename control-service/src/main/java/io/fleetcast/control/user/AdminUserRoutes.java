package io.fleetcast.control.user;

import io.fleetcast.control.http.BadInputException;
import io.fleetcast.control.http.ConflictException;
import io.fleetcast.control.http.ForbiddenException;
import io.fleetcast.control.http.Ids;
import io.fleetcast.control.http.Json;
import io.fleetcast.control.http.NotFoundException;
import io.fleetcast.control.token.Bearer;
import io.fleetcast.control.token.Principal;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Operators' account endpoints. Disabling an account voids all its tokens at once on every
 * instance, closes its control sockets and kicks its MediaMTX sessions; enabling lets it sign
 * in again (the old tokens stay void).
 */
public final class AdminUserRoutes {
    private static final System.Logger LOG = System.getLogger(AdminUserRoutes.class.getName());
    private static final int PAGE = 1000;

    private final Users users;
    private final Bearer bearer;
    private final Json json;

    public AdminUserRoutes(Users users, Bearer bearer, Json json) {
        this.users = users;
        this.bearer = bearer;
        this.json = json;
    }

    /** {@code GET /api/admin/users[?after=id]}: up to 1000 accounts in id order. */
    public void list(ServerRequest req, ServerResponse res) {
        operator(req);
        long after = req.query().first("after").map(AdminUserRoutes::after).orElse(0L);
        List<UserView> page = users.list(after, PAGE).stream().map(UserView::of).toList();
        json.send(res, Status.OK_200, page);
    }

    public void disable(ServerRequest req, ServerResponse res) {
        Principal operator = operator(req);
        long id = Ids.pathId(req, "id");
        if (id == operator.userId()) {
            throw new ConflictException("an operator cannot disable their own account");
        }
        User user = users.disable(id).orElseThrow(() -> new NotFoundException("user " + id + " does not exist"));
        LOG.log(Level.INFO, "operator " + operator.name() + " disabled user " + user.id() + " '" + user.name() + "'");
        json.send(res, Status.OK_200, UserView.of(user));
    }

    public void enable(ServerRequest req, ServerResponse res) {
        Principal operator = operator(req);
        long id = Ids.pathId(req, "id");
        User user = users.enable(id).orElseThrow(() -> new NotFoundException("user " + id + " does not exist"));
        LOG.log(Level.INFO, "operator " + operator.name() + " enabled user " + user.id() + " '" + user.name() + "'");
        json.send(res, Status.OK_200, UserView.of(user));
    }

    private Principal operator(ServerRequest req) {
        Principal principal = bearer.require(req);
        if (!principal.isOperator()) {
            throw new ForbiddenException("operator role required");
        }
        return principal;
    }

    private static long after(String text) {
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadInputException("after must be a user id (a non-negative integer), got '"
                + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
    }
}
