#!/usr/bin/env bash
# Throughput of the Larder engine vs a real redis-server, measured the same way: redis-benchmark,
# 50 clients, pipeline depths 1 and 16, tests SET GET INCR MSET HSET plus the collection tests LPUSH RPUSH LPOP
# RPOP SADD SPOP ZADD ZPOPMIN LRANGE_100 (first 100 elements). Prints rps for each and the
# engine/redis ratio. Both servers run on this machine, one benchmark at a time (never concurrently).
#
# Env: REQUESTS (default 200000), PIPELINED_REQUESTS (requests at pipeline depths > 1, default REQUESTS; at
#      pipeline 16 a test of 200000 requests lasts well under a second, so use more), CLIENTS (50), PIPELINES ("1 16"),
#      TESTS (set,get,incr,mset,hset,lpush,rpush,lpop,rpop,sadd,spop,zadd,zpopmin,lrange_100),
#      ENGINE_JAVA_OPTS (default "-Xms1g -Xmx1g -XX:+UseParallelGC"), ENGINE_ARGS (extra engine options,
#      e.g. "--io-threads 1"), ENGINE_JAR (default: cache-engine/target's jar, built when missing).
#      ROUNDS (default 1): runs of each benchmark per server, alternating engine and redis; the median of the rounds is
#      reported, with the range of the per-round engine/redis ratios (single runs on a shared machine move by +-20%).
#      SERVER_CPUS: CPU list both servers are pinned to with taskset (e.g. "1"); default: not pinned.
#      CLIENT_CPUS: CPU list redis-benchmark is pinned to (e.g. "0"), run with CLIENT_NICE (default -10 when
#      CLIENT_CPUS is set, else 0). On a shared 2-core machine: move every other process to CPU 0 first, then
#      SERVER_CPUS=1 CLIENT_CPUS=0 bench/engine-vs-redis.sh, so the server under test has a core to itself.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MAXMEMORY="${MAXMEMORY:-}"
POLICY="${POLICY:-allkeys-lru}"
ENGINE_POLICY="${ENGINE_POLICY:-$POLICY}"
if [[ -n "$MAXMEMORY" ]]; then
  TESTS="${TESTS:-set}"
  PIPELINES="${PIPELINES:-16}"
  KEYSPACE="${KEYSPACE:-100000000}"
  DATA_SIZE="${DATA_SIZE:-100}"
fi
KEYSPACE="${KEYSPACE:-100000}"
DATA_SIZE="${DATA_SIZE:-}"
DATA_ARGS=()
[[ -n "$DATA_SIZE" ]] && DATA_ARGS=(-d "$DATA_SIZE")
REQUESTS="${REQUESTS:-200000}"
PIPELINED_REQUESTS="${PIPELINED_REQUESTS:-$REQUESTS}"
CLIENTS="${CLIENTS:-50}"
ROUNDS="${ROUNDS:-1}"
PIPELINES="${PIPELINES:-1 16}"
TESTS="${TESTS:-set,get,incr,mset,hset,lpush,rpush,lpop,rpop,sadd,spop,zadd,zpopmin,lrange_100}"
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

# Which servers are measured: the engine drops out when it cannot run at maxmemory.
ENGINE_MEASURED=1
info_field() { # port section field
  redis-cli -p "$1" INFO "$2" | tr -d '\r' | sed -n "s/^$3://p"
}
if [[ -n "$MAXMEMORY" ]]; then
  reply="$(redis-cli -p "$REDIS_PORT" CONFIG SET maxmemory "$MAXMEMORY")"
  [[ "$reply" == OK ]] || { echo "redis-server refused CONFIG SET maxmemory $MAXMEMORY: $reply" >&2; exit 1; }
  reply="$(redis-cli -p "$REDIS_PORT" CONFIG SET maxmemory-policy "$POLICY")"
  [[ "$reply" == OK ]] || { echo "redis-server refused CONFIG SET maxmemory-policy $POLICY: $reply" >&2; exit 1; }
  reply="$(redis-cli -p "$ENGINE_PORT" CONFIG SET maxmemory "$MAXMEMORY")"
  if [[ "$reply" != OK ]]; then
    echo "NOTE: the engine refused CONFIG SET maxmemory $MAXMEMORY (no evictor in this build): it answered" >&2
    echo "      \"$reply\". The engine is not measured; redis-server is." >&2
    ENGINE_MEASURED=0
  else
    reply="$(redis-cli -p "$ENGINE_PORT" CONFIG SET maxmemory-policy "$ENGINE_POLICY")"
    if [[ "$reply" != OK ]]; then
      echo "NOTE: the engine refused CONFIG SET maxmemory-policy $ENGINE_POLICY: it answered \"$reply\"." >&2
      echo "      The engine is not measured; redis-server is." >&2
      ENGINE_MEASURED=0
    fi
  fi
fi

bench() { # port pipeline -> lines "TEST,rps"
  "${CLIENT_PREFIX[@]}" redis-benchmark -h 127.0.0.1 -p "$1" -c "$CLIENTS" -n "$([[ "$2" -gt 1 ]] && echo "$PIPELINED_REQUESTS" || echo "$REQUESTS")" -P "$2" -t "$TESTS" -r "$KEYSPACE" "${DATA_ARGS[@]}" --csv 2>/dev/null \
    | tail -n +2 | awk -F'","' '{ gsub(/"/, "", $1); gsub(/"/, "", $2); print $1 "," $2 }'
}

# JIT warm-up for the engine (and the same courtesy for Redis).
if [[ "$ENGINE_MEASURED" == 1 ]]; then
  bench "$ENGINE_PORT" 16 >/dev/null
  bench "$ENGINE_PORT" 1 >/dev/null
fi
bench "$REDIS_PORT" 1 >/dev/null

# At maxmemory: SETs of new keys until the server evicts, then as many again, so that the timed runs start at
# steady state (every new key evicts one) rather than on a cache still filling.
prefill() { # port
  local rounds=0
  until [[ "$(info_field "$1" stats evicted_keys)" -gt 0 ]]; do
    "${CLIENT_PREFIX[@]}" redis-benchmark -h 127.0.0.1 -p "$1" -c "$CLIENTS" -n 100000 -P 16 -t set -r "$KEYSPACE" \
      "${DATA_ARGS[@]}" -q >/dev/null 2>&1
    rounds=$((rounds + 1))
    [[ "$rounds" -lt 1000 ]] || { echo "server on port $1 never evicted: is maxmemory set?" >&2; exit 1; }
  done
  "${CLIENT_PREFIX[@]}" redis-benchmark -h 127.0.0.1 -p "$1" -c "$CLIENTS" -n "$(redis-cli -p "$1" DBSIZE)" -P 16 \
    -t set -r "$KEYSPACE" "${DATA_ARGS[@]}" -q >/dev/null 2>&1
}
declare -A EVICTED_BEFORE
if [[ -n "$MAXMEMORY" ]]; then
  ports=("$REDIS_PORT")
  [[ "$ENGINE_MEASURED" == 1 ]] && ports+=("$ENGINE_PORT")
  for port in "${ports[@]}"; do
    prefill "$port"
    EVICTED_BEFORE[$port]="$(info_field "$port" stats evicted_keys)"
  done
fi

echo "redis-benchmark -c $CLIENTS -n $REQUESTS (pipelined: $PIPELINED_REQUESTS, median of $ROUNDS rounds) -r $KEYSPACE${DATA_SIZE:+ -d $DATA_SIZE} -t $TESTS; engine: java $ENGINE_JAVA_OPTS $ENGINE_ARGS; $(nproc) cores"
[[ -n "$MAXMEMORY" ]] && echo "maxmemory $MAXMEMORY; maxmemory-policy: redis-server $POLICY, engine $ENGINE_POLICY; both filled until they evict before timing"
echo "servers on CPUs: ${SERVER_CPUS:-any}; client on CPUs: ${CLIENT_CPUS:-any} (nice $CLIENT_NICE)"
grep -i 'transport' "$WORKDIR/engine.log" || true
printf '%-34s %4s %14s %14s %8s %13s\n' test pipe engine_rps redis_rps ratio round_ratios
for p in $PIPELINES; do
  : >"$WORKDIR/engine.csv"
  : >"$WORKDIR/redis.csv"
  for _ in $(seq 1 "$ROUNDS"); do
    [[ "$ENGINE_MEASURED" == 1 ]] && bench "$ENGINE_PORT" "$p" >>"$WORKDIR/engine.csv"
    bench "$REDIS_PORT" "$p" >>"$WORKDIR/redis.csv"
  done
  python3 - "$WORKDIR/engine.csv" "$WORKDIR/redis.csv" "$p" "$ENGINE_MEASURED" <<'PY'
import statistics, sys
def rounds(path):
    runs = {}
    for line in open(path):
        test, rps = line.strip().rsplit(',', 1)
        runs.setdefault(test, []).append(float(rps))
    return runs
engine, redis, pipe = rounds(sys.argv[1]), rounds(sys.argv[2]), sys.argv[3]
if sys.argv[4] != '1':
    # The engine was not measured (it refused maxmemory): Redis's figures alone, for the record, with the range of
    # its rounds where the ratios' range would be.
    for test in sorted(redis):
        r = redis[test]
        print('%-34s %4s %14s %14.0f %8s %13s' % (test, pipe, 'n/a', statistics.median(r), 'n/a',
              'redis %.0fk-%.0fk' % (min(r) / 1000, max(r) / 1000)))
    sys.exit(0)
for test in sorted(engine.keys() & redis.keys()):
    e, r = engine[test], redis[test]
    # Rounds alternate engine and redis, so round i of each ran under the same conditions: their ratios' range
    # shows how far one run could be trusted.
    paired = [a / b for a, b in zip(e, r)]
    print('%-34s %4s %14.0f %14.0f %7.2fx %13s' % (test, pipe, statistics.median(e), statistics.median(r),
          statistics.median(e) / statistics.median(r), '%.2f-%.2f' % (min(paired), max(paired))))
PY
done

if [[ -n "$MAXMEMORY" ]]; then
  # Evidence that the timed SETs ran at maxmemory: evictions during the timed runs, against what they wrote.
  for port in "${!EVICTED_BEFORE[@]}"; do
    name="$([[ "$port" == "$ENGINE_PORT" ]] && echo engine || echo redis-server)"
    echo "$name: evicted_keys +$(( $(info_field "$port" stats evicted_keys) - ${EVICTED_BEFORE[$port]} )) during the timed runs;" \
      "DBSIZE $(redis-cli -p "$port" DBSIZE), used_memory $(info_field "$port" memory used_memory)"
  done
fi
