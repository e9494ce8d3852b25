#!/bin/sh
# Install what the development-corpus builder needs. Safe to run again (idempotent):
# apt-get and pip both skip what is already there.
#   sh tests/devcorpus/setup.sh            # uses .venv/bin/python if it exists
#   PYTHON=/path/to/python sh tests/devcorpus/setup.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
APT_PACKAGES="poppler-utils p7zip-full fonts-noto-cjk fonts-wqy-zenhei fonts-arphic-uming fonts-arphic-ukai"
PIP_PACKAGES="reportlab pdfminer.six pypdfium2 py7zr"

missing=""
for p in $APT_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends $missing
    fc-cache -f >/dev/null 2>&1 || true
fi

if [ -z "${PYTHON:-}" ]; then
    if [ -x "$repo/.venv/bin/python" ]; then PYTHON="$repo/.venv/bin/python"; else PYTHON=python3; fi
fi
if ! "$PYTHON" -c "import reportlab, pdfminer, pypdfium2, py7zr" 2>/dev/null; then
    "$PYTHON" -m pip install --quiet $PIP_PACKAGES
fi
echo "devcorpus setup: ok ($PYTHON)"
