# Helpers for the benchmark scripts in scripts/bench/. Sourced, not run.

# Prints "error: MESSAGE" on stderr and exits the script with status 1. For the top level of a script (inside $(...)
# it would only end the substitution): `x=$(curl ... | python3 ...) || die "what failed"`. Under `set -e` a failing
# substitution otherwise ends the script without a word.
die() {
  echo "error: $*" >&2
  exit 1
}

# The benchmark venv, .venv-bench, with the official SDK together==3.1.1 and its `tg` CLI; creates (or reinstalls)
# it when the module or the CLI is missing or another version. Sets VENV (the folder), PY (its python) and TG (its
# tg). Call it at the top level (it sets variables), from the checkout's root.
ensure_bench_venv() {
  VENV=.venv-bench
  PY=$VENV/bin/python
  TG=$VENV/bin/tg
  _bench_venv_ok && return 0
  echo "creating $VENV with together==3.1.1" >&2
  python3 -m venv "$VENV" || { echo "error: python3 -m venv $VENV failed (is python3-venv installed?)" >&2; return 1; }
  "$VENV/bin/pip" install -q --disable-pip-version-check together==3.1.1 >&2 \
    || { echo "error: pip could not install together==3.1.1 into $VENV" >&2; return 1; }
  _bench_venv_ok || { echo "error: $VENV has no together 3.1.1 or no $TG after installing it" >&2; return 1; }
}
_bench_venv_ok() {
  "$PY" -c 'import sys, together; sys.exit(together.__version__ != "3.1.1")' 2>/dev/null && [ -x "$TG" ]
}

# Builds scripts/bench/peak-rss.c into .build/bench/peak-rss when missing or older than the source and exports
# PEAK_RSS, which the drivers run measured programs through (peak_rss.py says why). Uses cc, else the Swift
# toolchain's clang.
ensure_peak_rss() {
  local source=scripts/bench/peak-rss.c binary=.build/bench/peak-rss compiler
  if [ ! -x "$binary" ] || [ "$source" -nt "$binary" ]; then
    compiler=$(command -v cc || command -v clang) || die "no C compiler (cc or clang) to build $source"
    mkdir -p .build/bench
    "$compiler" -O2 -o "$binary" "$source" || die "could not build $source"
  fi
  export PEAK_RSS=$PWD/$binary
}

# Prints the median of the numbers given as arguments (the lower middle one for an even count).
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'
}

# Prints the value of KEY in a line of `key=value` pairs read from stdin.
field() {
  awk -v key="$1" '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == key) print kv[2] } }'
}

# Prints the value of KEY on the line(s) of TEXT that contain the fixed string PATTERN: pick PATTERN KEY TEXT. When
# there is no such line or no such key it prints an error line with the text and fails, so that `x=$(pick ...)`
# stops a `set -e` script saying what was missing (a bare `$(grep ... | field ...)` would stop it silently).
pick() {
  local value
  value=$(grep -F -- "$1" <<<"$3" | field "$2") || true
  if [ -z "$value" ]; then
    printf 'error: no %s= on a line with "%s" in:\n%s\n' "$2" "$1" "$3" >&2
    return 1
  fi
  printf '%s\n' "$value"
}

# Prints a / b with the given number of decimals (default 1).
ratio() {
  awk -v a="$1" -v b="$2" -v d="${3:-1}" 'BEGIN { if (b == 0) print "n/a"; else printf "%.*f\n", d, a / b }'
}

# Prints "yes" when a >= b, else "NO".
at_least() {
  awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 >= b + 0) ? "yes" : "NO" }'
}

# Prints the requests per second wrk reports; arguments are passed to wrk.
wrk_rps() {
  wrk "$@" | awk '/^Requests\/sec:/ { print $2 }'
}

# Starts batchsh-sim (binary and flags as arguments) in the background, sets SIM_PID and SIM_URL.
# Waits (at most 20 s) for its first stdout line, `listening on http://127.0.0.1:PORT`.
start_sim() {
  SIM_LOG=$(mktemp /tmp/batchsh-bench-sim.XXXXXX)
  "$@" >"$SIM_LOG" 2>&1 &
  SIM_PID=$!
  SIM_URL=""
  for _ in $(seq 200); do
    SIM_URL=$(sed -n '1s/^listening on //p' "$SIM_LOG")
    [ -n "$SIM_URL" ] && return 0
    kill -0 "$SIM_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "error: the simulator did not start:" >&2
  cat "$SIM_LOG" >&2
  return 1
}

# Stops the simulator started by start_sim, if any.
stop_sim() {
  if [ -n "${SIM_PID:-}" ]; then
    kill "$SIM_PID" 2>/dev/null || true
    wait "$SIM_PID" 2>/dev/null || true
    SIM_PID=""
  fi
  [ -n "${SIM_LOG:-}" ] && rm -f "$SIM_LOG"
  return 0
}
