package io.fleetcast.control.login;

import io.fleetcast.control.user.UserView;

/** Answer to a successful login: the bearer token for the API, WebSockets and MediaMTX. */
public record LoginView(String token, String expiresAt, UserView user) {
}
