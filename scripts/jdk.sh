# Finds a JDK >= 21, the newest it sees: JAVA_HOME, the java on PATH, /usr/lib/jvm, /opt.
# Sourced by .ci/run and every benchmark; afterwards JAVA_HOME is exported and its bin/ is
# first on PATH, or the caller has been told what to install and exited with status 2.
#   . "$(dirname "$0")/../../scripts/jdk.sh"

fleetcast_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    awk -F'= ' '/java.specification.version/ {split($2, v, "."); print (v[1] == 1 ? v[2] : v[1])}'
}

fleetcast_find_jdk() {
  local candidates=() best="" best_major=0 major c d
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for d in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do [ -d "$d" ] && candidates+=("$d"); done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major=$(fleetcast_java_major "$c")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$c"; best_major="$major"
    fi
  done
  [ -n "$best" ] && echo "$best"
}

if ! JAVA_HOME=$(fleetcast_find_jdk); then
  echo "needs a JDK >= 21: set JAVA_HOME, or install one (apt-get install -y openjdk-21-jdk-headless or a Temurin JDK under /usr/lib/jvm)" >&2
  exit 2
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
