#!/usr/bin/env python3
"""Runs one command and prints one line of key=value figures about it (standard library only):

  measure.py LOG COMMAND [ARGS...]
      seconds=wall time from spawn to exit  cpu_seconds=user+system  user_seconds  system_seconds
      peak_rss_mb=peak RSS of the command (through peak-rss, see peak_rss.py)  exit=exit status (negative: killed
      by that signal)

The command's stdout and stderr go to the file LOG. SIGTERM or SIGINT stops the command too. Used by scripts/bench/.
"""

import os
import signal
import subprocess
import sys
import time

import peak_rss


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.signal(signal.SIGINT, signal.default_int_handler)  # a background job starts with SIGINT ignored
    with open(sys.argv[1], "ab") as log:
        began = time.perf_counter()
        argv, report = peak_rss.wrap(sys.argv[2:])
        process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        try:
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:
            process.kill()
            process.wait()
            raise
        seconds = time.perf_counter() - began
        peak, exit_status = peak_rss.read(report)
    # CPU from wait4: the helper's own (a fork and a wait) plus the command's, which it reaped.
    print(f"seconds={seconds:.3f} cpu_seconds={usage.ru_utime + usage.ru_stime:.2f} user_seconds={usage.ru_utime:.2f} "
          f"system_seconds={usage.ru_stime:.2f} peak_rss_mb={peak / 1024:.1f} exit={exit_status}")


if __name__ == "__main__":
    main()
