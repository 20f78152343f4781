#!/usr/bin/env bash
# Benchmarks zhnews against its peers in one run and prints ratios (Markdown).
#
# Usage: bench/run.sh [RUNS]   (hyperfine runs per command, default 5; WARMUP=N warm-up runs, default 1)
#        ONLY=convert,check,scaling,memory,latency,startup bench/run.sh   (only those sections)
# Needs: hyperfine, opencc (apt), libopencc-dev for the system backend (optional).
# Generated inputs go to bench/out/ (gitignored). Release builds go to $CARGO_TARGET_DIR
# (default /work/target-bench when it exists, else target/bench), not the shared debug cache.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-5}
corpus=${ZHNEWS_CORPUS:-$root/../shared/corpus}
out=$root/bench/out
if [[ -z "${CARGO_TARGET_DIR:-}" ]]; then
  if [[ -d /work/target-bench ]]; then CARGO_TARGET_DIR=/work/target-bench; else CARGO_TARGET_DIR=$root/target/bench; fi
fi
export CARGO_TARGET_DIR
for tool in hyperfine opencc python3; do
  command -v $tool >/dev/null || { echo "error: $tool is not installed (apt-get install $tool)" >&2; exit 1; }
done
[[ -d $corpus ]] || { echo "error: no corpus at $corpus (set ZHNEWS_CORPUS)" >&2; exit 1; }

# --- Build -------------------------------------------------------------------------------
peer_features=()
if pkg-config --exists opencc 2>/dev/null || [[ -e /usr/include/opencc/opencc.h ]]; then
  # Debian ships OpenCC 1.1.x; opencc-rust's build script wants these overrides (issue 5).
  export OPENCC_LIB_DIRS=${OPENCC_LIB_DIRS:-/usr/lib/$(gcc -dumpmachine 2>/dev/null || echo x86_64-linux-gnu)}
  export OPENCC_INCLUDE_DIRS=${OPENCC_INCLUDE_DIRS:-/usr/include/opencc}
  export OPENCC_LIBS=${OPENCC_LIBS:-opencc}
  peer_features=(--features system-opencc)
fi
# With the system backend too when libopencc is there: `zhnews convert --backend system`.
cargo build --quiet --release -p zhnews-cli "${peer_features[@]}"
(cd bench/peers && cargo build --quiet --release "${peer_features[@]}")
bin=$CARGO_TARGET_DIR/release
zhnews=$bin/zhnews

# --- Inputs ------------------------------------------------------------------------------
# The same texts the divan benches use (crate zhnews-bench-inputs): corpus-17mb/ and
# corpus-17mb.txt (the corpus repeated), article-1mb.txt, article-25kb.txt.
mkdir -p "$out"
ZHNEWS_CORPUS=$corpus cargo run --quiet --release -p zhnews-bench-inputs -- "$out"
big=$out/corpus-17mb
bigfile=$out/corpus-17mb.txt
mb=$(python3 -c "import os,sys; print(os.path.getsize(sys.argv[1])/1e6)" "$bigfile")

# Prints "name  mean±sd  MB/s  ratio" rows from a hyperfine JSON export; the first command is
# the reference (ratio 1.00).
report() {
  python3 - "$1" "$mb" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
mb = float(sys.argv[2])
ref, ref_cpu = results[0]["mean"], results[0]["user"] + results[0]["system"]
print("| command | wall s (mean ± sd) | CPU s (user+sys) | MB/s (wall) | wall ÷ first | CPU ÷ first |")
print("|---|---|---|---|---|---|")
for r in results:
    cpu = r["user"] + r["system"]
    print(f"| `{r['command']}` | {r['mean']:.3f} ± {r['stddev'] or 0:.3f} | {cpu:.3f} | {mb / r['mean']:.1f} | {r['mean'] / ref:.2f} | {cpu / ref_cpu:.2f} |")
PY
}
# True when section $1 is to run (all of them unless ONLY lists some).
wants() { [[ -z "${ONLY:-}" || ",$ONLY," == *",$1,"* ]]; }
hf() { hyperfine --style none --warmup "${WARMUP:-1}" --runs "$runs" --export-json "$out/$1.json" "${@:2}" >/dev/null; report "$out/$1.json"; echo; }

echo "# zhnews benchmarks"
echo
echo "- date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "- load before the run: $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min)"
echo "- zhnews $(git rev-parse --short HEAD), opencc $(opencc --version 2>&1 | grep -o '[0-9][0-9.]*' | head -1), hyperfine runs: $runs"
echo "- inputs: $(ls "$big" | wc -l) files, $mb MB (shared corpus repeated); 1 MB article; 25 KB article"
echo

# --- Conversion ----------------------------------------------------------------------------
if "$zhnews" convert --help >/dev/null 2>&1; then
  # Each backend named: a build with the system backend makes it the default.
  zconv() { echo "$zhnews convert --backend embedded --config $1 $bigfile"; }
  zconv_sys() { echo "$zhnews convert --backend system --config $1 $bigfile"; }
else
  zconv() { echo "$bin/core-convert embedded $1 $bigfile"; }
  zconv_sys() { echo "$bin/core-convert system $1 $bigfile"; }
fi
wants convert && for config in t2s s2t; do
  echo "## Conversion $config, $mb MB in one file (opencc CLI = 1.00)"
  echo
  cmds=("opencc -c $config.json -i $bigfile -o /dev/null" "$(zconv $config) >/dev/null")
  [[ ${#peer_features[@]} -gt 0 && -n "$(zconv_sys $config)" ]] && cmds+=("$(zconv_sys $config) >/dev/null")
  hf "convert-$config" "${cmds[@]}"
done

# --- Checking ------------------------------------------------------------------------------
if wants check; then
  echo "## Checking $mb MB in $(ls "$big" | wc -l) files (bare jieba-rs segmentation = 1.00)"
  echo
  hf check -i "$bin/jieba-segment $big" "$zhnews check $big >/dev/null" "$bin/autocorrect-lint $big"
fi
if wants scaling; then
  echo "## zhnews check: 1 core vs 2 cores (1 core = 1.00; wall 0.50 would be linear scaling)"
  echo
  hf scaling -i "taskset -c 0 $zhnews check $big >/dev/null" "taskset -c 0,1 $zhnews check $big >/dev/null"
fi

# --- Language server -----------------------------------------------------------------------
if wants memory; then
  echo "## zhnews serve: memory"
  echo
  "$bin/lsp-rss" "$zhnews" "$corpus"
  "$bin/lsp-rss" "$zhnews" "$out/article-1mb.txt"
  echo
fi
if wants latency; then
  echo "## zhnews serve: latency (200 keystrokes 50 ms apart, then 40 edits waited on)"
  echo
  "$bin/lsp-latency" "$zhnews" "$out/article-25kb.txt" "$out/article-1mb.txt"
  echo
fi
if wants startup; then
  echo "## Startup: what the first analysis of the 25 KB article builds"
  echo
  "$bin/startup-profile" "$out/article-25kb.txt"
fi
