#!/usr/bin/env python3
"""Driver for scripts/bench/watch (standard library; the `loop` mode needs the together SDK). Each contender mode
prints one line of key=value figures on stdout; progress goes to stderr.

  watch-driver.py batchsh URL BATCHSH COUNT SEED SPEED TIMEOUT [WATCH_ARGS...]
      `BATCHSH --base-url URL watch ID... [WATCH_ARGS...]` on COUNT new jobs, stdout to a pipe.
  watch-driver.py naive URL PYTHON COUNT SEED SPEED TIMEOUT TICK
      `PYTHON watch-driver.py loop URL IDS_FILE TICK` (the hand-written SDK loop) on COUNT new jobs.
  watch-driver.py loop URL IDS_FILE TICK
      the naive loop itself: client.batches.retrieve(id) for every job not yet terminal, sleep TICK, until none.

A contender run: freeze the simulator clock, add COUNT jobs whose timelines come from SEED alone (the same seed gives
both contenders identical jobs), reset the request counts, set the clock to SPEED, start the contender and wait for
it (killed after TIMEOUT real seconds). Then the simulator's request counts, the child's wall time, CPU and peak RSS
(through peak-rss, see peak_rss.py), and how many of the COUNT jobs the simulator shows terminal. TOGETHER_API_KEY must be set.
"""

import http.client
import json
import math
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.parse

import peak_rss

TERMINAL = {"COMPLETED", "FAILED", "EXPIRED", "CANCELLED"}


def log(text):
    print(text, file=sys.stderr, flush=True)


class Sim:
    """A keep-alive connection to the simulator: control routes, plus the authenticated job list."""

    def __init__(self, url):
        parsed = urllib.parse.urlparse(url)
        self.connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=60)
        self.key = os.environ["TOGETHER_API_KEY"]

    def call(self, method, path, body=None, auth=False):
        headers = {"Content-Type": "application/json"}
        if auth:
            headers["Authorization"] = f"Bearer {self.key}"
        self.connection.request(method, path, None if body is None else json.dumps(body), headers)
        response = self.connection.getresponse()
        data = response.read()
        if response.status >= 300:
            raise SystemExit(f"error: {method} {path} answered {response.status}: {data[:300]!r}")
        return json.loads(data) if data else None


def job_specs(count, seed):
    """COUNT job timelines in simulated seconds, like a real mix: validation 30 s-10 min, runs log-uniform between
    10 min and 8 h; 90 % COMPLETED, 6 % FAILED part-way (with an error file), 4 % EXPIRED."""
    rng = random.Random(seed)
    specs = []
    for _ in range(count):
        spec = {
            "validating_seconds": round(rng.uniform(30, 600), 1),
            "run_seconds": round(math.exp(rng.uniform(math.log(600), math.log(8 * 3600))), 1),
            "output_bytes": 256,
        }
        roll = rng.random()
        if roll < 0.06:
            spec.update(outcome="FAILED", final_progress=round(rng.uniform(5, 90), 1), error_bytes=512)
        elif roll < 0.10:
            spec.update(outcome="EXPIRED", final_progress=round(rng.uniform(40, 99), 1))
        specs.append(spec)
    return specs


def outcome_counts(statuses):
    counts = {}
    for status in statuses:
        counts[status] = counts.get(status, 0) + 1
    return ",".join(f"{k}:{v}" for k, v in sorted(counts.items()))


def contender(name, url, count, seed, speed, timeout, argv_for_ids):
    sim = Sim(url)
    sim.call("POST", "/_sim/clock", {"speed": 0})
    ids = [sim.call("POST", "/_sim/jobs", spec)["id"] for spec in job_specs(count, seed)]
    argv, cleanup = argv_for_ids(ids)
    process = timer = None
    try:
        sim.call("DELETE", "/_sim/stats")
        sim.call("POST", "/_sim/clock", {"speed": speed})
        began = time.perf_counter()
        argv, report = peak_rss.wrap(argv)
        process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
        lines, tail = 0, []

        def drain():
            nonlocal lines, tail
            for line in process.stdout:
                lines += 1
                tail = (tail + [line])[-4:]

        reader = threading.Thread(target=drain, daemon=True)
        reader.start()
        timed_out = threading.Event()

        def expire():
            timed_out.set()
            process.kill()

        timer = threading.Timer(timeout, expire)
        timer.daemon = True  # never keeps an interrupted driver alive
        timer.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - began
        timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        peak, _ = peak_rss.read(report)
        reader.join(5)
        counts = sim.call("GET", "/_sim/stats")["requests"]
        sim.call("POST", "/_sim/clock", {"speed": 0})
        if timed_out.is_set():
            raise SystemExit(f"error: {name} did not finish within {timeout:.0f} s; killed")
        wanted = set(ids)
        statuses = [job.get("status") for job in sim.call("GET", "/v1/batches", auth=True) if job.get("id") in wanted]
        terminal = sum(1 for s in statuses if s in TERMINAL)
        for line in tail:
            log(f"  {name} | {line.decode(errors='replace').rstrip()}")
        lists = counts.get("GET /v1/batches", 0)
        gets = sum(v for k, v in counts.items() if k.startswith("GET /v1/batches/"))
        total = sum(counts.values())
        print(f"contender={name} jobs={count} seconds={seconds:.1f} requests={total} lists={lists} gets={gets} "
              f"other={total - lists - gets} terminal={terminal} outcomes={outcome_counts(statuses)} lines={lines} "
              f"peak_rss_mb={peak / 1024:.1f} cpu_seconds={usage.ru_utime + usage.ru_stime:.1f} "
              f"exit={process.returncode}", flush=True)
    finally:
        if timer is not None:
            timer.cancel()
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(3)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        cleanup()


def loop(url, ids_path, tick):
    """What people write by hand: ask about every unfinished job, sleep, repeat."""
    from together import Together
    client = Together(base_url=url)
    pending = open(ids_path).read().split()
    rounds = requests = 0
    while pending:
        rounds += 1
        still = []
        for job_id in pending:
            job = client.batches.retrieve(job_id)
            requests += 1
            if job.status not in TERMINAL:
                still.append(job_id)
        pending = still
        print(f"round {rounds}: {len(pending)} jobs not finished", flush=True)
        if pending:
            time.sleep(tick)
    print(f"rounds={rounds} requests={requests}", flush=True)


def main():
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.signal(signal.SIGINT, signal.default_int_handler)  # a background job starts with SIGINT ignored
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    mode, rest = sys.argv[1], sys.argv[2:]
    if mode == "batchsh" and len(rest) >= 6:
        url, batchsh = rest[0], rest[1]
        count, seed, speed, timeout = int(rest[2]), int(rest[3]), float(rest[4]), float(rest[5])
        contender("batchsh", url, count, seed, speed, timeout,
                  lambda ids: ([batchsh, "--base-url", url, "watch", *ids, *rest[6:]], lambda: None))
    elif mode == "naive" and len(rest) == 7:
        url, python = rest[0], rest[1]
        count, seed, speed, timeout, tick = int(rest[2]), int(rest[3]), float(rest[4]), float(rest[5]), rest[6]

        def argv_for_ids(ids):
            path = f"/tmp/batchsh-bench-watch-ids.{os.getpid()}"
            with open(path, "w") as out:
                out.write("\n".join(ids) + "\n")
            argv = [python, os.path.abspath(__file__), "loop", url, path, tick]
            return argv, lambda: os.path.exists(path) and os.unlink(path)

        contender("naive", url, count, seed, speed, timeout, argv_for_ids)
    elif mode == "loop" and len(rest) == 3:
        loop(rest[0], rest[1], float(rest[2]))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
