#!/usr/bin/env python3
"""Keystrokes on a large document, then a hover: how long the hover waits, and the CPU the
server burns meanwhile (issue 19, item 3).

Usage: python3 bench/cancel_lsp.py path/to/zhnews CORPUS_DIR [MB] [KEYSTROKES] [GAP_S] [WAIT_FIRST]

Opens one document of about MB megabytes (the corpus's articles repeated), optionally waits
for its first diagnostics (WAIT_FIRST=1), types KEYSTROKES characters GAP_S seconds apart at
the start of the text, then sends a hover at the start and times its answer. CPU seconds are
the server's utime+stime (/proc/PID/stat) from the first keystroke to the hover's answer.
"""

import json
import os
import queue
import subprocess
import sys
import threading
import time

URI = "file:///tmp/zhnews-cancel-bench.txt"


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    # Fields 14 and 15 (utime, stime), counted from 1 with the pid and comm before ")".
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main():
    binary, corpus = sys.argv[1], sys.argv[2]
    megabytes = float(sys.argv[3]) if len(sys.argv) > 3 else 5
    keystrokes = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    gap = float(sys.argv[5]) if len(sys.argv) > 5 else 0.4
    wait_first = len(sys.argv) > 6 and sys.argv[6] == "1"
    articles = [open(os.path.join(corpus, n), encoding="utf-8").read() for n in sorted(os.listdir(corpus)) if n.endswith(".txt")]
    one = "\n\n".join(articles)
    text = (one + "\n\n") * max(1, int(megabytes * 1e6 / len(one.encode())))
    proc = subprocess.Popen([binary, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    incoming = queue.Queue()

    def reader():
        while True:
            length = 0
            while True:
                line = proc.stdout.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            incoming.put(json.loads(proc.stdout.read(length)))

    threading.Thread(target=reader, daemon=True).start()

    def send(message):
        body = json.dumps(message).encode()
        proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        proc.stdin.flush()

    def wait(matches):
        while True:
            message = incoming.get()
            if "id" in message and "method" in message:
                send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            if matches(message):
                return message

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"processId": None, "rootUri": None, "capabilities": {}}})
    wait(lambda m: m.get("id") == 1)
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": URI, "languageId": "plaintext", "version": 1, "text": text}}})
    if wait_first:
        started = time.monotonic()
        wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == 1)
        print(f"first analysis: {time.monotonic() - started:.1f} s")
    cpu_before = cpu_seconds(proc.pid)
    for version in range(2, 2 + keystrokes):
        change = {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "的"}
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": URI, "version": version}, "contentChanges": [change]}})
        time.sleep(gap)
    sent = time.monotonic()
    send({"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": URI}, "position": {"line": 0, "character": 1}}})
    wait(lambda m: m.get("id") == 2 and "method" not in m)
    waited = time.monotonic() - sent
    cpu = cpu_seconds(proc.pid) - cpu_before
    print(f"{len(text.encode()) / 1e6:.1f} MB, {keystrokes} keystrokes {gap} s apart: hover waited {waited:.1f} s, server CPU {cpu:.1f} s")
    proc.kill()


main()
