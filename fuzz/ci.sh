#!/usr/bin/env bash
# Bounded fuzzing, as .ci/run runs it: builds both fuzz targets once (one instrumented build
# of the library serves both) and runs each from the seed corpus (seed.sh) for
# FUZZ_SECONDS (default 45) with a fixed seed. Any panic, crash, slow input (over 30 s) or
# memory use over 2 GiB fails the run; the input is left in fuzz/artifacts/<target>/.
#
# Built without a sanitizer: the crate forbids unsafe code, so AddressSanitizer would only
# watch dependencies; debug assertions and overflow checks are on (-a).
set -euo pipefail
cd "$(dirname "$0")"
seconds=${FUZZ_SECONDS:-45}

if ! rustup toolchain list | grep -q '^nightly'; then
  rustup toolchain install nightly --profile minimal
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

./seed.sh
flags=(-O -a --sanitizer none --codegen-units 16)
cargo +nightly fuzz build "${flags[@]}"
for target in decode roundtrip; do
  log=$(mktemp)
  echo "fuzz $target: ${seconds}s from $(find "corpus/$target" -type f | wc -l) seed inputs"
  if ! cargo +nightly fuzz run "${flags[@]}" "$target" "corpus/$target" -- \
    -dict=lefi.dict -seed=1 -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
    -print_final_stats=1 >"$log" 2>&1; then
    # the crash report, without libFuzzer's dictionary listing
    grep -v '^"' "$log" | tail -n 60
    echo "fuzz $target: FAILED (input in fuzz/artifacts/$target/)"
    exit 1
  fi
  grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || true
  rm -f "$log"
done
