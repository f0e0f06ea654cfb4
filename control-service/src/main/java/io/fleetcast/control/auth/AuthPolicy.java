package io.fleetcast.control.auth;

import io.fleetcast.control.access.AccessCache;
import io.fleetcast.control.access.RobotAccess;
import io.fleetcast.control.permission.Permission;
import io.fleetcast.control.robot.StreamKey;
import io.fleetcast.control.token.Tokens;
import io.fleetcast.control.token.VerifiedToken;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides MediaMTX auth questions (the table in the module README). Deny by default: every
 * branch that does not end in an explicit allow is a denial. Reads only the in-memory access
 * cache and verifies tokens locally.
 */
public final class AuthPolicy {
    private static final Set<MediaProtocol> PUBLISH_PROTOCOLS =
            EnumSet.of(MediaProtocol.RTMP, MediaProtocol.RTSP, MediaProtocol.SRT, MediaProtocol.WEBRTC);
    private static final Set<MediaProtocol> READ_PROTOCOLS = EnumSet.of(MediaProtocol.WEBRTC, MediaProtocol.HLS,
            MediaProtocol.RTSP, MediaProtocol.RTMP, MediaProtocol.SRT);

    private final AccessCache access;
    private final Tokens tokens;
    private final PlayroomDriver playroomDriver;
    private final Optional<byte[]> bridgeReadToken;
    private final Optional<byte[]> apiToken;

    public AuthPolicy(AccessCache access, Tokens tokens, PlayroomDriver playroomDriver) {
        this(access, tokens, playroomDriver, Optional.empty(), Optional.empty());
    }

    /**
     * @param bridgeReadToken the bridge's credential (BRIDGE_READ_TOKEN): reads the playroom over RTSP/RTMP/SRT
     * @param apiToken the service credential for MediaMTX's API and metrics (MEDIAMTX_API_TOKEN)
     */
    public AuthPolicy(AccessCache access, Tokens tokens, PlayroomDriver playroomDriver, Optional<String> bridgeReadToken,
                      Optional<String> apiToken) {
        this.access = access;
        this.tokens = tokens;
        this.playroomDriver = playroomDriver;
        this.bridgeReadToken = bridgeReadToken.map(StreamKey::hash);
        this.apiToken = apiToken.map(StreamKey::hash);
    }

    public AuthDecision decide(AuthRequest request) {
        List<String> secrets = Credentials.candidates(request);
        MediaPath path = MediaPath.parse(request.path());
        return switch (request.action()) {
            case PUBLISH -> publish(request, path, secrets);
            case READ -> read(request, path, secrets);
            case PLAYBACK -> playback(path, secrets);
            case API, METRICS -> serviceOrOperator(secrets);
            case PPROF -> AuthDecision.deny("pprof is never exposed", 0, 0);
        };
    }

    private AuthDecision publish(AuthRequest request, MediaPath path, List<String> secrets) {
        if (!PUBLISH_PROTOCOLS.contains(request.protocol())) {
            return AuthDecision.deny("cannot publish over " + request.protocol().wire(), 0, 0);
        }
        Optional<RobotAccess> robot = switch (path) {
            case MediaPath.Robot r -> access.robot(r.robotId());
            case MediaPath.Playroom p -> access.playroom();
            case MediaPath.Unknown u -> Optional.empty();
        };
        if (path instanceof MediaPath.Unknown) {
            return AuthDecision.deny("unknown path", 0, 0);
        }
        long robotId = path instanceof MediaPath.Robot r ? r.robotId() : robot.map(RobotAccess::robotId).orElse(0L);
        if (secrets.isEmpty()) {
            return AuthDecision.challenge("stream key required", robotId);
        }
        if (robot.isEmpty()) {
            return AuthDecision.deny(path instanceof MediaPath.Playroom ? "no playroom robot" : "unknown robot", robotId, 0);
        }
        for (String secret : secrets) {
            if (robot.get().keyMatches(secret)) {
                return AuthDecision.allow("stream key accepted", robotId, 0);
            }
        }
        return AuthDecision.deny("wrong stream key", robotId, 0);
    }

    private AuthDecision read(AuthRequest request, MediaPath path, List<String> secrets) {
        if (!READ_PROTOCOLS.contains(request.protocol())) {
            return AuthDecision.deny("cannot read over " + request.protocol().wire(), 0, 0);
        }
        return switch (path) {
            case MediaPath.Robot r -> viewerOf(access.robot(r.robotId()), r.robotId(), secrets);
            case MediaPath.Playroom p -> readPlayroom(request.protocol(), secrets);
            case MediaPath.Unknown u -> AuthDecision.deny("unknown path", 0, 0);
        };
    }

    private AuthDecision readPlayroom(MediaProtocol protocol, List<String> secrets) {
        if (protocol == MediaProtocol.HLS) {
            return AuthDecision.allow("playroom is public over hls", access.playroom().map(RobotAccess::robotId).orElse(0L), 0);
        }
        Optional<RobotAccess> playroom = access.playroom();
        long robotId = playroom.map(RobotAccess::robotId).orElse(0L);
        if (protocol != MediaProtocol.WEBRTC && bridgeReadToken.isPresent()
                && secrets.stream().anyMatch(secret -> StreamKey.matches(secret,
                bridgeReadToken.get()))) {
            return AuthDecision.allow("the bridge's read token", robotId, 0);
        }
        Optional<VerifiedToken> token = token(secrets);
        if (token.isEmpty()) {
            return unauthenticated(secrets, "token required", robotId);
        }
        long userId = token.get().userId();
        if (playroom.isEmpty()) {
            return AuthDecision.deny("no playroom robot", 0, userId);
        }
        if (protocol == MediaProtocol.WEBRTC) {
            return playroomDriver.isCurrentDriver(userId, playroom.get())
                    ? AuthDecision.allow("current playroom driver", robotId, token.get())
                    : AuthDecision.deny("not the current playroom driver", robotId, userId);
        }
        // RTSP/RTMP/SRT: the broadcast bridge (its read token, or an operator token) and the owner.
        return playroom.get().isOwner(userId) || token.get().principal().isOperator()
                ? AuthDecision.allow("playroom owner or operator", robotId, token.get())
                : AuthDecision.deny("playroom is public over hls only", robotId, userId);
    }

    private AuthDecision playback(MediaPath path, List<String> secrets) {
        return switch (path) {
            case MediaPath.Robot r -> viewerOf(access.robot(r.robotId()), r.robotId(), secrets);
            case MediaPath.Playroom p -> {
                Optional<RobotAccess> playroom = access.playroom();
                long robotId = playroom.map(RobotAccess::robotId).orElse(0L);
                Optional<VerifiedToken> token = token(secrets);
                if (token.isEmpty()) {
                    yield unauthenticated(secrets, "token required", robotId);
                }
                long userId = token.get().userId();
                boolean allowed = playroom.isPresent()
                        && (playroom.get().allows(userId, Permission.VIEW) || token.get().principal().isOperator());
                yield allowed ? AuthDecision.allow("playroom owner, grantee or operator", robotId, token.get())
                        : AuthDecision.deny("not granted", robotId, userId);
            }
            case MediaPath.Unknown u -> AuthDecision.deny("unknown path", 0, 0);
        };
    }

    private AuthDecision viewerOf(Optional<RobotAccess> robot, long robotId, List<String> secrets) {
        Optional<VerifiedToken> token = token(secrets);
        if (token.isEmpty()) {
            return unauthenticated(secrets, "token required", robotId);
        }
        long userId = token.get().userId();
        if (robot.isEmpty()) {
            return AuthDecision.deny("unknown robot", robotId, userId);
        }
        if (robot.get().isOwner(userId)) {
            return AuthDecision.allow("owner", robotId, token.get());
        }
        return robot.get().allows(userId, Permission.VIEW) ? AuthDecision.allow("granted", robotId, token.get())
                : AuthDecision.deny("not granted", robotId, userId);
    }

    /** MediaMTX's control API and metrics: the service credential or an operator's token, nothing else. */
    private AuthDecision serviceOrOperator(List<String> secrets) {
        if (apiToken.isPresent() && secrets.stream().anyMatch(secret -> StreamKey.matches(secret, apiToken.get()))) {
            return AuthDecision.allow("service credential", 0, 0);
        }
        Optional<VerifiedToken> token = token(secrets);
        if (token.isEmpty()) {
            return unauthenticated(secrets, "operator token required", 0);
        }
        return token.get().principal().isOperator() ? AuthDecision.allow("operator", 0, token.get())
                : AuthDecision.deny("operator role required", 0, token.get().userId());
    }

    /** No valid token: ask for one when none was given (RTSP clients retry), else deny. */
    private static AuthDecision unauthenticated(List<String> secrets, String required, long robotId) {
        return secrets.isEmpty() ? AuthDecision.challenge(required, robotId)
                : AuthDecision.deny("invalid or expired token", robotId, 0);
    }

    private Optional<VerifiedToken> token(List<String> secrets) {
        for (String secret : secrets) {
            Optional<VerifiedToken> token = tokens.verifyToken(secret);
            if (token.isPresent()) {
                return token;
            }
        }
        return Optional.empty();
    }
}
