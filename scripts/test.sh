#!/usr/bin/env bash
# The test command: installs what the browser tests need when it is missing (Debian's Chromium and its
# driver), then runs the whole suite. Where they cannot be installed, stops with one line saying what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing chromium and chromium-driver for the browser tests…" >&2
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; } >&2; then
      echo "Cannot install the browser: run 'apt-get install -y chromium chromium-driver' (Debian) and try again." >&2
      exit 2
    fi
  else
    echo "The browser tests need Debian's chromium and chromium-driver: run 'sudo apt-get install -y chromium chromium-driver'." >&2
    exit 2
  fi
fi

exec mvn -B verify "$@"
