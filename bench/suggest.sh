#!/usr/bin/env bash
# Times `zhnews editions --suggest` on a folder of 1,000 articles against its peer in the same
# run, `zhnews check` of the same folder. The folder is the corpus and the development set's
# articles (50 files) copied 20 times, each copy's Han characters shifted as the
# `distinct-articles` scaling shape shifts them (numerals and date characters kept), so no two
# copies share text and each copy is 50 distinct articles. Release build, runs alternating, the
# minimum and median of wall and CPU (user+sys) time each, and the ratios (python3 times the
# processes; os.wait4 gives each child's CPU time).
#
# Usage: bench/suggest.sh [RUNS] [COPIES]   (default 5 and 20; ZHNEWS_CORPUS and ZHNEWS_DEVSET
#        name the corpus and the development set)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-5}
copies=${2:-20}
corpus=${ZHNEWS_CORPUS:-$root/../shared/corpus}
devset=${ZHNEWS_DEVSET:-$root/../shared/devset}
cargo build --quiet --release -p zhnews-cli
zhnews=$(realpath "${CARGO_TARGET_DIR:-target}/release/zhnews")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/articles" "$copies" "$corpus"/*.txt "$devset"/corpus/*.txt <<'PY'
import os, sys
out, copies, files = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
KEPT = "〇零一二兩两三四五六七八九十百千萬万億亿年月日號号時时分秒點点周週星期今去明"
def shifted(c, shift):
    code = ord(c)
    if shift == 0 or not (0x4E00 <= code < 0x9FA0) or c in KEPT:
        return c
    moved = chr(0x4E00 + (code - 0x4E00 + shift * 7) % (0x9FA0 - 0x4E00))
    return c if moved in KEPT else moved
os.makedirs(out)
for copy in range(copies):
    folder = os.path.join(out, f"copy{copy:02}")
    os.makedirs(folder)
    for path in files:
        text = open(path, encoding="utf-8").read()
        with open(os.path.join(folder, os.path.basename(path)), "w", encoding="utf-8") as f:
            f.write("".join(shifted(c, copy) for c in text))
print(f"{copies * len(files)} articles, {sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs) / 1e6:.1f} MB")
PY
cd "$work"
"$zhnews" editions --suggest articles | tail -1
python3 "$root/bench/time_commands.py" "$runs" s "$zhnews editions --suggest articles" "$zhnews check --no-baseline articles"
