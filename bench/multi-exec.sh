#!/usr/bin/env bash
# Throughput of MULTI/EXEC transactions on the Larder engine vs a real redis-server: each transaction is the block
#   MULTI / SET tx:key:<n> <value> / INCR tx:counter:<n> / EXEC
# (4 commands, 4 replies, the EXEC reply an array of 2), keys drawn from KEYSPACE. redis-benchmark sends one command
# per request (its arbitrary-command mode cannot interleave MULTI, SET, INCR and EXEC), so the blocks are written as
# RESP and streamed by CLIENTS parallel `redis-cli --pipe` connections, each with PIPELINE blocks in flight at most
# (the file is cut into windows of PIPELINE blocks, each sent whole and waited for, like redis-benchmark -P does).
# Prints transactions per second for each server and the engine/redis ratio (median of ROUNDS rounds, alternating).
#
# Env: BLOCKS (transactions per client per round, default 20000), CLIENTS (default 8), PIPELINE (blocks in flight
#      per connection, default 16), KEYSPACE (default 100000), ROUNDS (default 3), ENGINE_JAVA_OPTS (default
#      "-Xms1g -Xmx1g -XX:+UseParallelGC"), ENGINE_ARGS, ENGINE_JAR (default: cache-engine/target's jar, built when
#      missing), SERVER_CPUS / CLIENT_CPUS (taskset CPU lists, as in engine-vs-redis.sh).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BLOCKS="${BLOCKS:-20000}"
CLIENTS="${CLIENTS:-8}"
PIPELINE="${PIPELINE:-16}"
KEYSPACE="${KEYSPACE:-100000}"
ROUNDS="${ROUNDS:-3}"
ENGINE_JAVA_OPTS="${ENGINE_JAVA_OPTS:--Xms1g -Xmx1g -XX:+UseParallelGC}"
ENGINE_ARGS="${ENGINE_ARGS:-}"
SERVER_CPUS="${SERVER_CPUS:-}"
CLIENT_CPUS="${CLIENT_CPUS:-}"
SERVER_PREFIX=()
CLIENT_PREFIX=()
[[ -n "$SERVER_CPUS" ]] && SERVER_PREFIX=(taskset -c "$SERVER_CPUS")
[[ -n "$CLIENT_CPUS" ]] && CLIENT_PREFIX=(taskset -c "$CLIENT_CPUS")

for tool in redis-server redis-cli java python3; do
  command -v "$tool" >/dev/null || { echo "missing: $tool" >&2; exit 1; }
done

# shellcheck source=lib/servers.sh
source "$ROOT/bench/lib/servers.sh"

# One file of BLOCKS transactions per client (different random keys per client).
python3 - "$WORKDIR" "$CLIENTS" "$BLOCKS" "$KEYSPACE" <<'PY'
import random, sys
workdir, clients, blocks, keyspace = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
def cmd(*args):
    out = [b'*%d\r\n' % len(args)]
    for a in args:
        a = a.encode()
        out.append(b'$%d\r\n%s\r\n' % (len(a), a))
    return b''.join(out)
for c in range(clients):
    rnd = random.Random(c)
    with open('%s/blocks-%d.resp' % (workdir, c), 'wb') as f:
        for _ in range(blocks):
            n = rnd.randrange(keyspace)
            f.write(cmd('MULTI') + cmd('SET', 'tx:key:%012d' % n, 'xxx') + cmd('INCR', 'tx:counter:%012d' % n)
                    + cmd('EXEC'))
PY

# A client: the windows of PIPELINE blocks sent in turn, each waited for (4 replies per block).
cat >"$WORKDIR/client.py" <<'PY'
import socket, sys
port, path, window = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
data = open(path, 'rb').read()
blocks = data.split(b'*1\r\n$5\r\nMULTI\r\n')[1:]
s = socket.create_connection(('127.0.0.1', port))
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
prefix = b'*1\r\n$5\r\nMULTI\r\n'
expected_tail = b'*2\r\n+OK\r\n:'
for i in range(0, len(blocks), window):
    chunk = b''.join(prefix + b for b in blocks[i:i + window])
    s.sendall(chunk)
    want = len(blocks[i:i + window])
    got = 0
    buf = b''
    # every block ends with EXEC's array: "*2\r\n+OK\r\n:<n>\r\n"; count those
    while got < want:
        more = s.recv(1 << 20)
        if not more:
            sys.exit('connection closed')
        buf += more
        got = buf.count(expected_tail)
        if b'-' in buf and b'\r\n-' in buf:
            sys.exit('error reply: %r' % buf[:200])
PY

run_round() { # port -> transactions per second
  local start end
  start="$(date +%s%N)"
  local pids=()
  for c in $(seq 0 $((CLIENTS - 1))); do
    "${CLIENT_PREFIX[@]}" python3 "$WORKDIR/client.py" "$1" "$WORKDIR/blocks-$c.resp" "$PIPELINE" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid"; done
  end="$(date +%s%N)"
  python3 -c "print(round($CLIENTS * $BLOCKS / (($end - $start) / 1e9)))"
}

# JIT warm-up for the engine, and the same courtesy for Redis.
run_round "$ENGINE_PORT" >/dev/null
run_round "$REDIS_PORT" >/dev/null

: >"$WORKDIR/rounds"
for _ in $(seq 1 "$ROUNDS"); do
  echo "$(run_round "$ENGINE_PORT") $(run_round "$REDIS_PORT")" >>"$WORKDIR/rounds"
done

echo "MULTI/SET/INCR/EXEC blocks: $CLIENTS connections x $BLOCKS blocks, $PIPELINE blocks in flight per connection," \
  "keyspace $KEYSPACE, median of $ROUNDS rounds; engine: java $ENGINE_JAVA_OPTS $ENGINE_ARGS; $(nproc) cores;" \
  "servers on CPUs ${SERVER_CPUS:-any}, clients on CPUs ${CLIENT_CPUS:-any}"
python3 - "$WORKDIR/rounds" <<'PY'
import statistics, sys
rows = [tuple(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
e = statistics.median(r[0] for r in rows)
r = statistics.median(r[1] for r in rows)
ratios = [a / b for a, b in rows]
print('%-22s %14s %14s %8s %13s' % ('test', 'engine_tx/s', 'redis_tx/s', 'ratio', 'round_ratios'))
print('%-22s %14.0f %14.0f %7.2fx %13s' % ('multi-set-incr-exec', e, r, e / r, '%.2f-%.2f' % (min(ratios), max(ratios))))
PY
