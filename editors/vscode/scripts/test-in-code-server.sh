#!/usr/bin/env bash
# Runs the VS Code extension tests in real VS Code (code-server + headless Chromium), installing
# what is missing first (idempotent; code-server is cached in ~/.cache/zhnews-code-server).
#
#   ZHNEWS_BIN=path/to/zhnews editors/vscode/scripts/test-in-code-server.sh
#
# Without ZHNEWS_BIN the zhnews binary is built with cargo (debug profile, $CARGO_TARGET_DIR).
# Debian packages it needs (installed here when running as root and missing):
#   chromium fonts-wqy-microhei libkrb5-dev ripgrep
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo="$(cd "$here/../.." && pwd)"

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v rg >/dev/null || need+=(ripgrep)
[[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]] || need+=(fonts-wqy-microhei)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
if ((${#need[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "test-in-code-server: missing Debian packages: ${need[*]} (run as root or install them)" >&2
    exit 2
  fi
  echo "test-in-code-server: apt-get install ${need[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# The extension's own dependencies (esbuild, vsce, playwright-core, vscode-languageclient).
stamp="$here/node_modules/.zhnews-lock"
if [[ ! -f "$stamp" ]] || ! cmp -s "$here/package-lock.json" "$stamp"; then
  echo "test-in-code-server: npm ci" >&2
  (cd "$here" && npm ci --no-fund --no-audit --loglevel=error >&2)
  cp "$here/package-lock.json" "$stamp"
fi

(cd "$here" && npx --no-install tsc --noEmit -p .) || { echo "test-in-code-server: TypeScript errors" >&2; exit 1; }

CODE_SERVER="$("$here/scripts/install-code-server.sh")"
export CODE_SERVER

if [[ -z "${ZHNEWS_BIN:-}" ]]; then
  (cd "$repo" && cargo build -p zhnews-cli --quiet)
  ZHNEWS_BIN="${CARGO_TARGET_DIR:-$repo/target}/debug/zhnews"
fi
export ZHNEWS_BIN

exec node "$here/scripts/test-in-code-server.mjs"
