#!/usr/bin/env bash
# Prints raw and brotli (-q 11) bytes of the built app and fails above the budget.
#   scripts/size-report.sh [dist-dir]
# The budget covers what every visit loads (html + js + wasm + css). psl.js, the Public Suffix
# List, loads only when someone types an origin pattern (src/psl.rs): it is listed on its own
# line and has its own budget.
set -euo pipefail
dist=${1:-dist}
BUDGET=175000     # bytes, brotli: everything a visit loads, together
LAZY_BUDGET=40000 # bytes, brotli: psl.js, loaded on demand
total_raw=0 total_br=0
printf '%-10s %12s %12s  %s\n' kind raw brotli file
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css "$dist"/index.html; do
  [[ -f "$f" && "$(basename "$f")" != psl.js ]] || continue
  raw=$(stat -c %s "$f")
  br=$(brotli -c -q 11 "$f" | wc -c)
  total_raw=$((total_raw + raw)) total_br=$((total_br + br))
  printf '%-10s %12d %12d  %s\n' "${f##*.}" "$raw" "$br" "$(basename "$f")"
done
printf '%-10s %12d %12d  (budget %d brotli)\n' total "$total_raw" "$total_br" "$BUDGET"
if [[ ! -f "$dist/psl.js" ]]; then
  echo "size-report: $dist/psl.js is missing (written by scripts/post-build.py)" >&2
  exit 1
fi
lazy_raw=$(stat -c %s "$dist/psl.js")
lazy_br=$(brotli -c -q 11 "$dist/psl.js" | wc -c)
printf '%-10s %12d %12d  psl.js, loaded only when an origin pattern is typed (budget %d brotli)\n' \
  lazy "$lazy_raw" "$lazy_br" "$LAZY_BUDGET"
if ((total_br > BUDGET)); then
  echo "size-report: the app is $total_br bytes brotli, over the $BUDGET budget" >&2
  exit 1
fi
if ((lazy_br > LAZY_BUDGET)); then
  echo "size-report: psl.js is $lazy_br bytes brotli, over its $LAZY_BUDGET budget" >&2
  exit 1
fi
