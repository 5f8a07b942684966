# Shared helpers for the scripts in scripts/: installing what a fresh Debian machine lacks, finding binaries.
# Sourced, not run.

# Runs a command as root: directly when we are root (CI), through sudo otherwise.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "error: need root to run: $*" >&2; return 1
  fi
}

_apt_updated=""
# Installs Debian packages that are missing (by package name), with one apt-get update first.
apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing: ${missing[*]}" >&2
  if [ -z "$_apt_updated" ]; then as_root apt-get update -qq >&2; _apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
}

# libedit is needed to build the shell; install it when pkg-config cannot find it.
ensure_libedit() {
  if ! command -v pkg-config >/dev/null || ! pkg-config --exists libedit; then
    apt_install libedit-dev pkg-config
  fi
}

# The `swift build` flags of a configuration (debug or release). Every script builds through these, so going from
# one script to another never rebuilds the package with other flags. Release binaries:
# - carry the Swift runtime and Foundation inside (--static-swift-stdlib): a one-shot `batchsh get` starts about a
#   quarter sooner, without resolving symbols across a dozen shared libraries;
# - put each function in its own section (-function-sections) and link with lld, which lays out the functions in
#   scripts/release/batchsh.order first (see scripts/release/record-order): the kernel maps code 64 KiB around
#   each first touch, so the code a one-shot `get` maps fell from 14.5 to 9.6 MB (the rest is the prebuilt
#   standard library and Foundation, whose code comes in large sections that cannot be reordered);
# - pack relative relocations (-z pack-relative-relocs) and export no symbols (--no-export-dynamic): the loader
#   otherwise reads 3 MB of relocations and symbol tables at every start.
build_flags() {
  if [ "${1:-debug}" = release ]; then
    echo "-c release --static-swift-stdlib -Xswiftc -Xfrontend -Xswiftc -function-sections -Xswiftc -use-ld=lld" \
      "-Xlinker --no-export-dynamic $(packed_relocation_flags)" \
      "-Xlinker --symbol-ordering-file=scripts/release/batchsh.order -Xlinker --no-warn-symbol-ordering"
  else
    echo "-c ${1:-debug}"
  fi
}

# `-z pack-relative-relocs` when this machine's C library loads packed relocations (glibc 2.36, Debian 12, and
# later); a binary linked with them does not start on an older one.
packed_relocation_flags() {
  local version
  version=$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')
  if [ -n "$version" ] && [ "$(printf '%s\n2.36\n' "$version" | sort -V | head -1)" = 2.36 ]; then
    echo "-Xlinker -z -Xlinker pack-relative-relocs"
  fi
}

# Builds products in a configuration: build_products CONFIG PRODUCT...; the log is shown only when a build fails.
# libedit is installed first when missing, so every script that builds works on a fresh machine (the benchmarks too).
# It runs in a subshell, so its traps remove the temporary log also when the build is interrupted without touching
# the caller's traps (a subshell starts with none of them set). On INT, TERM or HUP it removes the log once the
# build in the foreground has ended and then dies of the same signal, so the caller reacts as it would to the
# build's own death by it (its trap runs, or the default action).
build_products() (
  config=$1
  shift
  ensure_libedit || exit 1
  log=$(mktemp /tmp/batchsh-build.XXXXXX)
  trap 'rm -f "$log"' EXIT
  for signal in INT TERM HUP; do
    # shellcheck disable=SC2064  # $signal now, $log and $BASHPID when it fires
    trap "rm -f \"\$log\"; trap - $signal EXIT; kill -$signal \$BASHPID" "$signal"
  done
  for product in "$@"; do
    # shellcheck disable=SC2046  # the flags are words
    if ! swift build $(build_flags "$config") --product "$product" >"$log" 2>&1; then
      cat "$log" >&2
      exit 1
    fi
  done
)

# The folder the debug (or given configuration's) binaries are built into.
bin_path() {
  # shellcheck disable=SC2046
  swift build $(build_flags "${1:-debug}") --show-bin-path 2>/dev/null
}
