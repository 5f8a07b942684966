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

# The `swift build` flags of a configuration (debug or release). Release binaries carry the Swift runtime and
# Foundation inside (--static-swift-stdlib): a one-shot `batchsh get` starts about a quarter sooner, without
# resolving symbols across a dozen shared libraries, and maps fewer pages. Every script builds through these, so
# going from one script to another never rebuilds the package with other flags.
build_flags() {
  if [ "${1:-debug}" = release ]; then echo "-c release --static-swift-stdlib"; else echo "-c ${1:-debug}"; fi
}

# Builds products in a configuration: build_products CONFIG PRODUCT...; the log is shown only when a build fails.
build_products() {
  local config=$1 log product
  shift
  log=$(mktemp /tmp/batchsh-build.XXXXXX)
  for product in "$@"; do
    # shellcheck disable=SC2046  # the flags are words
    if ! swift build $(build_flags "$config") --product "$product" >"$log" 2>&1; then
      cat "$log" >&2; rm -f "$log"; return 1
    fi
  done
  rm -f "$log"
}

# The folder the debug (or given configuration's) binaries are built into.
bin_path() {
  # shellcheck disable=SC2046
  swift build $(build_flags "${1:-debug}") --show-bin-path 2>/dev/null
}
