# What a benchmark needs from the machine, checked before it builds or runs anything: one
# message names every missing piece and the command that installs it, and the bench exits 2.
# Sourced by every */bench/* script after scripts/jdk.sh:
#   . "$ROOT/scripts/bench-needs.sh"
#   bench_needs "ladder bench" cmd:mvn:maven lib:libpulse.so.0:libpulse0 file:/usr/sbin/nginx:nginx
# Items are kind:what:package, kind one of cmd (a command on PATH or an executable path), lib
# (a shared library the dynamic loader knows, by soname), file (a path that must exist) and
# deb (an installed Debian package). With BENCH_NEEDS_ONLY=1 the bench stops after the check
# and says it has everything.

fleetcast_has_lib() {
  local ldconfig
  ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)
  # grep reads the whole list: with -q it would stop at the first match, ldconfig would die of
  # SIGPIPE while still writing, and under the scripts' pipefail a present library looked missing.
  "$ldconfig" -p 2>/dev/null | grep "^[[:space:]]*$1 " >/dev/null
}

bench_needs() {
  local name=$1 item kind what package found
  shift
  local missing=() packages=() needed=()
  for item in "$@"; do
    IFS=: read -r kind what package <<<"$item"
    needed+=("$what")
    case $kind in
      cmd) command -v "$what" >/dev/null 2>&1 && found=1 || found=0 ;;
      lib) fleetcast_has_lib "$what" && found=1 || found=0 ;;
      file) [[ -e $what ]] && found=1 || found=0 ;;
      deb) dpkg-query -W -f='${Status}' "$what" 2>/dev/null | grep -q "install ok installed" && found=1 || found=0 ;;
      *) echo "$name: bench_needs does not know '$item' (kinds: cmd lib file deb)" >&2; exit 2 ;;
    esac
    if [[ $found == 0 ]]; then
      missing+=("$what")
      [[ " ${packages[*]} " == *" $package "* ]] || packages+=("$package")
    fi
  done
  if (( ${#missing[@]} > 0 )); then
    echo "$name: this machine lacks ${missing[*]}" >&2
    echo "$name: install with:  apt-get install -y ${packages[*]}" >&2
    exit 2
  fi
  if [[ ${BENCH_NEEDS_ONLY:-0} == 1 ]]; then
    echo "$name: has everything it needs: JDK $JAVA_HOME ${needed[*]}"
    exit 0
  fi
}

# The system libraries of the ffmpeg executable and the lavfi device bundled in
# org.bytedeco:ffmpeg (libavdevice links PulseAudio, ALSA and XCB); a fresh Debian lacks them.
FLEETCAST_AVDEVICE_NEEDS=(lib:libpulse.so.0:libpulse0 lib:libasound.so.2:libasound2 lib:libxcb.so.1:libxcb1
  lib:libxcb-shm.so.0:libxcb-shm0)
