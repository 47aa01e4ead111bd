#!/usr/bin/env bash
# Installs Debian's Chromium for the end-to-end tests when it is absent (Playwright cannot
# download its own browsers here). Retries while another apt holds the dpkg lock.
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "Chromium not found at $CHROMIUM: installing Debian's chromium package…" >&2
for attempt in 1 2 3 4 5 6; do
  if $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null; then
    exit 0
  fi
  echo "apt-get failed (attempt $attempt); retrying in 10 s…" >&2
  sleep 10
done
echo "Could not install chromium; install it with: apt-get install -y chromium" >&2
exit 1
