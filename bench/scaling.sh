#!/usr/bin/env bash
# Fails when a rule, the outline or the code-action menu grows faster than its input (issue 19,
# "quadratic cliffs"): times each at 1×, 4× and 16× of each input shape (the `scaling` bench of
# zhnews-lsp, inputs from zhnews-bench-inputs) and asserts that 4× the input takes at most
# LIMIT (default 5) times as long. Prints a Markdown table; exit status 1 on a cliff.
#
# Usage: bench/scaling.sh [SHAPE…]   (one-line, date-ranges, multi-article, list-no-breaks,
#        distinct-articles, day-offsets, event-offsets; default all)
#        LIMIT=5 FLOOR=0.05 bench/scaling.sh   (ratios of times under FLOOR seconds at the larger
#        size are noise and not asserted)
#        SCALING_TSV=file bench/scaling.sh   (assert over the rows of an earlier run instead)
# Shapes that fail are measured a second time, and the script fails when they fail again. The
# cliffs this guards against grew 12–78× per 4× (bench/RESULTS.md, sessions 8 and 10). Times are
# the bench thread's CPU time, so waiting for a core does not count; linear parts measure
# 3.5–4.8× per 4× even on a machine busy with other builds (session 10), whose use of the caches
# can still push one a little over, so a failure by a little is worth one more run.
# Release builds go to $CARGO_TARGET_DIR (default as bench/run.sh's).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export ZHNEWS_CORPUS=${ZHNEWS_CORPUS:-$root/../shared/corpus}
if [[ -z "${CARGO_TARGET_DIR:-}" ]]; then
  if [[ -d /work/target-bench ]]; then CARGO_TARGET_DIR=/work/target-bench; else CARGO_TARGET_DIR=$root/target/bench; fi
fi
export CARGO_TARGET_DIR
# Asserts over the rows of $1; writes the shapes that failed to $2.
check() {
python3 - "$1" "${LIMIT:-5}" "${FLOOR:-0.05}" "$2" <<'PY'
import collections, sys
path, limit, floor, failed_path = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
times = collections.OrderedDict()   # (shape, part) -> {scale: seconds}
sizes, extras = {}, {}
for line in open(path):
    fields = line.rstrip("\n").split("\t")
    if len(fields) < 5:
        continue
    shape, scale, size, part, seconds = fields[:5]
    times.setdefault((shape, part), {})[int(scale)] = float(seconds)
    sizes[(shape, int(scale))] = int(size)
    if len(fields) > 5:
        extras[(shape, part, int(scale))] = fields[5]
failed = []
print("| input | part | 1× s | 4× s | 16× s | 4×/1× | 16×/4× |")
print("|---|---|---|---|---|---|---|")
for (shape, part), by_scale in times.items():
    scales = sorted(by_scale)
    ratios = []
    for small, large in zip(scales, scales[1:]):
        ratio = by_scale[large] / max(by_scale[small], 1e-6)
        checked = by_scale[large] >= floor
        if checked and ratio > limit:
            failed.append(f"{shape} {part}: {by_scale[small]:.3f} s at {small}× but {by_scale[large]:.3f} s at {large}× ({ratio:.1f}×)")
        ratios.append(f"{ratio:.1f}" + ("" if checked else " (under floor)"))
    # Parts that stay under a millisecond everywhere say nothing about growth.
    if max(by_scale.values()) < 0.001:
        continue
    cells = []
    for scale in scales:
        cell = f"{by_scale[scale]:.3f}"
        if (shape, part, scale) in extras:
            cell += f" ({int(extras[(shape, part, scale)]) / 1e6:.2f} MB out)"
        cells.append(cell)
    label = f"{shape} ({', '.join(f'{sizes[(shape, s)] / 1e6:.2f}' for s in scales)} MB)"
    print(f"| {label} | {part} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
print()
open(failed_path, "w").write("".join(sorted({line.split()[0] + "\n" for line in failed})))
if failed:
    print(f"FAILED: grew more than {limit:g}× for 4× the input:")
    for line in failed:
        print(f"- {line}")
    sys.exit(1)
print(f"ok: every part within {limit:g}× per 4× of input (times under {floor} s not asserted)")
PY
}

mkdir -p bench/out
if [[ -n ${SCALING_TSV:-} ]]; then
  check "$SCALING_TSV" bench/out/scaling-failed.txt
  exit
fi
tsv=bench/out/scaling.tsv
cargo bench --quiet -p zhnews-lsp --bench scaling -- "$@" >"$tsv"
check "$tsv" bench/out/scaling-failed.txt && exit
# A linear part whose data falls out of the caches, on a machine shared with other builds, can
# come out a little over the limit once; a quadratic one fails every time. Measure the shapes
# that failed again, and fail if they fail twice.
mapfile -t again <bench/out/scaling-failed.txt
echo "measuring ${again[*]} again"
echo
cargo bench --quiet -p zhnews-lsp --bench scaling -- "${again[@]}" >bench/out/scaling-again.tsv
check bench/out/scaling-again.tsv bench/out/scaling-failed.txt
