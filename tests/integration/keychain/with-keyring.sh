#!/bin/sh
# Runs a command against a real Secret Service: a private D-Bus session with gnome-keyring-daemon
# whose "login" collection is created and unlocked with a throwaway password. HOME and the XDG
# folders point into a fresh temporary folder, so that the developer's own keyring is never
# touched and nothing outlives the run. Works headless and as root.
set -eu
scratch=$(mktemp -d "${TMPDIR:-/tmp}/assay-keyring.XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM
mkdir -p "$scratch/home" "$scratch/runtime" "$scratch/data" "$scratch/config"
chmod 700 "$scratch/runtime"
export HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/runtime" XDG_DATA_HOME="$scratch/data" \
    XDG_CONFIG_HOME="$scratch/config"
unset DISPLAY WAYLAND_DISPLAY GNOME_KEYRING_CONTROL
# --unlock reads the password on stdin, creates the login collection with it and unlocks it
# before the daemon forks, so the collection is ready once the command returns.
dbus-run-session -- sh -c 'printf %s assay-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@"
