"""Runs benchmarked programs through scripts/bench/peak-rss (PEAK_RSS, built by lib.sh's ensure_peak_rss).

wait4 from a Python driver cannot see a program smaller than the driver: the kernel carries a process's peak RSS
across exec, and a forked or vforked child starts with its parent's. peak-rss.c forks the program from a 1 MB
process and reports what the program itself used.
"""

import os
import tempfile


def wrap(argv):
    """Returns (argv that runs `argv` under peak-rss, the report's path for `read`)."""
    helper = os.environ.get("PEAK_RSS")
    if not helper:
        raise SystemExit("error: PEAK_RSS is not set (scripts/bench/lib.sh's ensure_peak_rss builds the helper)")
    descriptor, report = tempfile.mkstemp(prefix="batchsh-peak-rss.")
    os.close(descriptor)
    return [helper, report, *argv], report


def read(report):
    """The program's (peak RSS in KiB, exit status: negative when killed by that signal)."""
    try:
        with open(report) as file:
            text = file.read()
    finally:
        try:
            os.unlink(report)
        except OSError:
            pass
    fields = dict(item.split("=", 1) for item in text.split())
    if "peak_rss_kib" not in fields:
        raise SystemExit(f"error: peak-rss wrote no report (got {text!r})")
    return int(fields["peak_rss_kib"]), int(fields["exit"])
