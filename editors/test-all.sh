#!/usr/bin/env bash
# The editor integration tests, for CI: installs what they need (idempotent), builds the zhnews
# binary, and runs the Neovim (headless Neovim 0.11) and VS Code (code-server + Chromium) suites.
# Exits non-zero when either fails.
#
#   editors/test-all.sh            # both suites
#   ZHNEWS_BIN=… editors/test-all.sh   # use a binary already built
#
# Caches: ~/.cache/zhnews-nvim (Neovim venv), ~/.cache/zhnews-code-server (code-server),
# editors/vscode/node_modules. ZHNEWS_EXPECT=rules,hover-entity,hover-figure,symbols,convert makes
# the features that other parts of zhnews provide mandatory (otherwise checked when offered).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
t0=$(date +%s)
stamp() { echo "[editors $(( $(date +%s) - t0 ))s] $*"; }

# Debian packages: the browser and a CJK font for screenshots, code-server's build needs.
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v rg >/dev/null || need+=(ripgrep)
[[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]] || need+=(fonts-wqy-microhei)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
python3 -c 'import ensurepip' 2>/dev/null || need+=(python3-venv)
if ((${#need[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "editors/test-all.sh: missing Debian packages: ${need[*]} (run as root or install them)" >&2
    exit 2
  fi
  stamp "apt-get install ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
if [[ -z "${ZHNEWS_BIN:-}" ]]; then
  stamp "cargo build -p zhnews-cli"
  (cd "$repo" && cargo build -p zhnews-cli --quiet)
  built="${CARGO_TARGET_DIR:-$repo/target}/debug/zhnews"
  # A private copy at once: a shared target folder may get another build of zhnews later.
  cp "$built" "$tmp/zhnews"
  ZHNEWS_BIN="$tmp/zhnews"
fi
export ZHNEWS_BIN
"$ZHNEWS_BIN" --version

status=0
stamp "Neovim suite"
"$here/nvim/test/run.sh" || status=1
stamp "VS Code suite"
"$here/vscode/scripts/test-in-code-server.sh" || status=1
stamp "$([[ $status -eq 0 ]] && echo 'editor tests passed' || echo 'editor tests FAILED')"
exit $status
