#!/usr/bin/env bash
# Runs each platform's own checker on the configs cors-doctor generates, under several policies:
# nginx -t, apache2 -t, haproxy -c, caddy validate, php -l, go vet (net/http, Gin, rs/cors),
# python -m py_compile and pyflakes (Flask, FastAPI, Django). The snippet goes into the smallest
# file the checker accepts (an http {} block, a server root with the modules loaded, a Go main
# package); nothing is started and nothing listens. Any checker failure fails the step with its output.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
cli=${CORS_DOCTOR_BIN:-$root/target/debug/cors-doctor}
venv=${CORS_DOCTOR_VENV:-$HOME/.cache/cors-doctor/venv}
work=$(mktemp -d "${TMPDIR:-/tmp}/cors-lint.XXXXXX")
trap 'rm -rf "$work"' EXIT
export PATH="$venv/bin:/usr/sbin:$PATH"
export GOCACHE="$HOME/.cache/cors-doctor/go-build" GOFLAGS=-mod=mod GOPROXY=off

policies=(
  "--origin http://localhost:3000"
  "--origin https://app.example.com --origin http://localhost:5173 --max-age 600"
  "--origin https://app.example.com --method PUT --method PROPFIND --header Authorization --header X-Requested-With --expose X-Request-Id --credentials"
  "--origin https://app.example.com --pattern https://*.example.com --credentials"
  "--origin https://app.example.com --expose X-Request-Id --expose ETag --max-age 86400"
)

fail=0
count=0
check() { # name, command...
  local name=$1
  shift
  local out
  if out=$("$@" 2>&1); then
    count=$((count + 1))
  else
    echo "not ok - $name"
    echo "$out" | sed 's/^/    /' | head -20
    fail=1
  fi
}

for i in "${!policies[@]}"; do
  d="$work/$i"
  mkdir -p "$d/tmp"
  gen() { # shellcheck disable=SC2086
    "$cli" config --framework "$1" ${policies[$i]} 2>/dev/null
  }

  # nginx: the server block inside a minimal http {} with private paths.
  {
    echo "worker_processes 1; pid $d/nginx.pid; error_log $d/error.log; events {}"
    echo "http { access_log off; client_body_temp_path $d/tmp/b; proxy_temp_path $d/tmp/p;"
    echo "fastcgi_temp_path $d/tmp/f; uwsgi_temp_path $d/tmp/u; scgi_temp_path $d/tmp/s;"
    gen nginx
    echo "}"
  } > "$d/nginx.conf"
  check "nginx -t, policy $i" nginx -t -q -p "$d" -c "$d/nginx.conf"

  # Apache: a server root with the modules the snippet needs loaded.
  {
    echo "ServerRoot $d"
    echo "Listen 127.0.0.1:8080"
    echo "PidFile $d/httpd.pid"
    echo "ErrorLog $d/error.log"
    echo "ServerName 127.0.0.1"
    echo "DefaultRuntimeDir $d"
    for m in mpm_event authz_core headers setenvif rewrite proxy proxy_http; do
      echo "LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so"
    done
    gen apache
  } > "$d/httpd.conf"
  check "apache2 -t, policy $i" apache2 -t -d "$d" -f "$d/httpd.conf"

  gen haproxy > "$d/haproxy.cfg"
  check "haproxy -c, policy $i" haproxy -c -q -f "$d/haproxy.cfg"

  gen caddy > "$d/Caddyfile"
  check "caddy validate, policy $i" caddy validate --config "$d/Caddyfile" --adapter caddyfile

  gen php > "$d/index.php"
  check "php -l, policy $i" php -l "$d/index.php"

  # Python: compiles, and pyflakes finds no unused import or undefined name (the Django
  # snippet extends the settings' own lists, so those two are defined first).
  for id in flask fastapi django; do
    { [ "$id" = django ] && printf 'INSTALLED_APPS = []\nMIDDLEWARE = []\n'; gen "$id"; } > "$d/$id.py"
    check "py_compile $id, policy $i" python -m py_compile "$d/$id.py"
    check "pyflakes $id, policy $i" python -m pyflakes "$d/$id.py"
  done

  # Go net/http: the middleware file plus a main that uses it, in a module.
  mkdir -p "$d/go" "$d/gin"
  gen go-net-http > "$d/go/cors.go"
  printf 'package main\n\nimport "net/http"\n\nfunc main() {\n\t_ = http.ListenAndServe("127.0.0.1:8080", withCORS(http.NotFoundHandler()))\n}\n' > "$d/go/main.go"
  printf 'module lint\n\ngo 1.19\n' > "$d/go/go.mod"
  check "go vet go-net-http, policy $i" bash -c "cd '$d/go' && go vet ."

  # Gin and rs/cors with Debian's packaged modules (GOPATH mode, no download).
  gen gin > "$d/gin/main.go"
  check "go vet gin, policy $i" bash -c "cd '$d/gin' && GO111MODULE=off GOPATH=/usr/share/gocode GOFLAGS= go vet main.go"
  mkdir -p "$d/rs-cors"
  gen rs-cors > "$d/rs-cors/main.go"
  check "go vet rs-cors, policy $i" bash -c "cd '$d/rs-cors' && GO111MODULE=off GOPATH=/usr/share/gocode GOFLAGS= go vet main.go"
done

if [ "$fail" -ne 0 ]; then
  echo "platform checkers: failures above"
  exit 1
fi
echo "platform checkers: $count checks pass (nginx, apache2, haproxy, caddy, php, py_compile, pyflakes, go vet) over ${#policies[@]} policies"
