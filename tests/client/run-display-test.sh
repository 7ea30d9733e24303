#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a display test the way the desktop would: a private session bus with
# an unlocked throwaway keyring, a private HOME, and an X server of its own.
set -eu
home=$(mktemp -d "${TMPDIR:-/tmp}/appeals-client-test-XXXXXX")
trap 'rm -rf "$home"' EXIT
export HOME="$home"
export XDG_DATA_HOME="$home/.local/share"
export XDG_CONFIG_HOME="$home/.config"
export XDG_CACHE_HOME="$home/.cache"
export XDG_RUNTIME_DIR="$home/runtime"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export GSK_RENDERER=cairo
export GDK_BACKEND=x11
# APPEALS_TEST_A11Y=1: with the accessibility bus, as a screen reader needs
if [ -z "${APPEALS_TEST_A11Y:-}" ]; then
  export NO_AT_BRIDGE=1
  export GTK_A11Y=none
fi

# APPEALS_TEST_NO_KEYRING=1: a desktop without any secret service.
# Not exec: the shell has to stay to remove the private HOME on exit.
dbus-run-session -- sh -c '
  if [ -z "${APPEALS_TEST_NO_KEYRING:-}" ]; then
    echo -n test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1 || true
  fi
  # the accessibility bus, started here so that its registry does not
  # greet on the test'"'"'s standard output, which is TAP
  if [ -n "${APPEALS_TEST_A11Y:-}" ] && [ -x /usr/libexec/at-spi-bus-launcher ]; then
    /usr/libexec/at-spi-bus-launcher >/dev/null 2>&1 &
  fi
  exec xvfb-run -a -s "-screen 0 1920x1200x24" "$@"
' sh "$@"
