# Helpers for the benchmark scripts in scripts/bench/. Sourced, not run.

# Prints the median of the numbers given as arguments (the lower middle one for an even count).
median() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'
}

# Prints the value of KEY in a line of `key=value` pairs read from stdin.
field() {
  awk -v key="$1" '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == key) print kv[2] } }'
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
