#!/usr/bin/env bash
# migrate-watch in its container image, installed as /usr/local/bin/migrate-watch: the image's entrypoint and the
# command its health check runs. Runs the jar with the arguments as given.
set -euo pipefail

jar="${MIGRATE_WATCH_JAR:-/opt/migrate-watch/migrate-watch.jar}"
if [ ! -f "$jar" ]; then
  echo "migrate-watch: $jar does not exist: build the image with daemon/Dockerfile, or set MIGRATE_WATCH_JAR to the jar" >&2
  exit 2
fi

# the command: the first argument that is neither an option nor the value of --config / --database-url
command=""
expect_value=0
for arg in "$@"; do
  if [ "$expect_value" = 1 ]; then expect_value=0; continue; fi
  case "$arg" in
    --config|--database-url) expect_value=1 ;;
    --*=*|-*) ;;
    *) command="$arg"; break ;;
  esac
done

# The same options as daemon/migrate-watch. The daemon (start, the image's default command) mostly waits: one GC
# thread, a bounded heap, the quick-starting compiler only.
daemon_opts="-XX:+UseSerialGC -Xms16m -Xmx256m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=48m -Xss512k -XX:TieredStopAtLevel=1"
# The short commands (the health check's status --check every 30 s) and generate end before the full compiler pays
# for itself: the quick one alone.
short_opts="-XX:+UseSerialGC -Xms16m -Xmx256m -XX:MaxMetaspaceSize=160m -Xss512k -XX:TieredStopAtLevel=1"
# The commands that apply migrations (deploy as a release step) back up first when tables hold rows: streaming a large
# database is where the full compiler pays for itself.
oneshot_opts="-XX:+UseSerialGC -Xms16m -Xmx256m -XX:MaxMetaspaceSize=160m -Xss512k -XX:TieredStopAtLevel=4"
case "$command" in
  start) default_opts="$daemon_opts" ;;
  status|diff|check|history|generate) default_opts="$short_opts" ;;
  *) default_opts="$oneshot_opts" ;;
esac

# exec: java replaces this shell, so `docker stop`'s SIGTERM reaches it and the migration in progress finishes or
# rolls back
exec java ${MIGRATE_WATCH_JAVA_OPTS:-$default_opts} -jar "$jar" "$@"
