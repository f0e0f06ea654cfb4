#!/usr/bin/env bash
# Uploads one finished recording segment to S3. Called by MediaMTX's
# runOnRecordSegmentComplete with the segment's file and the path name:
#   hls_sync.sh "$MTX_SEGMENT_PATH" "$MTX_PATH"
# Environment:
#   S3_BUCKET        bucket to upload to; unset = local-first, nothing is uploaded
#   S3_PREFIX        key prefix inside the bucket (default: recordings)
#   S3_ENDPOINT      S3 API endpoint for MinIO or another S3-compatible store (optional)
#   SYNC_TOOL        aws | rclone (default: aws when installed, else rclone)
#   SYNC_ATTEMPTS    attempts before giving up (default: 5); waits 1, 2, 4, ... s between
#   RCLONE_REMOTE    rclone remote name when SYNC_TOOL=rclone (default: s3)
set -uo pipefail

log() { echo "hls_sync: $*" >&2; }

segment=${1:-}
path_name=${2:-}
if [ -z "$segment" ] || [ -z "$path_name" ]; then
  log "usage: hls_sync.sh SEGMENT_FILE PATH_NAME"; exit 2
fi
if [ ! -f "$segment" ]; then
  log "segment not found: $segment"; exit 2
fi
case "$path_name" in
  *..*|*/*) log "refusing suspicious path name: $path_name"; exit 2 ;;
esac
if [ -z "${S3_BUCKET:-}" ]; then
  exit 0 # local-first: the segment stays on local disk
fi

prefix=${S3_PREFIX:-recordings}
key="$prefix/$path_name/$(basename "$segment")"
tool=${SYNC_TOOL:-}
if [ -z "$tool" ]; then
  if command -v aws >/dev/null 2>&1; then tool=aws; else tool=rclone; fi
fi

upload() {
  case "$tool" in
    aws)
      aws s3 cp ${S3_ENDPOINT:+--endpoint-url "$S3_ENDPOINT"} --only-show-errors \
        --cache-control "public, max-age=31536000, immutable" \
        "$segment" "s3://$S3_BUCKET/$key" ;;
    rclone)
      rclone copyto --retries 1 --header-upload "Cache-Control: public, max-age=31536000, immutable" \
        "$segment" "${RCLONE_REMOTE:-s3}:$S3_BUCKET/$key" ;;
    *) log "unknown SYNC_TOOL: $tool"; return 2 ;;
  esac
}

attempts=${SYNC_ATTEMPTS:-5}
delay=1
for ((i = 1; i <= attempts; i++)); do
  started=$(date +%s)
  if upload; then
    log "uploaded $segment -> s3://$S3_BUCKET/$key in $(( $(date +%s) - started ))s (attempt $i)"
    exit 0
  fi
  log "upload of $segment failed (attempt $i of $attempts), retrying in ${delay}s"
  sleep "$delay"
  delay=$((delay * 2))
done
log "giving up on $segment after $attempts attempts; it stays on local disk"
exit 1
