#!/usr/bin/env bash
# PUBLISH throughput of the Larder engine vs a real redis-server with subscribers attached: SUBSCRIBERS redis-cli
# clients SUBSCRIBE to the channel (and PATTERN_SUBSCRIBERS PSUBSCRIBE to a pattern matching it), reading every
# message, while redis-benchmark runs PUBLISH from CLIENTS connections at each pipeline depth. Prints rps for each
# and the engine/redis ratio, after checking that PUBLISH reaches every subscriber on both servers. Both servers
# run on this machine, one benchmark at a time (never concurrently).
#
# Env: REQUESTS (default 200000), CLIENTS (50), PIPELINES ("1 16"), SUBSCRIBERS (4), PATTERN_SUBSCRIBERS (1),
#      MESSAGE_SIZE (64 bytes), ENGINE_JAVA_OPTS (default "-Xms1g -Xmx1g -XX:+UseParallelGC"),
#      ENGINE_JAR (default: cache-engine/target's jar, built when missing),
#      SERVER_CPUS / CLIENT_CPUS: CPU lists the servers / redis-benchmark and the subscribers are pinned to with
#      taskset (as in bench/engine-vs-redis.sh); default: not pinned.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
REQUESTS="${REQUESTS:-200000}"
CLIENTS="${CLIENTS:-50}"
PIPELINES="${PIPELINES:-1 16}"
SUBSCRIBERS="${SUBSCRIBERS:-4}"
PATTERN_SUBSCRIBERS="${PATTERN_SUBSCRIBERS:-1}"
MESSAGE_SIZE="${MESSAGE_SIZE:-64}"
ENGINE_JAVA_OPTS="${ENGINE_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC}"
SERVER_CPUS="${SERVER_CPUS:-}"
CLIENT_CPUS="${CLIENT_CPUS:-}"
SERVER_PREFIX=()
CLIENT_PREFIX=()
[[ -n "$SERVER_CPUS" ]] && SERVER_PREFIX=(taskset -c "$SERVER_CPUS")
[[ -n "$CLIENT_CPUS" ]] && CLIENT_PREFIX=(taskset -c "$CLIENT_CPUS")

for tool in redis-server redis-benchmark redis-cli java python3; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install redis-server redis-tools)" >&2; exit 1; }
done

# shellcheck source=lib/servers.sh
source "$ROOT/bench/lib/servers.sh"

# Subscribers that read every message (redis-cli prints them; the output goes nowhere).
for port in "$ENGINE_PORT" "$REDIS_PORT"; do
  for _ in $(seq 1 "$SUBSCRIBERS"); do
    "${CLIENT_PREFIX[@]}" redis-cli -p "$port" SUBSCRIBE bench:channel >/dev/null 2>&1 &
    PIDS+=($!)
  done
  for _ in $(seq 1 "$PATTERN_SUBSCRIBERS"); do
    "${CLIENT_PREFIX[@]}" redis-cli -p "$port" PSUBSCRIBE 'bench:*' >/dev/null 2>&1 &
    PIDS+=($!)
  done
done
expected=$((SUBSCRIBERS + PATTERN_SUBSCRIBERS))
for port in "$ENGINE_PORT" "$REDIS_PORT"; do
  for _ in $(seq 1 200); do
    [[ "$(redis-cli -p "$port" PUBLISH bench:channel ready)" == "$expected" ]] && break
    sleep 0.05
  done
  got="$(redis-cli -p "$port" PUBLISH bench:channel ready)"
  [[ "$got" == "$expected" ]] || { echo "port $port: PUBLISH reached $got subscribers, not $expected" >&2; exit 1; }
done

MESSAGE="$(head -c "$MESSAGE_SIZE" /dev/zero | tr '\0' 'm')"
bench() { # port pipeline -> rps
  "${CLIENT_PREFIX[@]}" redis-benchmark -h 127.0.0.1 -p "$1" -c "$CLIENTS" -n "$REQUESTS" -P "$2" --csv \
    PUBLISH bench:channel "$MESSAGE" 2>/dev/null | tail -n +2 | awk -F'","' '{ gsub(/"/, "", $2); print $2 }'
}

# JIT warm-up for the engine (and the same courtesy for Redis).
bench "$ENGINE_PORT" 16 >/dev/null
bench "$ENGINE_PORT" 1 >/dev/null
bench "$REDIS_PORT" 1 >/dev/null

printf 'PUBLISH %d-byte messages, %d channel + %d pattern subscribers, %d clients, %d requests\n' \
  "$MESSAGE_SIZE" "$SUBSCRIBERS" "$PATTERN_SUBSCRIBERS" "$CLIENTS" "$REQUESTS"
printf '%-10s %14s %14s %8s\n' pipeline engine_rps redis_rps ratio
for p in $PIPELINES; do
  e="$(bench "$ENGINE_PORT" "$p")"
  r="$(bench "$REDIS_PORT" "$p")"
  printf '%-10s %14s %14s %8s\n' "$p" "$e" "$r" "$(python3 -c "print(f'{$e/$r:.2f}')")"
done
