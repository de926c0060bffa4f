#!/usr/bin/env bash
# Memory per key: the engine's retained heap (GC'd heap delta in a forked JVM, see MemoryFootprint)
# vs redis-server's used_memory delta, for KEYS keys ("key:%06d") with VALUE_SIZE-byte values.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
KEYS="${KEYS:-100000}"
VALUE_SIZE="${VALUE_SIZE:-100}"
ENGINE="$ROOT/cache-engine"

if [[ ! -d "$ENGINE/target/test-classes/dev/larder/engine/bench" || ! -d "$ENGINE/target/lib" ]]; then
  (cd "$ROOT" && mvn -q -pl cache-engine -am package -DskipTests)
fi

engine_out="$(java -Xmx2g -XX:+UseSerialGC -cp "$ENGINE/target/classes:$ENGINE/target/test-classes:$ENGINE/target/lib/*" \
  dev.larder.engine.bench.MemoryFootprint "$KEYS" "$VALUE_SIZE")"
engine_bpk="$(echo "$engine_out" | sed -n 's/^bytes_per_key=//p')"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
dir="$(mktemp -d)"
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" >"$dir/redis.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 100); do [[ "$(redis-cli -p "$port" PING 2>/dev/null)" == PONG ]] && break; sleep 0.05; done

used() { redis-cli -p "$port" INFO memory | sed -n 's/^used_memory:\([0-9]*\).*/\1/p'; }
before="$(used)"
python3 - "$KEYS" "$VALUE_SIZE" >"$dir/load.resp" <<'PY'
import sys
keys, size = int(sys.argv[1]), int(sys.argv[2])
out = sys.stdout.buffer
for i in range(keys):
    k = b"key:%06d" % i
    v = bytes([ord('a') + i % 26]) * size
    out.write(b"*3\r\n$3\r\nSET\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n" % (len(k), k, len(v), v))
PY
redis-cli -p "$port" --pipe <"$dir/load.resp" >/dev/null
after="$(used)"
redis_bpk="$(echo "($after - $before) / $KEYS" | bc -l)"

printf 'keys=%s value_size=%s\n' "$KEYS" "$VALUE_SIZE"
printf 'engine retained heap per key: %.1f bytes\n' "$engine_bpk"
printf 'redis used_memory per key:    %.1f bytes\n' "$redis_bpk"
printf 'ratio engine/redis:           %.2fx\n' "$(echo "$engine_bpk / $redis_bpk" | bc -l)"
