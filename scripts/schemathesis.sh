#!/usr/bin/env bash
# Runs schemathesis against the running server's own /openapi.json, bounded in examples and time:
# it fails on any 5xx and on any response whose status, media type, headers or body break the document.
# Usage: scripts/schemathesis.sh [BINARY]   (default .build/debug/transit-check; needs `pip install schemathesis`)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-.build/debug/transit-check}
EXAMPLES=${EXAMPLES:-25}
LIMIT=${LIMIT:-600}          # seconds for the whole run
OUT=${ARTEFACTS:-.build/artefacts}
mkdir -p "$OUT"
command -v schemathesis >/dev/null || { echo "schemathesis is not installed: pip install schemathesis" >&2; exit 1; }
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$BIN" serve --port "$PORT" > "$OUT/schemathesis-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done
status=0
# One worker: with two, hypothesis parses lambda sources (ast.parse) from two threads at once, and
# CPython 3.11 then fails at random with "SystemError: AST constructor recursion depth mismatch"
# (python/cpython#106905). That failed a CI run on a passing server.
timeout "$LIMIT" schemathesis run "http://127.0.0.1:$PORT/openapi.json" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance \
  --max-examples "$EXAMPLES" --request-timeout 20 --workers 1 --generation-deterministic --continue-on-failure \
  --suppress-health-check all \
  | tee "$OUT/schemathesis.txt" || status=$?
kill -TERM $SERVER; wait $SERVER || true
trap - EXIT
if [ "$status" = 124 ]; then echo "schemathesis: over the $LIMIT s limit" >&2; fi
exit $status
