package io.fleetcast.control.stream;

/**
 * Where the UI connects. WebRTC (WHEP) URLs are {@code webrtcBaseUrl/<path>/whep}; HLS URLs
 * are {@code hlsBaseUrl/<path>/index.m3u8}; spectators play {@code playroomPlaylistUrl}.
 * {@code playroomRobot} is the id of the robot flagged playroom (its control socket is
 * {@code /control/robot_<id>}), null while there is none.
 */
public record StreamInfo(String webrtcBaseUrl, String hlsBaseUrl, String playroomPath, String playroomPlaylistUrl,
                         String playroomWhepUrl, Long playroomRobot) {

    public StreamInfo withPlayroomRobot(Long robot) {
        return new StreamInfo(webrtcBaseUrl, hlsBaseUrl, playroomPath, playroomPlaylistUrl, playroomWhepUrl, robot);
    }
}
