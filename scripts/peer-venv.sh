#!/usr/bin/env bash
# The peers' own Python tools, in .build/peer-venv: schemathesis for the API conformance check,
# the libraries tests use to parse what Humas emits (icalendar for the agenda feed), and the
# SMTP server the Mail tests send to (aiosmtpd, in Tests/peers/smtp_server.py).
# Created once (again when the list changes); `make test` runs this before the tests, which
# find the interpreter at .build/peer-venv/bin/python.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.build/peer-venv
PACKAGES=('schemathesis>=4,<5' 'icalendar>=6,<7' 'aiosmtpd>=1.4,<2')

make_venv() {
  rm -rf "$VENV"
  python3 -m venv "$VENV" >/dev/null 2>&1
}
if [ ! -f "$VENV/.installed" ] || [ "$(cat "$VENV/.installed")" != "${PACKAGES[*]}" ]; then
  # A venv needs ensurepip, which Debian ships separately (python3-venv).
  if ! make_venv; then
    echo "peer-venv: python3 -m venv failed; installing python3-venv"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends python3-venv
    make_venv
  fi
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "${PACKAGES[@]}"
  echo "${PACKAGES[*]}" > "$VENV/.installed"
fi
