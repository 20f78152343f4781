#!/usr/bin/env python3
"""Times commands against a peer, as processes, runs alternating: the minimum and median of wall
and CPU (user+sys, from os.wait4) time of each, and each one's CPU median as a ratio of the
peer's (the last command). Prints a Markdown table for bench/RESULTS.md.

Usage: time_commands.py RUNS UNIT COMMAND… PEER   (each command one shell-quoted string;
UNIT is ms or s; exit codes 0 and 1, findings, count as success)
"""
import os
import shlex
import statistics
import subprocess
import sys
import time

runs, unit, commands = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
scale, digits = (1e3, 0) if unit == "ms" else (1.0, 2)
times = {command: ([], []) for command in commands}
for _ in range(runs):
    for command in commands:
        start = time.perf_counter()
        child = subprocess.Popen(shlex.split(command), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        code = os.waitstatus_to_exitcode(status)
        assert code in (0, 1), f"{command} exited {code}"
        times[command][0].append(wall)
        times[command][1].append(usage.ru_utime + usage.ru_stime)
peer = commands[-1]
print(f"load average: {os.getloadavg()[0]:.1f}; {runs} runs each")
print(f"| command | wall {unit} (min / median) | CPU {unit} (min / median) | CPU median ÷ `{os.path.basename(shlex.split(peer)[0])} {shlex.split(peer)[1]}`'s |")
print("|---|---|---|---|")
peer_cpu = statistics.median(times[peer][1])
show = lambda seconds: f"{seconds * scale:.{digits}f}"
for command, (wall, cpu) in times.items():
    name = " ".join(["zhnews"] + shlex.split(command)[1:])
    print(f"| `{name}` | {show(min(wall))} / {show(statistics.median(wall))} | "
          f"{show(min(cpu))} / {show(statistics.median(cpu))} | {statistics.median(cpu) / peer_cpu:.2f} |")
