#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/*.swift) with this toolchain and runs each for a bounded
# time. Usage: scripts/fuzz.sh [SECONDS_PER_TARGET=60] [manifest|rules|all]
# Inputs that ever crashed are kept in Fuzz/regressions/ and replayed first; a new crash is
# copied there and the script exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
which=${2:-all}
out=.build/fuzz
mkdir -p "$out" Fuzz/regressions/manifest Fuzz/regressions/rules
# One package name for all modules, as SwiftPM gives them, so `package` declarations are visible across them.
flags=(-sanitize=fuzzer -parse-as-library -O -g -package-name transit_check -I "$out" -I Sources/CYAML)
build_module() {  # name, sources...
  local name=$1; shift
  swiftc "${flags[@]}" -emit-library -static -emit-module -module-name "$name" -emit-module-path "$out/$name.swiftmodule" \
    -o "$out/lib$name.a" "$@"
}
if [ ! -f "$out/libTransitEngine.a" ] || [ -n "$(find Sources/TransitCore Sources/TransitYAML Sources/TransitReports Sources/TransitEngine -newer "$out/libTransitEngine.a" -name '*.swift' | head -1)" ]; then
  build_module TransitCore $(find Sources/TransitCore -name '*.swift' | sort)
  build_module TransitYAML $(find Sources/TransitYAML -name '*.swift' | sort)
  build_module TransitReports $(find Sources/TransitReports -name '*.swift' | sort)
  build_module TransitEngine $(find Sources/TransitEngine -name '*.swift' | sort)
fi
link=(-L "$out" -lTransitEngine -lTransitReports -lTransitYAML -lTransitCore -lyaml)
export SWIFT_BACKTRACE=enable=no
status=0
run() {  # target, source, corpus seed dir
  local target=$1 source=$2 seeds=$3
  swiftc "${flags[@]}" "$source" "${link[@]}" -o "$out/fuzz-$target"
  local corpus="$out/corpus-$target"
  mkdir -p "$corpus"
  cp -n $seeds "$corpus"/ 2>/dev/null || true
  # Replay every input that ever crashed: each must now pass.
  if [ -n "$(ls Fuzz/regressions/$target 2>/dev/null)" ]; then
    "$out/fuzz-$target" -runs=0 $(ls -d Fuzz/regressions/$target/* 2>/dev/null) || status=1
  fi
  if ! "$out/fuzz-$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
       -artifact_prefix="Fuzz/regressions/$target/" "$corpus"; then
    echo "fuzz: $target found a crash; the input is in Fuzz/regressions/$target/" >&2
    status=1
  fi
}
[ "$which" = rules ] || run manifest Fuzz/ManifestFuzz.swift "shipments/*.yaml shipments/invalid/*"
[ "$which" = manifest ] || run rules Fuzz/RulePackFuzz.swift "rules/*/*.yaml"
exit $status
