#!/bin/sh
# Makes docs/images/*.png: every page of the workbench and its main dialogs, from a fresh demo
# workspace, through the workbench's hidden --screenshot mode (app/gui/gui_main.cpp), offscreen.
# Takes about a minute. Run it from anywhere, after a build:
#
#   docs/tools/make-screenshots.sh [BUILD_DIR]     (default: build/ci, else build/release)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-}
if [ -z "$build" ]; then
    for candidate in "$top/build/ci" "$top/build/release"; do
        [ -x "$candidate/app/assay" ] && build=$candidate && break
    done
fi
[ -n "$build" ] && [ -x "$build/app/assay" ] || { echo "make-screenshots: no built assay; build first" >&2; exit 1; }
out="$top/docs/images"
mkdir -p "$out"

# A home of its own: the demo workspace, settings and keys of this run only. The acting user,
# as for anyone outside the demo's cast, is its admin, a validator and a risk officer.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" ASSAY_USER=jordan QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$home/run"
unset ASSAY_WORKSPACE
mkdir -p "$home/.local/share/assay" "$home/run"
chmod 700 "$home/run"
demo="$home/.local/share/assay/demo.assay"
"$build/app/assay-cli" demo "$demo" >/dev/null

# The finished run with the best validation AUC, and the first request that has a decision.
run=$("$build/app/assay-cli" -w "$demo" runs --filter "attributes.status = 'FINISHED'" \
    --order-by "metrics.val_auc DESC" --limit 1 --format csv | sed -n 2p | cut -d, -f1)
request=$("$build/app/assay-cli" -w "$demo" model requests --model credit-default-pd --format json |
    python3 -c 'import json,sys; rows=json.load(sys.stdin); print(next((r["id"] for r in rows if r.get("decisions")), rows[0]["id"]))')

shot() { # NAME ARGS...: one picture
    name=$1
    shift
    rm -f "$out/$name.png"
    # The offscreen platform says what it cannot do (raise a window, size hints): not news.
    "$build/app/assay" --demo --screenshot "$out/$name.png" "$@" 2>&1 | grep -v "^This plugin does not support" >&2 || true
    test -s "$out/$name.png"
    echo "docs/images/$name.png"
}

shot experiments --page runs
shot run --page run --run "$run"
shot compare --page compare --runs 4 --tab 2
shot models --page models
shot model --page model --model credit-default-pd
shot reviews --page reviews
shot request --page request --request "$request"
shot drift --page drift --model credit-default-pd
shot audit --page audit
shot users --dialog users
shot assess --dialog assess --model churn-classifier
shot card --dialog card --model credit-default-pd
shot policy --dialog policy
shot about --dialog about
shot shortcuts --dialog shortcuts
