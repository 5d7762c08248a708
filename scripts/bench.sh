#!/usr/bin/env bash
# Batch benchmark: manifests per second and peak memory for libyaml's own parser (the
# baseline), our YAML layer alone (--parse-only), and the full batch at 1 and 2 jobs, over the
# same generated corpus. Usage: scripts/bench.sh [COUNT...]   (default: 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("${@:-10000 100000}")
[ $# -eq 0 ] && counts=(10000 100000)
work=${BENCH_DIR:-.build-bench}
mkdir -p "$work"
swift build -c release >/dev/null
bin=.build/release/transit-check
cc -O2 -o "$work/yaml-parse-baseline" scripts/yaml-parse-baseline.c $(pkg-config --cflags --libs yaml-0.1)

measure() {  # label count command... ; prints a row
  local label=$1 count=$2; shift 2
  /usr/bin/time -o "$work/time.txt" -f "%e %M" "$@" >/dev/null 2>&1 || true
  local out; out=$(tail -1 "$work/time.txt")
  local secs=${out% *} kb=${out#* }
  printf "%-28s %8d  %8.2f s  %9.0f/s  %7d MB\n" "$label" "$count" "$secs" "$(echo "$count / $secs" | bc -l)" $((kb / 1024))
}

# Rule loading (includes process start): the best of 10 runs.
best=999
for _ in $(seq 10); do
  /usr/bin/time -o "$work/time.txt" -f "%e" $bin corridors list >/dev/null 2>&1
  t=$(tail -1 "$work/time.txt")
  best=$(echo "if ($t < $best) $t else $best" | bc -l)
done
printf "rules load + process start: %.0f ms (best of 10)\n\n" "$(echo "$best * 1000" | bc -l)"

printf "%-28s %8s  %10s  %11s  %10s\n" "pass" "files" "time" "rate" "peak RSS"
for n in "${counts[@]}"; do
  dir="$work/corpus-$n"
  if [ ! -f "$dir/.complete" ]; then
    rm -rf "$dir"; $bin corpus --count "$n" --output "$dir" --seed 1 2>/dev/null; touch "$dir/.complete"
  fi
  find "$dir" -name '*.yaml' | sort > "$work/list-$n.txt"
  cat "$dir"/*.yaml >/dev/null 2>&1 || find "$dir" -name '*.yaml' -exec cat {} + >/dev/null  # warm the page cache
  measure "libyaml events (C)" "$n" sh -c "$work/yaml-parse-baseline < $work/list-$n.txt"
  measure "YAML layer (--parse-only)" "$n" $bin batch - --jobs 1 --parse-only --quiet --output "$work/out.jsonl" < "$work/list-$n.txt"
  measure "full batch, 1 job" "$n" $bin batch - --jobs 1 --quiet --output "$work/out.jsonl" < "$work/list-$n.txt"
  measure "full batch, 2 jobs" "$n" $bin batch - --jobs 2 --quiet --output "$work/out.jsonl" < "$work/list-$n.txt"
  lines=$(wc -l < "$work/out.jsonl")
  echo "  jsonl lines: $lines (inputs: $n)"
done
