#!/usr/bin/env bash
# Prints raw and brotli (-q 11) bytes of the built app and fails above the budget.
#   scripts/size-report.sh [dist-dir]
# The budget covers what every visit loads (html + js + wasm + css). psl.js (the Public Suffix
# List, src/psl.rs), firefox-l10n.js (Firefox's messages in every language, src/l10n.rs) and
# examples.js (the example menu's pastes, src/catalog/examples.rs) load only when needed: each is
# listed on its own line and has its own budget.
set -euo pipefail
dist=${1:-dist}
BUDGET=175000     # bytes, brotli: everything a visit loads, together
# Loaded on demand, each with its own budget (bytes, brotli):
declare -A LAZY=(
  [psl.js]=40000          # the Public Suffix List, when an origin pattern is typed
  [firefox-l10n.js]=60000 # Firefox's messages in 96 languages, when a paste is not all English
  [examples.js]=4000      # the example menu's 73 pastes, when an example is chosen
)
total_raw=0 total_br=0
printf '%-10s %12s %12s  %s\n' kind raw brotli file
for f in "$dist"/*.wasm "$dist"/*.js "$dist"/*.css "$dist"/index.html; do
  [[ -f "$f" && -z "${LAZY[$(basename "$f")]:-}" ]] || continue
  raw=$(stat -c %s "$f")
  br=$(brotli -c -q 11 "$f" | wc -c)
  total_raw=$((total_raw + raw)) total_br=$((total_br + br))
  printf '%-10s %12d %12d  %s\n' "${f##*.}" "$raw" "$br" "$(basename "$f")"
done
printf '%-10s %12d %12d  (budget %d brotli)\n' total "$total_raw" "$total_br" "$BUDGET"
status=0
for name in psl.js firefox-l10n.js examples.js; do
  f="$dist/$name"
  if [[ ! -f "$f" ]]; then
    echo "size-report: $f is missing (written by scripts/post-build.py)" >&2
    exit 1
  fi
  lazy_raw=$(stat -c %s "$f")
  lazy_br=$(brotli -c -q 11 "$f" | wc -c)
  printf '%-10s %12d %12d  %s, loaded on demand (budget %d brotli)\n' \
    lazy "$lazy_raw" "$lazy_br" "$name" "${LAZY[$name]}"
  if ((lazy_br > LAZY[$name])); then
    echo "size-report: $name is $lazy_br bytes brotli, over its ${LAZY[$name]} budget" >&2
    status=1
  fi
done
if ((total_br > BUDGET)); then
  echo "size-report: the app is $total_br bytes brotli, over the $BUDGET budget" >&2
  exit 1
fi
exit $status
