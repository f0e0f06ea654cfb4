package io.fleetcast.control.login;

/** Body of {@code POST /api/login}. */
public record Login(String name, String password) {
    public Login {
        if (name == null || password == null) {
            throw new IllegalArgumentException("name and password are required");
        }
    }

    @Override
    public String toString() {
        return "Login[name=" + name + ", password=***]";
    }
}
