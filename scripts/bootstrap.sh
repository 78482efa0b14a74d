# Sourced by scripts/up and scripts/test: makes .venv with the locked dependencies.
# pip runs only when requirements.lock changes, so later runs start in a second.

cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON=${PYTHON:-python3}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "Cần Python 3.11 trở lên (Python 3.11+ is required); đặt biến PYTHON nếu cần." >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  if ! "$PYTHON" -m venv .venv 2>/dev/null; then
    # Debian and Ubuntu ship venv without ensurepip until python3-venv is installed.
    rm -rf .venv
    version=$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
    echo "Installing python${version}-venv (Debian/Ubuntu)…"
    as_root apt-get update -qq && as_root apt-get install -y -qq "python${version}-venv" ||
      { echo "Hãy cài python3-venv: sudo apt-get install python3-venv" >&2; exit 1; }
    "$PYTHON" -m venv .venv
  fi
fi

stamp=".venv/.installed-$(cat requirements.lock | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "Installing the locked dependencies into .venv (first run only)…"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r requirements.lock
  rm -f .venv/.installed-*
  touch "$stamp"
fi
