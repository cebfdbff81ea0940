#!/usr/bin/env bash
# Installs the Debian packages a make target needs, or stops at once with the command to run.
#
# Usage: scripts/ensure-packages.sh COMMAND=PACKAGE [COMMAND=PACKAGE ...]
#   e.g. scripts/ensure-packages.sh chromium=chromium   (browser tests, screenshots, audit)
# A package is needed when its command is not on PATH; a COMMAND that starts with '/' is a file the
# package installs (e.g. a font), needed when that file is missing. CHROMIUM_PATH, when it names an
# executable, stands in for the chromium command (e.g. Chrome on GitHub's runners).
# As root it runs apt-get; otherwise sudo -n (only when that works without a password);
# otherwise it prints the exact command and exits 1. It never skips silently.
set -euo pipefail

missing=()
for pair in "$@"; do
  cmd=${pair%%=*}
  pkg=${pair#*=}
  if [ "$cmd" = chromium ] && [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then
    continue
  fi
  if [ "${cmd#/}" != "$cmd" ]; then
    [ -f "$cmd" ] || missing+=("$pkg")
  else
    command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

wanted="${missing[*]}"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: needs the package(s) '$wanted', and this machine has no apt-get." >&2
  echo "Install them with your system's package manager (or set CHROMIUM_PATH to a Chromium or Chrome binary), then run make again." >&2
  exit 1
fi
if [ "$(id -u)" = 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "error: needs the Debian package(s) '$wanted', which are not installed, and installing them needs root." >&2
  echo "Run:  sudo apt-get update && sudo apt-get install -y $wanted" >&2
  echo "then run make again." >&2
  exit 1
fi

echo "Installing the Debian package(s) '$wanted' with ${as_root[*]:-}${as_root[*]:+ }apt-get (not found on this machine)..."
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
for pkg in "${missing[@]}"; do
  echo "Installed $pkg $(dpkg-query -W -f='${Version}' "$pkg" 2>/dev/null) with apt-get."
done
