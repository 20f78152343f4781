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
python3 - "$runs" "$zhnews" <<'PY'
import os, statistics, subprocess, sys, time
runs, zhnews = int(sys.argv[1]), sys.argv[2]
commands = {
    "zhnews editions a.txt b.txt": [zhnews, "editions", "a.txt", "b.txt"],
    "zhnews check --no-baseline a.txt b.txt": [zhnews, "check", "--no-baseline", "a.txt", "b.txt"],
}
times = {name: ([], []) for name in commands}
for _ in range(runs):
    for name, argv in commands.items():
        start = time.perf_counter()
        child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        assert code in (0, 1), f"{name} exited {code}"
        times[name][0].append(wall)
        times[name][1].append(usage.ru_utime + usage.ru_stime)
print(f"load average: {os.getloadavg()[0]:.1f}; {runs} runs each")
print("| command | wall ms (min / median) | CPU ms (min / median) | CPU median ÷ check's |")
print("|---|---|---|---|")
peer = statistics.median(times["zhnews check --no-baseline a.txt b.txt"][1])
for name, (wall, cpu) in times.items():
    print(f"| `{name}` | {min(wall)*1e3:.0f} / {statistics.median(wall)*1e3:.0f} | "
          f"{min(cpu)*1e3:.0f} / {statistics.median(cpu)*1e3:.0f} | {statistics.median(cpu)/peer:.2f} |")
PY
