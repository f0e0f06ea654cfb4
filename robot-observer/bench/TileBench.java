import java.net.ServerSocket;

/**
 * Helper of bench/tile: prints the path of the ffmpeg executable bundled in org.bytedeco:ffmpeg
 * (extracted into the JavaCPP cache), or exits 3 naming the system library it lacks, and free
 * loopback ports for the two receivers.
 */
public class TileBench {
    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "ffmpeg-path" -> {
                try {
                    System.out.println(org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
                } catch (UnsatisfiedLinkError e) {
                    // Loading the executable loads libavdevice first, which needs the system
                    // libraries; the innermost message names the one that is missing.
                    Throwable cause = e;
                    while (cause.getCause() != null) {
                        cause = cause.getCause();
                    }
                    System.out.println("missing " + cause.getMessage());
                    System.exit(3);
                }
            }
            case "ports" -> {
                // Held open together so the two ports differ.
                try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
                    System.out.println(a.getLocalPort() + " " + b.getLocalPort());
                }
            }
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }
}
