#!/usr/bin/env python3
"""Drivers for scripts/bench/shell (standard library only). Each mode prints one `key=value` line per figure on
stdout; progress and failures go to stderr, and a failed check exits 1 with an `error:` line.

  shell-driver.py oneshot BATCHSH TG URL ID MODEL RUNS
      `BATCHSH --base-url URL get ID` and `TG batches get ID`, RUNS of each, alternating (one untimed warm-up of
      each first). stdin /dev/null, stdout and stderr to pipes. Wall time from before the spawn to wait4's return
      (the peak-rss helper adds a fork); peak RSS through peak-rss (see peak_rss.py). Each run must exit 0 and
      print the job (its model; batchsh also its id), and
      the simulator must have counted one GET of the job per run.
  shell-driver.py prompt BATCHSH URL RUNS
      `BATCHSH --base-url URL` on a fresh pseudo-terminal (its controlling terminal, TERM=xterm, 50x200): time
      from before the spawn to the prompt `batchsh[HOST:PORT]> ` arriving on the master; then `quit`.
  shell-driver.py complete BATCHSH URL IDS_FILE TABS
      One REPL on a pseudo-terminal. Waits for the background job-id load (`get PREFIX` + Tab until it completes);
      then TABS timed Tabs on unique prefixes of ids spread over IDS_FILE: from writing the Tab to the rest of
      the id arriving on the master, Ctrl-U between trials. Then the ambiguous `get batch-`: first Tab (nothing
      to insert: the bell) and the second Tab (the candidate listing, to the redrawn prompt and line).

The timings are end-to-end keystroke latencies through the pty (what a user feels): Python's write, the
kernel's tty layer, libedit's read, the completion, libedit's redraw, the tty layer again and Python's read.

Environment: every child gets a fresh temporary HOME and XDG_{STATE,CONFIG,CACHE,DATA}_HOME, removed at exit.
TOGETHER_API_KEY is taken from the environment (the simulator's key).
"""

import fcntl
import json
import os
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
import urllib.request

import peak_rss

ROWS, COLUMNS = 50, 200
PROMPT = re.compile(rb"batchsh\[[^\]\r\n]*\]> ")
ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]|\x1b[()][0-9A-Za-z]|\x1b[=>]|[\r\x07]")

CHILDREN = set()   # live Popen objects, killed on any exit
HOME = tempfile.mkdtemp(prefix="batchsh-bench-home.")


class BenchError(Exception):
    pass


def fail(message):
    raise BenchError(message)


def on_signal(number, _frame):
    raise KeyboardInterrupt(f"signal {number}")


def cleanup():
    for process in list(CHILDREN):
        kill(process)
    shutil.rmtree(HOME, ignore_errors=True)


def kill(process):
    if process.poll() is None:
        try:
            os.killpg(process.pid, signal.SIGKILL) if process_group_own(process) else process.kill()
        except ProcessLookupError:
            pass
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
    CHILDREN.discard(process)


def process_group_own(process):
    try:
        return os.getpgid(process.pid) == process.pid
    except ProcessLookupError:
        return False


def environment(**extra):
    env = dict(os.environ)
    for name in ("state", "config", "cache", "data"):
        os.makedirs(os.path.join(HOME, name), exist_ok=True)
    env.update(HOME=HOME, XDG_STATE_HOME=f"{HOME}/state", XDG_CONFIG_HOME=f"{HOME}/config",
               XDG_CACHE_HOME=f"{HOME}/cache", XDG_DATA_HOME=f"{HOME}/data")
    env.pop("BATCHSH_HISTORY", None)
    env.update(extra)
    return env


def median(values):
    values = sorted(values)
    return values[(len(values) - 1) // 2]  # the lower middle one, as lib.sh's median


def p90(values):
    values = sorted(values)
    return values[max(0, -(-len(values) * 9 // 10) - 1)]  # nearest rank


def sim_get_count(url, job_id):
    with urllib.request.urlopen(f"{url}/_sim/stats", timeout=10) as response:
        counts = json.load(response)["requests"]
    return counts.get(f"GET /v1/batches/{job_id}", 0)


# MARK: - One-shot


def run_once(argv, env):
    """Runs argv to completion; returns (wall seconds, peak RSS KiB, exit code, stdout, stderr)."""
    argv, report = peak_rss.wrap(argv)
    began = time.perf_counter()
    process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=env)
    CHILDREN.add(process)
    try:
        out, err = communicate(process, timeout=60)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - began
        process.returncode = os.waitstatus_to_exitcode(status)
    finally:
        kill(process)
    peak, code = peak_rss.read(report)
    return wall, peak, code, out, err


def communicate(process, timeout):
    """Reads stdout and stderr to EOF without reaping the child (wait4 must see it for the rusage)."""
    streams = {process.stdout.fileno(): [], process.stderr.fileno(): []}
    deadline = time.monotonic() + timeout
    open_fds = set(streams)
    while open_fds:
        left = deadline - time.monotonic()
        if left <= 0:
            fail(f"{process.args[0]} did not finish within {timeout} s")
        ready, _, _ = select.select(list(open_fds), [], [], left)
        for fd in ready:
            chunk = os.read(fd, 1 << 16)
            if chunk:
                streams[fd].append(chunk)
            else:
                open_fds.discard(fd)
    return b"".join(streams[process.stdout.fileno()]), b"".join(streams[process.stderr.fileno()])


def oneshot(batchsh, tg, url, job_id, model, runs):
    key = os.environ.get("TOGETHER_API_KEY") or fail("TOGETHER_API_KEY is not set")
    tools = {
        "batchsh": ([batchsh, "--base-url", url, "get", job_id], environment(TOGETHER_API_KEY=key, NO_COLOR="1"),
                    [job_id, model]),
        # TOGETHER_PROJECT_ID spares tg its up-front GET /v3/whoami (the simulator has no such route: 404).
        "tg": ([tg, "batches", "get", job_id],
               environment(TOGETHER_API_KEY=key, TOGETHER_BASE_URL=url, TOGETHER_PROJECT_ID="proj-sim",
                           TOGETHER_TELEMETRY_DISABLED="1", TOGETHER_DISABLE_VERSION_CHECK="1", NO_COLOR="1"),
               [model]),
    }
    walls = {name: [] for name in tools}
    rss = {name: [] for name in tools}
    before = sim_get_count(url, job_id)
    for trial in range(runs + 1):
        for name in (("batchsh", "tg") if trial % 2 == 0 else ("tg", "batchsh")):
            argv, env, expected = tools[name]
            wall, peak, code, out, err = run_once(argv, env)
            text = out.decode(errors="replace")
            if code != 0:
                fail(f"{' '.join(argv)} exited {code}:\n{err.decode(errors='replace')[-2000:]}")
            missing = [word for word in expected if word not in text]
            if missing:
                fail(f"{' '.join(argv)} printed no {missing}:\n{text[-2000:]}")
            if trial == 0:
                print(f"{name} prints:\n  " + "\n  ".join(text.rstrip().splitlines()), file=sys.stderr)
                continue  # warm-up
            walls[name].append(wall * 1000)
            rss[name].append(peak / 1024)
    gets = sim_get_count(url, job_id) - before
    if gets != 2 * (runs + 1):
        fail(f"the simulator counted {gets} GETs of {job_id} for {2 * (runs + 1)} runs")
    for name in tools:
        print(f"op=oneshot tool={name} runs={runs} wall_ms={median(walls[name]):.1f} "
              f"wall_min_ms={min(walls[name]):.1f} wall_max_ms={max(walls[name]):.1f} "
              f"rss_mb={median(rss[name]):.1f} rss_max_mb={max(rss[name]):.1f}")


# MARK: - Pseudo-terminal REPL


class Repl:
    """batchsh's REPL on a pseudo-terminal that is its controlling terminal."""

    def __init__(self, batchsh, url):
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        env = environment(TERM="xterm", COLUMNS=str(COLUMNS), LINES=str(ROWS))
        env.pop("NO_COLOR", None)
        self.began = time.perf_counter()
        # setsid (start_new_session) runs before preexec_fn, so the slave (already fd 0) can become the
        # controlling terminal, as in a terminal emulator.
        self.process = subprocess.Popen(
            [batchsh, "--base-url", url], stdin=slave, stdout=slave, stderr=slave, env=env,
            start_new_session=True, preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
        CHILDREN.add(self.process)
        os.close(slave)
        self.output = bytearray()   # everything read so far
        self.closed = False

    def read(self, timeout):
        """Reads what is available within `timeout` seconds; returns the time of the read (None: nothing)."""
        if self.closed:
            return None
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return None
        try:
            chunk = os.read(self.master, 1 << 16)
        except OSError:  # EIO: the slave side is closed
            chunk = b""
        now = time.perf_counter()
        if not chunk:
            self.closed = True
            return None
        self.output += chunk
        return now

    def wait_for(self, mark, predicate, timeout, what):
        """Reads until predicate(output since `mark`) holds; returns the time of the read that made it hold."""
        deadline = time.perf_counter() + timeout
        while True:
            if predicate(bytes(self.output[mark:])):
                return time.perf_counter()
            left = deadline - time.perf_counter()
            if left <= 0 or self.closed:
                tail = bytes(self.output[mark:])[-600:]
                state = "exited" if self.closed else f"no answer within {timeout} s"
                fail(f"{what}: {state}; the terminal shows {tail!r}")
            at = self.read(left)
            if at is not None and predicate(bytes(self.output[mark:])):
                return at

    def send(self, data):
        mark = len(self.output)
        os.write(self.master, data)
        return mark

    def drain(self, quiet=0.05):
        while self.read(quiet) is not None:
            pass

    def quit(self):
        """`quit`; returns (exit code, peak RSS KiB)."""
        self.send(b"\x15quit\n")
        deadline = time.perf_counter() + 10
        while time.perf_counter() < deadline:
            self.read(0.1)
            pid, status, usage = os.wait4(self.process.pid, os.WNOHANG)
            if pid:
                self.process.returncode = os.waitstatus_to_exitcode(status)
                self.close()
                return self.process.returncode, usage.ru_maxrss
        self.close()
        fail(f"batchsh did not exit within 10 s of `quit`; the terminal shows {bytes(self.output[-600:])!r}")

    def close(self):
        kill(self.process)
        if self.master >= 0:
            os.close(self.master)
            self.master = -1


def visible(data):
    return ESCAPES.sub(b"", data)


def prompt(batchsh, url, runs):
    times = []
    for trial in range(runs + 1):
        repl = Repl(batchsh, url)
        try:
            at = repl.wait_for(0, lambda out: PROMPT.search(out) is not None, 10, "waiting for the REPL's prompt")
            if trial == 0:
                print(f"the REPL shows: {bytes(repl.output)!r}", file=sys.stderr)
            else:
                times.append((at - repl.began) * 1000)
            repl.drain(0.02)
            code, _ = repl.quit()
            if code != 0:
                fail(f"the REPL exited {code} after `quit`")
        finally:
            repl.close()
    print(f"op=prompt runs={runs} ms={median(times):.1f} p90_ms={p90(times):.1f} min_ms={min(times):.1f} "
          f"max_ms={max(times):.1f}")


def unique_prefixes(ids, count):
    """(prefix, rest) for `count` ids spread over the sorted list; prefix is the shortest unique one."""
    ids = sorted(ids)

    def common(a, b):
        n = 0
        while n < min(len(a), len(b)) and a[n] == b[n]:
            n += 1
        return n

    picks = []
    step = max(1, len(ids) // count)
    for index in range(step // 2, len(ids), step):
        before = common(ids[index], ids[index - 1]) if index > 0 else 0
        after = common(ids[index], ids[index + 1]) if index + 1 < len(ids) else 0
        length = max(before, after) + 1
        picks.append((ids[index][:length], ids[index][length:]))
    return picks[:count]


def type_line(repl, text):
    """Ctrl-U, then `text`; waits until the echo of `text` ends the visible output."""
    mark = repl.send(b"\x15" + text)
    repl.wait_for(mark, lambda out: visible(out).endswith(text), 5, f"echo of {text!r}")


def tab(repl, expected, timeout=5):
    """Writes a Tab; returns (latency in ms, completed?) once `expected` text or the bell arrives."""
    mark = len(repl.output)
    began = time.perf_counter()
    os.write(repl.master, b"\t")
    at = repl.wait_for(mark, lambda out: expected in visible(out) or b"\x07" in out, timeout,
                       f"Tab after {expected!r}")
    return (at - began) * 1000, expected in visible(bytes(repl.output[mark:]))


def complete(batchsh, url, ids_path, tabs):
    ids = open(ids_path).read().split()
    if len(ids) < 2:
        fail(f"{ids_path} holds {len(ids)} ids")
    picks = unique_prefixes(ids, min(len(ids), 100))
    repl = Repl(batchsh, url)
    try:
        prompt_at = repl.wait_for(0, lambda out: PROMPT.search(out) is not None, 10, "waiting for the REPL's prompt")
        repl.drain(0.02)

        # The background load of every id: retry one completion until it works (10 s at most).
        probe, rest = picks[len(picks) // 2]
        deadline = time.perf_counter() + 10
        while True:
            type_line(repl, b"get " + probe.encode())
            _, completed = tab(repl, rest.encode())
            if completed:
                break
            if time.perf_counter() > deadline:
                fail(f"the REPL did not complete {probe!r} to {probe + rest!r} within 10 s of its prompt "
                     f"(job ids not loaded?)")
            time.sleep(0.02)
        ready_ms = (time.perf_counter() - repl.began) * 1000
        prompt_ms = (prompt_at - repl.began) * 1000

        # Unique prefixes: the rest of the id (and a space) is inserted.
        times = []
        for trial in range(tabs + 10):
            prefix, rest = picks[trial % len(picks)]
            type_line(repl, b"get " + prefix.encode())
            ms, completed = tab(repl, rest.encode() + b" ")
            if not completed:
                fail(f"Tab after `get {prefix}` rang the bell instead of completing {prefix + rest!r}")
            if trial >= 10:  # the first 10 are a warm-up
                times.append(ms)

        # Ambiguous words, where the first Tab inserts nothing (the bell) and the second lists: the common prefix
        # of every id (`batch-`: all 10,000 match), and that plus two characters (a few dozen match).
        common = os.path.commonprefix(ids)
        ambiguous = [ambiguous_tabs(repl, ids, picks, common, max(5, tabs // 10))]
        for index in range(len(ids) // 2, len(ids)):
            word = ids[index][:len(common) + 2]
            matches = [job for job in ids if job.startswith(word)]
            if len(matches) > 1 and os.path.commonprefix(matches) == word:
                ambiguous.append(ambiguous_tabs(repl, ids, picks, word, max(5, tabs // 10)))
                break
        code, peak = repl.quit()
        if code != 0:
            fail(f"the REPL exited {code} after `quit`")
    finally:
        repl.close()
    print(f"op=complete ids={len(ids)} prompt_ms={prompt_ms:.1f} ready_ms={ready_ms:.0f} rss_mb={peak / 1024:.1f}")
    print(f"op=tab kind=unique tabs={len(times)} ms={median(times):.2f} p90_ms={p90(times):.2f} "
          f"min_ms={min(times):.2f} max_ms={max(times):.2f}")
    for word, matches, beeps, listings, listed, more in ambiguous:
        print(f"op=tab kind=bell word={word} matches={matches} tabs={len(beeps)} ms={median(beeps):.2f} "
              f"p90_ms={p90(beeps):.2f} max_ms={max(beeps):.2f}")
        print(f"op=tab kind=listing word={word} matches={matches} tabs={len(listings)} ms={median(listings):.2f} "
              f"p90_ms={p90(listings):.2f} max_ms={max(listings):.2f} listed={listed} more={more}")


def ambiguous_tabs(repl, ids, picks, word, trials):
    """`get WORD` Tab (the bell) and Tab again (the listing), `trials` times after 2 warm-ups.

    Returns (word, matches, bell ms list, listing ms list, ids listed, the listing's "… N more")."""
    line = b"get " + word.encode()
    beeps, listings, listed, more = [], [], 0, 0
    for trial in range(trials + 2):
        # batchsh takes a Tab for a "second Tab in a row" when the line and cursor equal those of the last Tab,
        # even with edits in between; completing a unique id in between resets that.
        prefix, rest = picks[trial % len(picks)]
        type_line(repl, b"get " + prefix.encode())
        if not tab(repl, rest.encode() + b" ")[1]:
            fail(f"Tab after `get {prefix}` rang the bell instead of completing {prefix + rest!r}")
        type_line(repl, line)
        ms, completed = tab(repl, b"\x00never")  # only the bell ends it
        if completed:
            fail(f"Tab after `get {word}` inserted text")
        mark = len(repl.output)
        began = time.perf_counter()
        os.write(repl.master, b"\t")
        # The listing ends with the prompt and the line redrawn below it.
        at = repl.wait_for(mark, lambda out: PROMPT.search(out) is not None and visible(out).endswith(line),
                           10, f"listing after `get {word}` Tab Tab")
        shown = visible(bytes(repl.output[mark:])).split(b"\n")[:-1]
        listed = sum(row.count(line[4:]) for row in shown)
        found = re.search(rb"\xe2\x80\xa6 (\d+) more", b"\n".join(shown))
        more = int(found.group(1)) if found else 0
        if trial >= 2:
            beeps.append(ms)
            listings.append((at - began) * 1000)
    return word, sum(1 for job in ids if job.startswith(word)), beeps, listings, listed, more


def main():
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGHUP, on_signal)
    mode, rest = (sys.argv[1], sys.argv[2:]) if len(sys.argv) > 1 else ("", [])
    try:
        if mode == "oneshot" and len(rest) == 6:
            oneshot(rest[0], rest[1], rest[2], rest[3], rest[4], int(rest[5]))
        elif mode == "prompt" and len(rest) == 3:
            prompt(rest[0], rest[1], int(rest[2]))
        elif mode == "complete" and len(rest) == 4:
            complete(rest[0], rest[1], rest[2], int(rest[3]))
        else:
            sys.exit(__doc__)
    except BenchError as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
    finally:
        cleanup()


if __name__ == "__main__":
    main()
