#!/usr/bin/env bash
# migrate-watch in its container image, installed as /usr/local/bin/migrate-watch: the image's entrypoint and the
# command its health check runs. Runs the jar with the arguments as given.
set -euo pipefail

jar="${MIGRATE_WATCH_JAR:-/opt/migrate-watch/migrate-watch.jar}"
if [ ! -f "$jar" ]; then
  echo "migrate-watch: $jar does not exist: build the image with daemon/Dockerfile, or set MIGRATE_WATCH_JAR to the jar" >&2
  exit 2
fi

# a small, steady footprint for a process that mostly waits (the same as daemon/migrate-watch)
default_opts="-XX:+UseSerialGC -Xms16m -Xmx256m -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=48m -Xss512k -XX:TieredStopAtLevel=1"
# exec: java replaces this shell, so `docker stop`'s SIGTERM reaches it and the migration in progress finishes or
# rolls back
exec java ${MIGRATE_WATCH_JAVA_OPTS:-$default_opts} -jar "$jar" "$@"
