package io.fleetcast.control;

import io.fleetcast.control.auth.AuthRoutes;
import io.fleetcast.control.health.HealthRoutes;
import io.fleetcast.control.http.Json;
import io.fleetcast.control.live.PathRoutes;
import io.fleetcast.control.login.LoginRoutes;
import io.fleetcast.control.mediatoken.MediaTokenRoutes;
import io.fleetcast.control.metrics.MetricsRoutes;
import io.fleetcast.control.permission.PermissionRoutes;
import io.fleetcast.control.queue.PlayroomAdminRoutes;
import io.fleetcast.control.recording.RecordingRoutes;
import io.fleetcast.control.recording.SegmentFiles;
import io.fleetcast.control.robot.RobotRoutes;
import io.fleetcast.control.socket.ControlSockets;
import io.fleetcast.control.stream.HlsFiles;
import io.fleetcast.control.stream.StreamInfoRoutes;
import io.fleetcast.control.ui.PageRoutes;
import io.fleetcast.control.user.AdminUserRoutes;
import io.fleetcast.control.user.UserRoutes;

/** Everything {@link Main#routing} routes to. */
public record Deps(Json json, HealthRoutes health, MetricsRoutes metrics, AuthRoutes auth, StreamInfoRoutes streamInfo,
                   UserRoutes users, LoginRoutes login, AdminUserRoutes admin, RobotRoutes robots,
                   PermissionRoutes permissions, ControlSockets sockets, PlayroomAdminRoutes playroomAdmin,
                   PageRoutes pages, HlsFiles hls, PathRoutes paths, RecordingRoutes recordings,
                   SegmentFiles segmentFiles, MediaTokenRoutes mediaTokens) {
}
