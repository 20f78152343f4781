#!/usr/bin/env bash
# Runs every cargo-fuzz target for a fixed time each, seeded from the shared corpus.
# Usage: fuzz/run.sh [SECONDS per target, default 60] [TARGET...]
# Only a stable toolchain is needed: RUSTC_BOOTSTRAP=1 lets it accept cargo-fuzz's flags.
# Crashes land in fuzz/artifacts/TARGET/ and make this script exit non-zero. The random seed is
# fixed (ZHNEWS_FUZZ_SEED, default 1) so a CI run explores the same inputs each time; set another
# seed to explore further.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
shift || true
export RUSTC_BOOTSTRAP=1
# The fuzz build has its own flags (coverage instrumentation), so it keeps its own target dir.
export CARGO_TARGET_DIR=${ZHNEWS_FUZZ_TARGET_DIR:-$(pwd)/target}
# Pinned: a new cargo-fuzz must not change CI's flags unannounced.
cargo_fuzz_version=0.13.2
if ! cargo fuzz --version 2>/dev/null | grep -qx "cargo-fuzz $cargo_fuzz_version"; then
  start=$(date +%s)
  cargo install cargo-fuzz --version "$cargo_fuzz_version" --locked
  echo "cargo-fuzz install: $(( $(date +%s) - start ))s"
fi
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then mapfile -t targets < <(cargo fuzz list); fi
corpus=${ZHNEWS_CORPUS:-../../shared/corpus}

# Seeds: whole corpus files for the text targets, single lines for the numeral parser.
if [[ -d $corpus ]]; then
  python3 - "$corpus" <<'PY'
import hashlib, pathlib, sys
corpus = pathlib.Path(sys.argv[1])
texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
def put(target, data):
    d = pathlib.Path("corpus") / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)
for t in texts:
    for target in ("analyse", "positions", "edits", "outline"):
        put(target, t.encode())
    for line in t.splitlines():
        line = line.strip()
        if line:
            put("numerals", line[:24].encode())
PY
fi

start=$(date +%s)
cargo fuzz build --sanitizer none --debug-assertions
echo "build: $(( $(date +%s) - start ))s"

mkdir -p artifacts
failed=()
for target in "${targets[@]}"; do
  echo "== $target (${seconds}s)"
  status=0
  cargo fuzz run --sanitizer none --debug-assertions "$target" -- -max_total_time="$seconds" -seed="${ZHNEWS_FUZZ_SEED:-1}" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 >"artifacts/$target.log" 2>&1 || status=$?
  grep -E 'stat::number_of_executed_units|stat::peak_rss_mb|panicked at|SUMMARY|Test unit written|Failing input' \
    "artifacts/$target.log" || true
  [[ $status -eq 0 ]] || failed+=("$target")
done
echo "total: $(( $(date +%s) - start ))s"
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "crashes in: ${failed[*]} (see fuzz/artifacts/)" >&2
  exit 1
fi
