#!/usr/bin/env bash
# Cost of ACL checks: redis-benchmark GET and SET at pipeline depths 1 and 16 against the engine as the default user
# (allowed everything: the check is one volatile read) and as a restricted user (RULES: a command bitmap test and a
# key pattern match per command), printing the ACL/no-ACL throughput ratio. redis-server is measured the same way, for
# reference. One benchmark at a time, alternating no-ACL and ACL runs within each round.
#
# Env: REQUESTS (default 200000), PIPELINED_REQUESTS (default REQUESTS), CLIENTS (50), PIPELINES ("1 16"),
#      TESTS (get,set), KEYSPACE (100000), ROUNDS (1; the median is reported with the range of per-round ratios),
#      RULES (default "~key:* +@read +@write +@connection": redis-benchmark's keys are key:__rand_int__; try "~* +@all"),
#      ENGINE_JAVA_OPTS, ENGINE_ARGS, ENGINE_JAR, SERVER_CPUS, CLIENT_CPUS, CLIENT_NICE as in engine-vs-redis.sh.
#      The target is an ACL/no-ACL ratio of at least 0.95 on the engine.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
REQUESTS="${REQUESTS:-200000}"
PIPELINED_REQUESTS="${PIPELINED_REQUESTS:-$REQUESTS}"
CLIENTS="${CLIENTS:-50}"
PIPELINES="${PIPELINES:-1 16}"
TESTS="${TESTS:-get,set}"
KEYSPACE="${KEYSPACE:-100000}"
ROUNDS="${ROUNDS:-1}"
RULES="${RULES:-~key:* +@read +@write +@connection}"
ENGINE_JAVA_OPTS="${ENGINE_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC}"
ENGINE_ARGS="${ENGINE_ARGS:-}"
SERVER_CPUS="${SERVER_CPUS:-}"
CLIENT_CPUS="${CLIENT_CPUS:-}"
CLIENT_NICE="${CLIENT_NICE:-$([[ -n "$CLIENT_CPUS" ]] && echo -10 || echo 0)}"
SERVER_PREFIX=()
CLIENT_PREFIX=(nice -n "$CLIENT_NICE")
[[ -n "$SERVER_CPUS" ]] && SERVER_PREFIX=(taskset -c "$SERVER_CPUS")
[[ -n "$CLIENT_CPUS" ]] && CLIENT_PREFIX+=(taskset -c "$CLIENT_CPUS")

for tool in redis-server redis-benchmark redis-cli java python3; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install redis-server redis-tools)" >&2; exit 1; }
done

# shellcheck source=lib/servers.sh
source "$ROOT/bench/lib/servers.sh"

PASSWORD="$(redis-cli -p "$REDIS_PORT" ACL GENPASS)"
for port in "$ENGINE_PORT" "$REDIS_PORT"; do
  # shellcheck disable=SC2086
  reply="$(redis-cli -p "$port" ACL SETUSER bench reset on ">$PASSWORD" $RULES)"
  [[ "$reply" == OK ]] || { echo "ACL SETUSER bench on port $port failed: $reply" >&2; exit 1; }
done

bench() { # port pipeline [user] -> lines "TEST,rps"
  local auth=()
  [[ $# -gt 2 ]] && auth=(--user "$3" -a "$PASSWORD")
  "${CLIENT_PREFIX[@]}" redis-benchmark -h 127.0.0.1 -p "$1" "${auth[@]}" -c "$CLIENTS" \
    -n "$([[ "$2" -gt 1 ]] && echo "$PIPELINED_REQUESTS" || echo "$REQUESTS")" -P "$2" -t "$TESTS" -r "$KEYSPACE" \
    --csv 2>/dev/null | tail -n +2 | awk -F'","' '{ gsub(/"/, "", $1); gsub(/"/, "", $2); print $1 "," $2 }'
}

# A restricted user must actually be checked: a denied command shows the rules are in force.
check="$(redis-cli -p "$ENGINE_PORT" --user bench -a "$PASSWORD" --no-auth-warning GET other 2>&1 || true)"
[[ "$RULES" == *"~*"* || "$check" == NOPERM* ]] || { echo "user bench is not restricted: GET other -> $check" >&2; exit 1; }

# JIT warm-up, both paths.
bench "$ENGINE_PORT" 16 >/dev/null
bench "$ENGINE_PORT" 16 bench >/dev/null

echo "redis-benchmark -c $CLIENTS -n $REQUESTS (pipelined: $PIPELINED_REQUESTS, median of $ROUNDS rounds) -r $KEYSPACE -t $TESTS"
echo "ACL user rules: $RULES; engine: java $ENGINE_JAVA_OPTS $ENGINE_ARGS; $(nproc) cores"
echo "servers on CPUs: ${SERVER_CPUS:-any}; client on CPUs: ${CLIENT_CPUS:-any} (nice $CLIENT_NICE)"
printf '%-8s %-6s %4s %14s %14s %8s %13s\n' server test pipe default_rps acl_rps ratio round_ratios
for p in $PIPELINES; do
  for server in engine redis; do
    port="$([[ "$server" == engine ]] && echo "$ENGINE_PORT" || echo "$REDIS_PORT")"
    : >"$WORKDIR/plain.csv"
    : >"$WORKDIR/acl.csv"
    for _ in $(seq 1 "$ROUNDS"); do
      bench "$port" "$p" >>"$WORKDIR/plain.csv"
      bench "$port" "$p" bench >>"$WORKDIR/acl.csv"
    done
    python3 - "$WORKDIR/plain.csv" "$WORKDIR/acl.csv" "$p" "$server" <<'PY'
import statistics, sys
def rounds(path):
    runs = {}
    for line in open(path):
        test, rps = line.strip().rsplit(',', 1)
        runs.setdefault(test, []).append(float(rps))
    return runs
plain, acl, pipe, server = rounds(sys.argv[1]), rounds(sys.argv[2]), sys.argv[3], sys.argv[4]
for test in sorted(plain.keys() & acl.keys()):
    a, b = plain[test], acl[test]
    paired = [y / x for x, y in zip(a, b)]
    print('%-8s %-6s %4s %14.0f %14.0f %7.2fx %13s' % (server, test, pipe, statistics.median(a), statistics.median(b),
          statistics.median(b) / statistics.median(a), '%.2f-%.2f' % (min(paired), max(paired))))
PY
  done
done
