#!/usr/bin/env bash
# Prints raw and brotli (-q 11) bytes of the built app and fails above the budget.
#   scripts/size-report.sh [dist-dir]
set -euo pipefail
dist=${1:-dist}
BUDGET=150000 # bytes, brotli, html + js + wasm + css together
total_raw=0 total_br=0
printf '%-10s %12s %12s  %s\n' kind raw brotli file
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css "$dist"/index.html; do
  [[ -f "$f" ]] || continue
  raw=$(stat -c %s "$f")
  br=$(brotli -c -q 11 "$f" | wc -c)
  total_raw=$((total_raw + raw)) total_br=$((total_br + br))
  printf '%-10s %12d %12d  %s\n' "${f##*.}" "$raw" "$br" "$(basename "$f")"
done
printf '%-10s %12d %12d  (budget %d brotli)\n' total "$total_raw" "$total_br" "$BUDGET"
if ((total_br > BUDGET)); then
  echo "size-report: the app is $total_br bytes brotli, over the $BUDGET budget" >&2
  exit 1
fi
