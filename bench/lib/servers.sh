# Sourced by the side-by-side benchmarks (engine-vs-redis.sh, multi-exec.sh, pubsub.sh): finds (or builds) the
# engine's jar, starts it and a redis-server on free loopback ports with SERVER_PREFIX (taskset) and ENGINE_JAVA_OPTS /
# ENGINE_ARGS, waits until both answer PING, and stops both on exit. Sets JAR, ENGINE_PORT, REDIS_PORT, WORKDIR, PIDS.
# Expects ROOT, SERVER_PREFIX (an array) and ENGINE_JAVA_OPTS to be set.

JAR="${ENGINE_JAR:-$(ls "$ROOT"/cache-engine/target/larder-cache-engine-*.jar 2>/dev/null | grep -v -- '-tests.jar' | head -1 || true)}"
if [[ -z "$JAR" ]]; then
  (cd "$ROOT" && mvn -q -pl cache-engine -am package -DskipTests)
  JAR="$(ls "$ROOT"/cache-engine/target/larder-cache-engine-*.jar | grep -v -- '-tests.jar' | head -1)"
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
ENGINE_PORT="$(free_port)"
REDIS_PORT="$(free_port)"
WORKDIR="$(mktemp -d)"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORKDIR"; }
trap cleanup EXIT

# shellcheck disable=SC2086
"${SERVER_PREFIX[@]}" java $ENGINE_JAVA_OPTS -jar "$JAR" --port "$ENGINE_PORT" ${ENGINE_ARGS:-} >"$WORKDIR/engine.log" 2>&1 &
PIDS+=($!)
"${SERVER_PREFIX[@]}" redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORKDIR" >"$WORKDIR/redis.log" 2>&1 &
PIDS+=($!)

wait_ready() {
  for _ in $(seq 1 200); do
    [[ "$(redis-cli -p "$1" PING 2>/dev/null)" == "PONG" ]] && return 0
    sleep 0.05
  done
  echo "server on port $1 did not start" >&2; cat "$WORKDIR"/*.log >&2; exit 1
}
wait_ready "$ENGINE_PORT"
wait_ready "$REDIS_PORT"
