#!/usr/bin/env python3
"""Drivers for scripts/bench/rpc (standard library, plus the together SDK for `sdk`). Each prints one line of
key=value figures.

  rpc-driver.py flood BATCHSH COUNT METHOD PARAMS_JSON [BATCHSH_ARGS...]
      COUNT requests written at once on stdin of `BATCHSH --rpc`; time from the first byte written to the last
      response read (startup excluded: one `help` round trip first). CPU and peak RSS of the child from wait4.
  rpc-driver.py sdk URL COUNT            sequential client.batches.retrieve with together (TOGETHER_API_KEY set)
  rpc-driver.py addjobs URL COUNT FILE   POST /_sim/jobs COUNT times (runs of 300-550 simulated s); ids to FILE
  rpc-driver.py watch BATCHSH IDS_FILE INTERVAL [BATCHSH_ARGS...]
      one `watch` request per id, all at once; waits for every response; peak RSS from /proc while running.
"""

import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time
import urllib.parse


def start(batchsh, args):
    process = subprocess.Popen([batchsh, "--rpc"] + args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
    process.stdin.write(b'{"jsonrpc":"2.0","id":"warm-up","method":"help"}\n')
    read_until(process.stdout.fileno(), 1)
    return process


def read_until(fd, lines, chunks=None):
    """Reads until `lines` newlines have arrived; returns how many arrived (fewer at end of output)."""
    count = 0
    while count < lines:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        count += chunk.count(b"\n")
        if chunks is not None:
            chunks.append(chunk)
    return count


def finish(process):
    process.stdin.close()
    _, status, usage = os.wait4(process.pid, 0)
    return status, usage


def flood(batchsh, count, method, params, args):
    body = [{"jsonrpc": "2.0", "id": i, "method": method} for i in range(count)]
    if params is not None:
        for message in body:
            message["params"] = params
    payload = "".join(json.dumps(m, separators=(",", ":")) + "\n" for m in body).encode()
    process = start(batchsh, args)
    chunks = []
    began = time.perf_counter()
    threading.Thread(target=process.stdin.write, args=(payload,), daemon=True).start()
    received = read_until(process.stdout.fileno(), count, chunks)
    seconds = time.perf_counter() - began
    status, usage = finish(process)
    lines = b"".join(chunks).splitlines()
    errors = sum(1 for line in lines if b'"error":' in line)
    ids = {json.loads(line)["id"] for line in lines}
    assert received == count and len(ids) == count, f"{received} responses for {count} requests"
    cpu = usage.ru_utime + usage.ru_stime
    print(f"op=flood method={method} n={count} seconds={seconds:.3f} rps={count / seconds:.0f} errors={errors} "
          f"cpu_us_per_request={cpu * 1e6 / count:.0f} peak_rss_mb={usage.ru_maxrss / 1024:.1f} exit={status >> 8}")


def sdk(url, count):
    from together import Together
    client = Together(base_url=url, max_retries=0)
    ids = [job.id for job in client.batches.list()]
    for i in range(100):
        client.batches.retrieve(ids[i % len(ids)])
    began = time.perf_counter()
    for i in range(count):
        assert client.batches.retrieve(ids[i % len(ids)]).id == ids[i % len(ids)]
    seconds = time.perf_counter() - began
    print(f"op=sdk_get_sequential n={count} seconds={seconds:.3f} rps={count / seconds:.1f}")


def add_jobs(url, count, path):
    parsed = urllib.parse.urlparse(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port)
    rng = random.Random(7)
    ids = []
    for _ in range(count):
        spec = {"validating_seconds": 5, "run_seconds": rng.uniform(300, 550), "output_bytes": 64}
        connection.request("POST", "/_sim/jobs", json.dumps(spec), {"Content-Type": "application/json"})
        response = connection.getresponse()
        ids.append(json.loads(response.read())["id"])
    with open(path, "w") as out:
        out.write("\n".join(ids) + "\n")
    print(f"op=addjobs n={len(ids)}")


def peak_rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def watch(batchsh, ids_path, interval, args):
    ids = open(ids_path).read().split()
    process = start(batchsh, args)
    payload = "".join(json.dumps({"jsonrpc": "2.0", "id": i, "method": "watch",
                                  "params": {"ids": [job], "interval": interval}}) + "\n"
                      for i, job in enumerate(ids)).encode()
    began = time.perf_counter()
    process.stdin.write(payload)
    responses, notifications, completed, errors, pending = 0, 0, 0, 0, b""
    fd = process.stdout.fileno()
    while responses < len(ids):
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            break
        pending += chunk
        *lines, pending = pending.split(b"\n")
        for line in lines:
            message = json.loads(line)
            if "method" in message:
                notifications += 1
                continue
            responses += 1
            if "error" in message:
                errors += 1
            elif all(job.get("status") == "COMPLETED" for job in message["result"]["jobs"]):
                completed += 1
    seconds = time.perf_counter() - began
    peak = peak_rss_mb(process.pid)
    status, usage = finish(process)
    print(f"op=watch watches={len(ids)} seconds={seconds:.1f} responses={responses} completed={completed} "
          f"errors={errors} notifications={notifications} peak_rss_mb={max(peak, usage.ru_maxrss / 1024):.1f} "
          f"cpu_seconds={usage.ru_utime + usage.ru_stime:.1f} exit={status >> 8}")


def main():
    mode, rest = sys.argv[1], sys.argv[2:]
    if mode == "flood":
        flood(rest[0], int(rest[1]), rest[2], json.loads(rest[3]), rest[4:])
    elif mode == "sdk":
        sdk(rest[0], int(rest[1]))
    elif mode == "addjobs":
        add_jobs(rest[0], int(rest[1]), rest[2])
    elif mode == "watch":
        watch(rest[0], rest[1], float(rest[2]), rest[3:])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
