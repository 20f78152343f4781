#!/usr/bin/env bash
# Installs code-server (the real VS Code workbench and extension host, served to a browser) into
# a cache folder, once. Prints the path of the code-server launcher on stdout.
#
# code-server 4.100.3 (VS Code 1.100.3) is the newest whose engines accept node 20.
# Needs, as root: apt-get install -y --no-install-recommends libkrb5-dev ripgrep
set -euo pipefail

version="${ZHNEWS_CODE_SERVER_VERSION:-4.100.3}"
cache="${ZHNEWS_CODE_SERVER_CACHE:-$HOME/.cache/zhnews-code-server}/$version"
launcher="$cache/node_modules/.bin/code-server"

if [[ -x "$launcher" && -f "$cache/.complete" ]]; then
  echo "$launcher"
  exit 0
fi

command -v rg >/dev/null || { echo "install-code-server: ripgrep (rg) is missing: apt-get install -y ripgrep" >&2; exit 1; }
echo "install-code-server: installing code-server@$version into $cache (about 1.5 min)" >&2
rm -rf "$cache"
mkdir -p "$cache"

# @vscode/ripgrep downloads rg from GitHub in its postinstall; give it Debian's rg instead.
tmp="${TMPDIR:-/tmp}"
rg_cache="$tmp/vscode-ripgrep-cache-1.15.11"
mkdir -p "$rg_cache"
stage="$(mktemp -d)"
cp "$(command -v rg)" "$stage/rg"
case "$(uname -m)" in
  x86_64) triple=x86_64-unknown-linux-musl ;;
  aarch64) triple=aarch64-unknown-linux-musl ;;
  *) triple="$(uname -m)-unknown-linux-gnu" ;;
esac
tar -C "$stage" -czf "$rg_cache/ripgrep-v13.0.0-10-$triple.tar.gz" rg
rm -rf "$stage"

cd "$cache"
echo '{"name":"zhnews-code-server-cache","private":true}' > package.json
# node-pty's postinstall runs `npx node-gyp`, hence npm_config_yes.
npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false npm_config_audit=false \
  npm install --no-save --loglevel=error "code-server@$version" >&2
touch "$cache/.complete"
echo "$launcher"
