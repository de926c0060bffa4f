#!/usr/bin/env bash
# Sorted sets: in-process ZADD / ZRANK / ZRANGE top-10 cost at SIZES members (ZSetBenchmark, ns/op), and
# memory per member of a MEMBERS-member sorted set: the engine's retained heap vs redis-server's used_memory
# delta for the same members ("member:%d") and scores.
#
# Env: SIZES (default 10000,1000000), MEMBERS (last of SIZES).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SIZES="${SIZES:-10000,1000000}"
MEMBERS="${MEMBERS:-${SIZES##*,}}"
ENGINE="$ROOT/cache-engine"

if [[ ! -f "$ENGINE/target/test-classes/dev/larder/engine/bench/ZSetBenchmark.class" || ! -d "$ENGINE/target/lib" ]]; then
  (cd "$ROOT" && mvn -q -pl cache-engine -am package -DskipTests)
fi

java -Xms3g -Xmx3g -XX:+UseParallelGC -cp "$ENGINE/target/classes:$ENGINE/target/test-classes:$ENGINE/target/lib/*" \
  dev.larder.engine.bench.ZSetBenchmark "$SIZES" memory | tee /dev/stderr > "${TMPDIR:-/tmp}/zset-bench.$$"
engine_bpm="$(sed -n 's/.*bytes_per_member=//p' "${TMPDIR:-/tmp}/zset-bench.$$")"
rm -f "${TMPDIR:-/tmp}/zset-bench.$$"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
dir="$(mktemp -d)"
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" >"$dir/redis.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 100); do [[ "$(redis-cli -p "$port" PING 2>/dev/null)" == PONG ]] && break; sleep 0.05; done

used() { redis-cli -p "$port" INFO memory | sed -n 's/^used_memory:\([0-9]*\).*/\1/p'; }
before="$(used)"
python3 - "$MEMBERS" >"$dir/load.resp" <<'PY'
import sys, random
n = int(sys.argv[1])
rnd = random.Random(1)
out = sys.stdout.buffer
for i in range(n):
    s = b"%d" % rnd.randrange(1_000_000_000)
    m = b"member:%d" % i
    out.write(b"*4\r\n$4\r\nZADD\r\n$5\r\nboard\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n" % (len(s), s, len(m), m))
PY
redis-cli -p "$port" --pipe <"$dir/load.resp" >/dev/null
after="$(used)"
redis_bpm="$(echo "($after - $before) / $MEMBERS" | bc -l)"
printf 'members=%s encoding(redis)=%s\n' "$MEMBERS" "$(redis-cli -p "$port" OBJECT ENCODING board)"
printf 'engine retained heap per member: %.1f bytes\n' "$engine_bpm"
printf 'redis used_memory per member:    %.1f bytes\n' "$redis_bpm"
printf 'ratio engine/redis:              %.2fx\n' "$(echo "$engine_bpm / $redis_bpm" | bc -l)"
