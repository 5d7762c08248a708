#!/usr/bin/env bash
# Load test of `transit-check serve` on loopback with wrk (Debian's `wrk`), bounded in time:
# POST /check with a bundled manifest at 1, 8 and 64 connections, DURATION seconds each, then
# requests a second, p99 latency, errors, and the server's resident memory before and after.
# Usage: scripts/load-test.sh [BINARY]   (default .build/release/transit-check: `swift build -c release` first)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/release/transit-check}
DURATION=${DURATION:-10}
MANIFEST=${MANIFEST:-shipments/kz-pk-oats-qtta.yaml}
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --port "$PORT" > /dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done
rss() { awk '/VmRSS/ {printf "%.1f MB", $2 / 1024}' "/proc/$SERVER/status"; }
LUA=$(mktemp --suffix .lua)
cat > "$LUA" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/yaml"
local f = io.open("$MANIFEST", "rb"); wrk.body = f:read("*a"); f:close()
LUA
before=$(rss)
echo "server $BIN, POST /check with $MANIFEST, ${DURATION}s a run, $(nproc) cores"
echo "| connections | requests/s | p50 | p99 | non-2xx or errors |"
echo "|---|---|---|---|---|"
for c in 1 8 64; do
  t=$(( c < 2 ? 1 : 2 ))
  out=$(timeout $((DURATION + 30)) wrk -t"$t" -c"$c" -d"${DURATION}s" --timeout 10s --latency -s "$LUA" "http://127.0.0.1:$PORT/check")
  rps=$(awk '/Requests\/sec/ {print $2}' <<< "$out")
  p50=$(awk '$1 == "50%" {print $2}' <<< "$out")
  p99=$(awk '$1 == "99%" {print $2}' <<< "$out")
  bad=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {n += 1} END {print n + 0}' <<< "$out")
  echo "| $c | $rps | $p50 | $p99 | $bad |"
done
after=$(rss)
curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && health=answers || health="DOES NOT ANSWER"
echo
echo "memory (RSS): $before before, $after after; /health $health after the load"
rm -f "$LUA"
kill -TERM $SERVER; wait $SERVER || true
trap - EXIT
