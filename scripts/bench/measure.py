#!/usr/bin/env python3
"""Runs one command and prints one line of key=value figures about it (standard library only):

  measure.py LOG COMMAND [ARGS...]
      seconds=wall time from spawn to exit  cpu_seconds=user+system  user_seconds  system_seconds
      peak_rss_mb=ru_maxrss of the child (wait4; KiB on Linux)  exit=exit status (negative: killed by that signal)

The command's stdout and stderr go to the file LOG. SIGTERM or SIGINT stops the command too. Used by scripts/bench/.
"""

import os
import signal
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.signal(signal.SIGINT, signal.default_int_handler)  # a background job starts with SIGINT ignored
    with open(sys.argv[1], "ab") as log:
        began = time.perf_counter()
        process = subprocess.Popen(sys.argv[2:], stdin=subprocess.DEVNULL, stdout=log, stderr=log)
        try:
            _, status, usage = os.wait4(process.pid, 0)
        except BaseException:
            process.kill()
            process.wait()
            raise
        seconds = time.perf_counter() - began
    print(f"seconds={seconds:.3f} cpu_seconds={usage.ru_utime + usage.ru_stime:.2f} user_seconds={usage.ru_utime:.2f} "
          f"system_seconds={usage.ru_stime:.2f} peak_rss_mb={usage.ru_maxrss / 1024:.1f} "
          f"exit={os.waitstatus_to_exitcode(status)}")


if __name__ == "__main__":
    main()
