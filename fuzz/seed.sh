#!/usr/bin/env bash
# Seed corpora for the fuzz targets: the contract fixtures, the crate's examples and
# documents generated from the LEFI v9 OpenAPI (../shared/tools/v9_generate.py). `decode`
# inputs carry the decoder selector as their first byte (see fuzz_targets/decode.rs).
set -euo pipefail
cd "$(dirname "$0")"
shared=../../shared
mkdir -p corpus/decode corpus/roundtrip
sources=(../examples/data/*.json)
if [ -d "$shared/contracts/fixtures" ]; then
  sources+=("$shared"/contracts/fixtures/*)
  spec="$shared/contracts/ssbtek-v10/se/forsakringskassan/schema/lefi/lefi-formansinformation-v9.openapi.yaml"
  generated=$(mktemp -d)
  if python3 "$shared/tools/v9_generate.py" "$spec" "$generated" 3 16 >/dev/null 2>&1; then
    sources+=("$generated"/*.json)
  fi
fi
for f in "${sources[@]}"; do
  name=$(basename "$f")
  cp "$f" "corpus/roundtrip/$name"
  case "$name" in
    *.json) selectors="0 1 2 3 4 8" ;;
    *) selectors="5 6 7 8 9" ;;
  esac
  for s in $selectors; do
    { printf "\\x$(printf %02x "$s")"; cat "$f"; } > "corpus/decode/$s-$name"
  done
done
