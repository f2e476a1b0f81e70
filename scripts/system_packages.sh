#!/bin/sh
# What `make test` and `make bench` need that pip and npm cannot install:
#   chromium              the browser tests and Lighthouse (Playwright drives it;
#                         CHROMIUM names another build, e.g. Chrome on GitHub)
#   default-jre-headless  Java for the Nu HTML Checker (vnu-jar)
#   npm                   axe-core, vnu-jar and Lighthouse (package-lock.json)
# Installed with apt-get as root or with sudo that asks no password (with their
# recommended packages: a fresh Chromium needs the fonts they bring). Anyone else
# gets the one command to run, at once, rather than a failure halfway through.
set -eu

missing=""
if [ -n "${CHROMIUM:-}" ]; then
  [ -x "$CHROMIUM" ] || { echo "CHROMIUM=$CHROMIUM is not an executable file." >&2; exit 1; }
else
  [ -x /usr/bin/chromium ] || missing="$missing chromium"
fi
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo="sudo"
else
  echo "make test needs Debian packages that are not installed. Run, then make test again:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "make test needs$missing (Debian's package names), and there is no apt-get here to install them." >&2
  exit 1
fi
echo "Installing$missing with apt-get"
export DEBIAN_FRONTEND=noninteractive
# Update first: on a fresh machine or CI runner the package lists may be stale.
$sudo apt-get update -qq
# shellcheck disable=SC2086  # $missing is a list of package names
$sudo apt-get install -y -qq $missing >/dev/null
