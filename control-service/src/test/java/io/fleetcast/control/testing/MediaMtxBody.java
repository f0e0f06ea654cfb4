package io.fleetcast.control.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds request bodies exactly as MediaMTX v1.20.1 sends them: every key present, id null when not publish/read. */
public record MediaMtxBody(String ip, String user, String password, String token, String action, String path, String protocol,
                    String query) {
    public static MediaMtxBody of(String action, String path, String protocol) {
        return new MediaMtxBody("172.18.0.5", "", "", "", action, path, protocol, "");
    }

    public MediaMtxBody ip(String value) {
        return new MediaMtxBody(value, user, password, token, action, path, protocol, query);
    }

    public MediaMtxBody user(String u, String p) {
        return new MediaMtxBody(ip, u, p, token, action, path, protocol, query);
    }

    public MediaMtxBody token(String value) {
        return new MediaMtxBody(ip, user, password, value, action, path, protocol, query);
    }

    public MediaMtxBody query(String value) {
        return new MediaMtxBody(ip, user, password, token, action, path, protocol, value);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ip", ip);
        body.put("user", user);
        body.put("password", password);
        body.put("token", token);
        body.put("action", action);
        body.put("path", path);
        body.put("protocol", protocol);
        body.put("id", "publish".equals(action) || "read".equals(action) ? UUID.randomUUID().toString() : null);
        body.put("query", query);
        body.put("userAgent", "");
        return body;
    }
}
