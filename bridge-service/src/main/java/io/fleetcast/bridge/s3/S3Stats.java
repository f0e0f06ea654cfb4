package io.fleetcast.bridge.s3;

/**
 * What the S3 output has done so far.
 *
 * @param received segments the HLS side handed over and listed
 * @param uploaded segments now in the bucket (or deleted from it after leaving the window)
 * @param skipped segments that never reached the bucket: the spool was full, they left the
 *                live window while S3 was down, or the output closed before they could go
 * @param failedAttempts bucket calls that failed (each retried with backoff)
 * @param playlists playlist uploads
 * @param deleted old segments deleted from the bucket
 * @param spooled segments waiting on local disk now
 */
public record S3Stats(long received, long uploaded, long skipped, long failedAttempts, long playlists, long deleted,
                      int spooled) {
}
