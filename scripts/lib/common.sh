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

# The folder the debug (or given configuration's) binaries are built into.
bin_path() {
  swift build -c "${1:-debug}" --show-bin-path 2>/dev/null
}
