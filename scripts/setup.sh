#!/usr/bin/env bash
# Installs whatever cors-doctor needs and is missing; idempotent, seconds when all is present.
#   scripts/setup.sh          build tools (serve the app)
#   scripts/setup.sh --test   build tools + Chromium, ChromeDriver, Firefox ESR, WebKitGTK, brotli
#                             and the verification matrix's servers (run the tests)
# Only registries are reachable here, so nothing is ever downloaded from anywhere else:
# Trunk and wasm-bindgen-cli come from crates.io, wasm-opt from npm's binaryen, Chromium from Debian.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/node_modules/.bin:$PATH:/usr/sbin:/sbin"
TRUNK_VERSION=0.21.14
log() { printf 'setup: %s\n' "$*"; }
started=$SECONDS

# Rust: the wasm target and the lint components.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "adding $component"
    rustup component add "$component"
  fi
done

# Debian packages, only for the tests (and only those missing).
if [[ "${1:-}" == "--test" ]]; then
  pkgs=()
  [[ -x /usr/bin/chromium ]] || pkgs+=(chromium)
  command -v chromedriver >/dev/null || pkgs+=(chromium-driver)
  command -v brotli >/dev/null || pkgs+=(brotli)
  # The other two engines of the verification matrix: Firefox ESR (driven by puppeteer-core) and
  # WebKitGTK, Safari's engine (python3-gi under Xvfb).
  [[ -x /usr/bin/firefox-esr ]] || pkgs+=(firefox-esr)
  /usr/bin/python3 -c 'import gi; gi.require_version("WebKit2", "4.1"); gi.require_version("Gtk", "3.0")' 2>/dev/null \
    || pkgs+=(gir1.2-webkit2-4.1 python3-gi)
  command -v xvfb-run >/dev/null || pkgs+=(xvfb xauth)
  # Real servers for the verification matrix (Debian's policy-rc.d keeps them from starting).
  command -v nginx >/dev/null || pkgs+=(nginx-light)
  command -v haproxy >/dev/null || pkgs+=(haproxy)
  command -v apache2 >/dev/null || pkgs+=(apache2)
  command -v php >/dev/null || pkgs+=(php-cli)
  command -v go >/dev/null || pkgs+=(golang-go)
  command -v rackup >/dev/null || pkgs+=(ruby-rack-cors ruby-webrick)
  [[ -x /usr/share/tomcat10/bin/catalina.sh ]] || pkgs+=(tomcat10)
  command -v javac >/dev/null || pkgs+=(default-jdk-headless)
  [[ -d /usr/share/gocode/src/github.com/gin-contrib/cors ]] || pkgs+=(golang-github-gin-gonic-gin-dev golang-github-gin-contrib-cors-dev)
  [[ -d /usr/share/gocode/src/github.com/rs/cors ]] || pkgs+=(golang-github-rs-cors-dev)
  [[ -d /usr/share/gocode/src/github.com/labstack/echo ]] || pkgs+=(golang-github-labstack-echo-dev)
  if ((${#pkgs[@]})); then
    log "installing ${pkgs[*]} from Debian"
    export DEBIAN_FRONTEND=noninteractive
    # Installing nginx or apache2 must not start system services: the tests start their own.
    temp_policy=""
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
      temp_policy=1
    fi
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
    [[ -z "$temp_policy" ]] || rm -f /usr/sbin/policy-rc.d
  fi
fi

# Trunk, pinned: 0.22 needs a newer rustc than this machine has.
if [[ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]]; then
  log "installing trunk $TRUNK_VERSION (about 14 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

# wasm-bindgen-cli at exactly Cargo.lock's wasm-bindgen; without --locked (its lockfile pins a
# crate the registry mirror lacks).
WBG=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! grep -q "^wasm_bindgen = \"$WBG\"" Trunk.toml; then
  echo "setup: Trunk.toml [tools] wasm_bindgen does not match Cargo.lock's wasm-bindgen $WBG" >&2
  exit 1
fi
if [[ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG" ]]; then
  log "installing wasm-bindgen-cli $WBG (about 4 minutes)"
  cargo install wasm-bindgen-cli --version "$WBG" --force
fi

# Node tools: binaryen's wasm-opt (never Debian's binaryen 108, which breaks the app at run
# time) and playwright-core (drives Debian's Chromium; downloads no browser).
if [[ ! -x node_modules/.bin/wasm-opt || ! -d node_modules/playwright-core \
      || package-lock.json -nt node_modules/.package-lock.json ]]; then
  log "installing node tools (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Python servers for the verification matrix, in a venv outside the clone (a cache).
if [[ "${1:-}" == "--test" ]]; then
  venv="${CORS_DOCTOR_VENV:-$HOME/.cache/cors-doctor/venv}"
  stamp="$venv/.requirements"
  if ! cmp -s tests/verify/requirements.txt "$stamp"; then
    log "installing the verification servers' Python packages into $venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r tests/verify/requirements.txt
    cp tests/verify/requirements.txt "$stamp"
  fi
fi

# Trunk builds offline (it passes --offline to cargo), so fetch crates first.
cargo fetch --quiet
log "ready in $((SECONDS - started)) s"
