#!/usr/bin/env bash
# Type-checks the Rust snippets cors-doctor generates (axum, actix-web, rocket) under several
# policies: each rendering becomes a binary of a copy of tests/syntax/rust, then `cargo check`.
# The build directory lives outside the clone (a cache): ~/.cache/cors-doctor/rust-snippets.
set -euo pipefail
cd "$(dirname "$0")/../.."
cli=${CORS_DOCTOR_BIN:-target/debug/cors-doctor}
work=${CORS_DOCTOR_RUST_SNIPPETS:-$HOME/.cache/cors-doctor/rust-snippets}
mkdir -p "$work/src/bin"
cp tests/syntax/rust/Cargo.toml tests/syntax/rust/Cargo.lock "$work/"
cp tests/syntax/rust/src/main.rs "$work/src/"
rm -f "$work"/src/bin/*.rs
policies=(
  "--origin http://localhost:3000"
  "--origin https://app.example.com --origin http://localhost:5173 --max-age 600"
  "--origin https://app.example.com --method PUT --method PROPFIND --header Authorization --expose X-Request-Id --credentials"
)
n=0
for id in axum actix-web rocket; do
  for i in "${!policies[@]}"; do
    # shellcheck disable=SC2086
    "$cli" config --framework "$id" ${policies[$i]} 2>/dev/null > "$work/src/bin/${id//-/_}_$i.rs"
    n=$((n + 1))
  done
done
cargo check --quiet --manifest-path "$work/Cargo.toml" --bins
echo "rust snippets: $n renderings type-check"
