#!/usr/bin/env bash
# Memory per key and per member: the engine's retained heap (GC'd heap delta in a forked JVM, see MemoryFootprint)
# vs redis-server's used_memory delta (default config), case by case on the same keys and members:
#   string: STRING_KEYS keys "key:%06d" with VALUE_SIZE-byte values;
#   hash, list, set, zset: COLLECTION_KEYS keys "<type>:%06d", each one HSET / RPUSH / SADD / ZADD of MEMBERS
#   16-byte members (hash: field "field:%010d", value "v%06d-%08d"; others "e%06d-%08d"; zset scores the
#   integer (key * MEMBERS + member) * 7919 % 1000000).
# Prints OBJECT ENCODING of the first key of each case on both sides, bytes per key (and per member for
# collections) and the engine/redis ratio.
#
# Env: STRING_KEYS (100000), VALUE_SIZE (100), COLLECTION_KEYS (10000), MEMBERS (128).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STRING_KEYS="${STRING_KEYS:-${KEYS:-100000}}"
VALUE_SIZE="${VALUE_SIZE:-100}"
COLLECTION_KEYS="${COLLECTION_KEYS:-10000}"
MEMBERS="${MEMBERS:-128}"
ENGINE="$ROOT/cache-engine"

if [[ ! -d "$ENGINE/target/test-classes/dev/larder/engine/bench" || ! -d "$ENGINE/target/lib" ]]; then
  (cd "$ROOT" && mvn -q -pl cache-engine -am package -DskipTests)
fi

# Serial GC with MarkSweepDeadRatio=0: every full GC compacts the whole heap, so used heap after one is exactly
# the live data (by default the serial collector leaves up to 5% of the old generation as uncompacted dead space).
engine_out="$(java -Xms2g -Xmx2g -XX:+UseSerialGC -XX:MarkSweepDeadRatio=0 -XX:-UseTLAB \
  -cp "$ENGINE/target/classes:$ENGINE/target/test-classes:$ENGINE/target/lib/*" \
  dev.larder.engine.bench.MemoryFootprint "$STRING_KEYS" "$VALUE_SIZE" "$COLLECTION_KEYS" "$MEMBERS")"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
dir="$(mktemp -d)"
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" >"$dir/redis.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 1 100); do [[ "$(redis-cli -p "$port" PING 2>/dev/null)" == PONG ]] && break; sleep 0.05; done

used() { redis-cli -p "$port" INFO memory | sed -n 's/^used_memory:\([0-9]*\).*/\1/p'; }

# Writes the RESP commands of one case (the same keys and members as MemoryFootprint) to stdout.
load() {
  python3 - "$1" "$2" "$3" "$4" <<'PY'
import sys
case, keys, members, value_size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
out = sys.stdout.buffer
def command(*args):
    out.write(b"*%d\r\n" % len(args))
    for a in args:
        out.write(b"$%d\r\n%s\r\n" % (len(a), a))
for i in range(keys):
    if case == "string":
        command(b"SET", b"key:%06d" % i, bytes([ord('a') + i % 26]) * value_size)
        continue
    key = b"%s:%06d" % (case.encode(), i)
    args = [{"hash": b"HSET", "list": b"RPUSH", "set": b"SADD", "zset": b"ZADD"}[case], key]
    for j in range(members):
        if case == "hash":
            args += [b"field:%010d" % j, b"v%06d-%08d" % (i, j)]
        else:
            if case == "zset":
                args.append(b"%d" % ((i * members + j) * 7919 % 1000000))
            args.append(b"e%06d-%08d" % (i, j))
    command(*args)
PY
}

printf 'engine: retained heap (forked JVM, serial GC, MarkSweepDeadRatio=0); redis-server %s: used_memory delta\n' \
  "$(redis-cli -p "$port" INFO server | sed -n 's/^redis_version:\([^[:space:]]*\).*/\1/p')"
printf '%-7s %7s %7s %-20s %-20s %12s %12s %10s %10s %7s\n' case keys members 'encoding(engine)' 'encoding(redis)' \
  engine/key redis/key engine/mbr redis/mbr ratio
for case in string hash list set zset; do
  if [[ "$case" == string ]]; then keys="$STRING_KEYS"; members=1; else keys="$COLLECTION_KEYS"; members="$MEMBERS"; fi
  line="$(echo "$engine_out" | grep "^case=$case ")"
  engine_bpk="$(echo "$line" | sed -n 's/.*bytes_per_key=\([0-9.]*\).*/\1/p')"
  engine_enc="$(echo "$line" | sed -n 's/.*encoding=\([^ ]*\).*/\1/p')"
  redis-cli -p "$port" FLUSHALL >/dev/null
  before="$(used)"
  load "$case" "$keys" "$members" "$VALUE_SIZE" >"$dir/load.resp"
  redis-cli -p "$port" --pipe <"$dir/load.resp" >/dev/null
  after="$(used)"
  if [[ "$case" == string ]]; then first="key:000000"; else first="$case:000000"; fi
  redis_enc="$(redis-cli -p "$port" OBJECT ENCODING "$first")"
  redis_bpk="$(echo "($after - $before) / $keys" | bc -l)"
  printf '%-7s %7s %7s %-20s %-20s %12.1f %12.1f %10.1f %10.1f %6.2fx\n' "$case" "$keys" "$members" "$engine_enc" \
    "$redis_enc" "$engine_bpk" "$redis_bpk" "$(echo "$engine_bpk / $members" | bc -l)" \
    "$(echo "$redis_bpk / $members" | bc -l)" "$(echo "$engine_bpk / $redis_bpk" | bc -l)"
done
