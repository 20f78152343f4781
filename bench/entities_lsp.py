#!/usr/bin/env python3
"""Entity benchmark over LSP: first-hover latency, hover round-trip median, server RSS.

Usage: python3 bench/entities_lsp.py path/to/zhnews CORPUS_DIR

Starts `zhnews serve`, opens every *.txt of CORPUS_DIR, times the first hover (which includes
building the entity automaton and the first analysis), then 200 hovers on an analysed document
(the LSP round trip, so an upper bound on the provider's time), and reads VmRSS from /proc once
jieba has loaded (after 5 s).
"""

import json
import os
import statistics
import subprocess
import sys
import time


def main():
    binary, corpus = sys.argv[1], sys.argv[2]
    proc = subprocess.Popen([binary, "serve"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    next_id = [0]

    def send(message):
        body = json.dumps(message).encode()
        proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        proc.stdin.flush()

    def read():
        length = 0
        while True:
            line = proc.stdout.readline().strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(proc.stdout.read(length))

    def request(method, params):
        next_id[0] += 1
        send({"jsonrpc": "2.0", "id": next_id[0], "method": method, "params": params})
        while True:
            message = read()
            if message.get("id") == next_id[0] and "method" not in message:
                return message
            if "id" in message and "method" in message:
                send({"jsonrpc": "2.0", "id": message["id"], "result": None})

    request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    uris = []
    for name in sorted(os.listdir(corpus)):
        if name.endswith(".txt"):
            uri = "file://" + os.path.abspath(os.path.join(corpus, name))
            text = open(os.path.join(corpus, name), encoding="utf-8").read()
            send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                  "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}})
            uris.append((uri, text))
    uri, text = uris[0]
    line_no, line = next((i, l) for i, l in enumerate(text.split("\n")) if "習近平" in l)
    character = len(line[: line.index("習近平")].encode("utf-16-le")) // 2 + 1
    params = {"textDocument": {"uri": uri}, "position": {"line": line_no, "character": character}}
    start = time.perf_counter()
    first = request("textDocument/hover", params)
    cold = time.perf_counter() - start
    assert "Xi Jinping" in json.dumps(first, ensure_ascii=False), first
    times = []
    for _ in range(200):
        start = time.perf_counter()
        request("textDocument/hover", params)
        times.append(time.perf_counter() - start)
    time.sleep(5)
    for other, _ in uris:
        request("textDocument/hover", {"textDocument": {"uri": other}, "position": {"line": 0, "character": 0}})
    rss = next(l for l in open(f"/proc/{proc.pid}/status") if l.startswith("VmRSS")).split()[1]
    print(f"first hover (automaton + analysis): {cold * 1000:.1f} ms")
    print(f"hover round trip: median {statistics.median(times) * 1000:.3f} ms, p95 {sorted(times)[189] * 1000:.3f} ms")
    print(f"RSS with the corpus open and jieba loaded: {int(rss) / 1024:.1f} MB")
    request("shutdown", None)
    send({"jsonrpc": "2.0", "method": "exit", "params": None})
    proc.wait(timeout=10)


if __name__ == "__main__":
    main()
