#!/usr/bin/env bash
# Times `zhnews editions 000 002` (the Hong Kong and Chongqing editions of the corpus's briefing)
# against its peer in the same run: `zhnews check` on the same two files (every single-document
# rule, the entities, the outline where a rule needs it). Release build, runs alternating, the
# minimum and median of wall and CPU (user+sys) time each, and the ratios. Without hyperfine:
# python3 times the processes (os.wait4 gives each child's CPU time).
#
# Usage: bench/editions.sh [RUNS]   (default 15; ZHNEWS_CORPUS names the corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-15}
corpus=${ZHNEWS_CORPUS:-$root/../shared/corpus}
cargo build --quiet --release -p zhnews-cli
zhnews=${CARGO_TARGET_DIR:-target}/release/zhnews
a=$(ls "$corpus"/000_*.txt)
b=$(ls "$corpus"/002_*.txt)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# No zhnews.toml above the copies: the defaults, no [[editions]], no baseline.
cp "$a" "$work/a.txt"
cp "$b" "$work/b.txt"
cd "$work"
python3 "$root/bench/time_commands.py" "$runs" ms "$zhnews editions a.txt b.txt" "$zhnews check --no-baseline a.txt b.txt"
