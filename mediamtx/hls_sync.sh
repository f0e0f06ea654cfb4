#!/usr/bin/env bash
# Uploads one finished recording segment to S3, then indexes it in the control service. Called
# by MediaMTX's runOnRecordSegmentComplete with the segment's file, the path name and the
# segment's duration in seconds:
#   hls_sync.sh "$MTX_SEGMENT_PATH" "$MTX_PATH" "$MTX_SEGMENT_DURATION"
# The file name is MediaMTX's recordPath %Y-%m-%d_%H-%M-%S-%f (UTC, the container's zone): it
# gives the segment's start. A segment whose upload failed is not indexed.
# Environment:
#   S3_BUCKET        bucket to upload to; unset = local mode: the segment stays on disk (key =
#                    the path below RECORDINGS_ROOT) and the control service serves it itself
#   S3_PREFIX        key prefix inside the bucket (default: recordings)
#   S3_ENDPOINT      S3 API endpoint for MinIO or another S3-compatible store (optional)
#   SYNC_TOOL        aws | rclone (default: aws when installed, else rclone)
#   SYNC_ATTEMPTS    attempts before giving up (default: 5); waits 1, 2, 4, ... s between
#   RCLONE_REMOTE    rclone remote name when SYNC_TOOL=rclone (default: s3)
#   CONTROL_URL      the control service's internal listener (default: http://control-service:8090)
#   MEDIAMTX_HOOK_SECRET  the control service's hook secret; unset = nothing is indexed
#   RECORDINGS_ROOT  the recordings directory, for local-mode keys (default: /recordings)
set -uo pipefail

log() { echo "hls_sync: $*" >&2; }

segment=${1:-}
path_name=${2:-}
duration=${3:-${MTX_SEGMENT_DURATION:-}}
if [ -z "$segment" ] || [ -z "$path_name" ]; then
  log "usage: hls_sync.sh SEGMENT_FILE PATH_NAME [DURATION_SECONDS]"; exit 2
fi
if [ ! -f "$segment" ]; then
  log "segment not found: $segment"; exit 2
fi
case "$path_name" in
  *..*|*/*) log "refusing suspicious path name: $path_name"; exit 2 ;;
esac

# The offset of the first moof box: the length of the initialization section (ftyp + moov)
# that the VOD playlist's EXT-X-MAP byte range addresses.
init_size() {
  local file=$1 offset=0 total size type
  total=$(stat -c %s "$file")
  while [ "$offset" -lt "$total" ]; do
    size=$((16#$(od -An -v -tx1 -j "$offset" -N 4 "$file" | tr -d ' \n')))
    type=$(dd if="$file" bs=1 skip=$((offset + 4)) count=4 2>/dev/null)
    if [ "$type" = moof ]; then echo "$offset"; return 0; fi
    if [ "$size" -lt 8 ]; then return 1; fi # 64-bit or to-end sizes never precede the first moof
    offset=$((offset + size))
  done
  return 1
}

# Tells the control service that the segment is stored under $1 (retried like the upload).
index() {
  local key=$1 name start size init body
  if [ -z "${MEDIAMTX_HOOK_SECRET:-}" ]; then
    log "not indexing $segment: MEDIAMTX_HOOK_SECRET is not set"; return 1
  fi
  name=$(basename "$segment"); name=${name%.*}
  if [[ ! "$name" =~ ^([0-9]{4}-[0-9]{2}-[0-9]{2})_([0-9]{2})-([0-9]{2})-([0-9]{2})-([0-9]{1,9})$ ]]; then
    log "not indexing $segment: its name is not %Y-%m-%d_%H-%M-%S-%f"; return 1
  fi
  start="${BASH_REMATCH[1]}T${BASH_REMATCH[2]}:${BASH_REMATCH[3]}:${BASH_REMATCH[4]}.${BASH_REMATCH[5]}Z"
  if [[ ! "$duration" =~ ^[0-9]+(\.[0-9]+)?$ ]]; then
    log "not indexing $segment: duration '$duration' is not seconds"; return 1
  fi
  size=$(stat -c %s "$segment")
  if ! init=$(init_size "$segment"); then
    log "not indexing $segment: no fMP4 fragment (moof) found"; return 1
  fi
  body=$(printf '{"path":"%s","key":"%s","start":"%s","duration":%s,"size":%s,"initSize":%s}' \
    "$path_name" "$key" "$start" "$duration" "$size" "$init")
  local attempt pause=1
  for ((attempt = 1; attempt <= attempts; attempt++)); do
    # The secret goes in a header read from stdin (-H @-), never on the command line.
    if printf 'Authorization: Bearer %s\n' "$MEDIAMTX_HOOK_SECRET" | curl -fsS -m 10 -o /dev/null -X POST \
        -H @- -H "Content-Type: application/json" --data "$body" \
        "${CONTROL_URL:-http://control-service:8090}/internal/recordings"; then
      log "indexed $key ($start, ${duration}s, $size bytes)"
      return 0
    fi
    log "indexing $key failed (attempt $attempt of $attempts), retrying in ${pause}s"
    sleep "$pause"
    pause=$((pause * 2))
  done
  log "giving up indexing $key after $attempts attempts"
  return 1
}

attempts=${SYNC_ATTEMPTS:-5}
if [ -z "${S3_BUCKET:-}" ]; then
  # Local mode: the segment stays on disk; its key is its path below the recordings root.
  root=$(realpath "${RECORDINGS_ROOT:-/recordings}")
  real=$(realpath "$segment")
  case "$real" in
    "$root"/*) index "${real#"$root/"}"; exit ;;
    *) log "segment $segment is outside RECORDINGS_ROOT ($root); not indexed"; exit 2 ;;
  esac
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

delay=1
for ((i = 1; i <= attempts; i++)); do
  started=$(date +%s)
  if upload; then
    log "uploaded $segment -> s3://$S3_BUCKET/$key in $(( $(date +%s) - started ))s (attempt $i)"
    index "$key"
    exit
  fi
  log "upload of $segment failed (attempt $i of $attempts), retrying in ${delay}s"
  sleep "$delay"
  delay=$((delay * 2))
done
log "giving up on $segment after $attempts attempts; it stays on local disk"
exit 1
