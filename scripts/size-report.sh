#!/usr/bin/env bash
# Prints raw and brotli (-q 11) bytes of the built app and fails above the budget.
#   scripts/size-report.sh [dist-dir]
# The budget covers what every visit loads (html + js + wasm + css, and the config template it
# shows: t/ID.js, the largest counted). psl.js (the Public Suffix
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
printf '%-10s %12d %12d  (the page itself)\n' page "$total_raw" "$total_br"
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
# The config templates, one file per target (t/ID.js): a visit loads the one it shows. The
# largest is counted in the visit's total; each has its own budget.
TEMPLATE_BUDGET=1500
largest=0 largest_name="" count=0 all_br=0
for f in "$dist"/t/*.js; do
  [[ -f "$f" ]] || continue
  br=$(brotli -c -q 11 "$f" | wc -c)
  count=$((count + 1)) all_br=$((all_br + br))
  if ((br > largest)); then largest=$br largest_name=$(basename "$f"); fi
done
if ((count < 30)); then
  echo "size-report: $dist/t/ holds $count templates (written by scripts/post-build.py)" >&2
  exit 1
fi
printf '%-10s %12s %12d  t/*.js: %d templates, %d brotli in all; a visit loads one, the largest is %s (budget %d each)\n' \
  template - "$largest" "$count" "$all_br" "$largest_name" "$TEMPLATE_BUDGET"
if ((largest > TEMPLATE_BUDGET)); then
  echo "size-report: t/$largest_name is $largest bytes brotli, over its $TEMPLATE_BUDGET budget" >&2
  status=1
fi
total_br=$((total_br + largest))
printf '%-10s %12s %12d  (the page and the largest template; budget %d brotli)\n' visit - "$total_br" "$BUDGET"
if ((total_br > BUDGET)); then
  echo "size-report: the app is $total_br bytes brotli, over the $BUDGET budget" >&2
  exit 1
fi
exit $status
