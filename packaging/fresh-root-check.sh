#!/bin/bash
# Proves the README's set-up on a pristine Debian 12 (debootstrap --variant=minbase, then chroot),
# so that a package this machine happens to have, but a new machine lacks, fails here as it would
# for a new user. The work tree is copied in as it is (tracked and untracked files, not ignored).
#
# Usage, as root, from anywhere in the work tree:
#   packaging/fresh-root-check.sh tests     install-build-deps.sh, then the README's test command
#   packaging/fresh-root-check.sh first     install-build-deps.sh, then the README's first command:
#                                           the release workflow, and the demo (offscreen, a screenshot)
#   packaging/fresh-root-check.sh package   the .deb (cpack on the ci tree when the test command made
#                                           one, else the package workflow); then `apt-get install
#                                           ./assay_*.deb` in a second pristine root, `assay-cli
#                                           --version` and the demo (a screenshot) from /usr/bin there
#   packaging/fresh-root-check.sh install FILE.deb   only the second root's part of `package`
#   packaging/fresh-root-check.sh all       what .ci/run does, in one root: tests; the release preset
#                                           configured and the demo opened from the ci tree (the same
#                                           sources without -Werror: a second full build would not fit
#                                           CI's 90 minutes on 2 cores); package
#   packaging/fresh-root-check.sh -- CMD    install-build-deps.sh, then CMD in the project's folder
#
# The base root is made once (a few minutes) and kept as $ASSAY_FRESH_ROOT_CACHE, by default
# /var/tmp/assay-fresh-root.tar, the same recipe and file as ../shared/tools/fresh-debian-check.
# Every run starts from a fresh copy. Screenshots of the demo land in $ASSAY_FRESH_ROOT_OUT
# (default /var/tmp/assay-fresh-out). Exit status 0 when every step passed.
set -euo pipefail
mode=${1:-all}
[[ $mode == -- ]] && shift
[[ $(id -u) == 0 ]] || { echo "fresh-root-check: run as root" >&2; exit 2; }
project=$(cd "$(dirname "$0")/.." && pwd)
cache=${ASSAY_FRESH_ROOT_CACHE:-/var/tmp/assay-fresh-root.tar}
out=${ASSAY_FRESH_ROOT_OUT:-/var/tmp/assay-fresh-out}
roots=()

cleanup() {
    for root in "${roots[@]}"; do
        for m in dev/pts dev/shm dev proc; do
            if mountpoint -q "$root/$m" 2>/dev/null; then umount -l "$root/$m"; fi
        done
        rm -rf --one-file-system "$root"
    done
}
trap cleanup EXIT

say() { echo "fresh-root-check: $*"; }

make_base() {
    [[ -s $cache ]] && return
    command -v debootstrap >/dev/null || { apt-get update -q && apt-get install -y -q debootstrap; } >/dev/null
    # The mirror this machine's apt uses (deb822 or one-line sources), so the root reaches the same registry.
    local mirror
    mirror=$({ cat /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null || true; } |
        awk '/^URIs:/ {print $2} /^deb / {print $2}' | grep -v security | head -1)
    [[ -n $mirror ]] || { echo "fresh-root-check: no Debian mirror found in /etc/apt" >&2; exit 1; }
    say "making a minimal Debian 12 root (once), kept as $cache"
    local base
    base=$(mktemp -d /var/tmp/assay-base.XXXXXX)
    roots+=("$base")
    debootstrap --variant=minbase bookworm "$base" "$mirror" >/var/tmp/assay-fresh-debootstrap.log 2>&1 ||
        { tail -5 /var/tmp/assay-fresh-debootstrap.log; exit 1; }
    rm -f "$base/etc/apt/sources.list"
    cp -a /etc/apt/sources.list.d/. "$base/etc/apt/sources.list.d/" 2>/dev/null || true
    if [[ -f /etc/apt/sources.list ]]; then cp /etc/apt/sources.list "$base/etc/apt/"; fi
    cp -a /etc/apt/apt.conf.d/. "$base/etc/apt/apt.conf.d/"
    tar -C "$base" -cf "$cache.partial" . && mv "$cache.partial" "$cache"
}

# A fresh copy of the base root, with /proc, /dev and a private /dev/shm; prints its path.
new_root() {
    local root
    root=$(mktemp -d /var/tmp/assay-fresh.XXXXXX)
    roots+=("$root")
    tar -C "$root" -xf "$cache"
    cp /etc/resolv.conf "$root/etc/" 2>/dev/null || true
    mount -t proc proc "$root/proc"
    mount --bind /dev "$root/dev"
    mount --bind /dev/pts "$root/dev/pts"
    mount -t tmpfs -o mode=1777 shm "$root/dev/shm"
    echo "$root"
}

# Runs a shell command inside a root with a clean environment, as a fresh login would have it.
in_root() {
    local root=$1 dir=$2 what=$3 command=$4 started=$SECONDS
    say "$what"
    chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
        ${CI:+CI=$CI} /bin/bash -c "cd $dir && $command"
    say "... took $((SECONDS - started)) s"
}

readme_command() { # the README's fenced command after the given comment line
    awk -v marker="$1" 'index($0, marker) { getline; print; exit }' "$project/README.md"
}

make_base
mkdir -p "$out"
# The root the project is built in: the work tree copied in, build-deps.txt installed.
prepare_build_root() {
    build_root=$(new_root)
    mkdir -p "$build_root/src/project"
    (cd "$project" && git ls-files -co --exclude-standard -z | tar --null -T - -cf -) |
        tar -C "$build_root/src/project" -xf -
    if [[ -d $project/../shared ]]; then cp -a "$project/../shared" "$build_root/src/shared"; fi
    in_root "$build_root" /src/project "install-build-deps.sh in a pristine root" "packaging/install-build-deps.sh"
}

run_tests() {
    local command
    command=$(readme_command "# install what is missing, build, and run every test")
    [[ -n $command ]] || { echo "fresh-root-check: the README's test command was not found" >&2; exit 1; }
    in_root "$build_root" /src/project "the README's test command: $command" "$command"
}

# The demo filled by assay-cli, then opened by the workbench, offscreen; the screenshot is kept.
# (assay --demo alone would fill a new demo on a worker and be photographed before it finished.)
open_demo() {
    local root=$1 bin=$2 name=$3
    in_root "$root" /tmp "the workbench opens on the demo ($bin, offscreen)" \
        "rm -f ~/.local/share/assay/demo.assay && mkdir -p ~/.local/share/assay && \
         $bin/assay-cli demo ~/.local/share/assay/demo.assay && \
         QT_QPA_PLATFORM=offscreen $bin/assay --demo --screenshot /tmp/$name.png && test -s /tmp/$name.png"
    cp "$root/tmp/$name.png" "$out/$name.png"
}

run_first() {
    local command
    command=$(readme_command "# install what is missing, build, and open the workbench")
    [[ $command == *" && build/release/app/assay --demo" ]] ||
        { echo "fresh-root-check: the README's first command is not as expected: $command" >&2; exit 1; }
    command=${command% && build/release/app/assay --demo}
    in_root "$build_root" /src/project "the README's first command: $command" \
        "$command >/tmp/first.log 2>&1 || { tail -40 /tmp/first.log; exit 1; }"
    in_root "$build_root" /src/project "assay-cli --version (release tree)" "build/release/app/assay-cli --version"
    open_demo "$build_root" /src/project/build/release/app demo-release-tree
}

# The release preset's configure step, and the demo from the ci tree the test command built.
run_first_configure() {
    in_root "$build_root" /src/project "configure (cmake --preset release)" \
        "cmake --preset release >/tmp/configure.log 2>&1 || { tail -30 /tmp/configure.log; exit 1; }"
    open_demo "$build_root" /src/project/build/ci/app demo-ci-tree
}

# Installs a .deb into a second pristine root, where it must start on its Depends alone.
install_deb() {
    local path=$1 deb install_root
    deb=$(basename "$path")
    install_root=$(new_root)
    cp "$path" "$install_root/tmp/"
    # --no-install-recommends: the package's Depends must be enough on their own.
    in_root "$install_root" /tmp "apt-get install ./$deb in a second pristine root" \
        "apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends ./$deb >/tmp/install.log 2>&1 || { tail -30 /tmp/install.log; exit 1; }"
    in_root "$install_root" /tmp "assay-cli --version (installed)" "assay-cli --version"
    open_demo "$install_root" /usr/bin demo-installed
}

run_package() {
    local tree=build/release
    if [[ -f $build_root/src/project/build/ci/CPackConfig.cmake && -x $build_root/src/project/build/ci/app/assay ]]; then
        tree=build/ci
        in_root "$build_root" /src/project "the .deb from the ci tree (cpack)" \
            "cd $tree && cpack -G DEB >/tmp/package.log 2>&1 || { tail -40 /tmp/package.log; exit 1; }"
    else
        in_root "$build_root" /src/project "the release workflow and the .deb (cmake --workflow --preset package)" \
            "cmake --workflow --preset package >/tmp/package.log 2>&1 || { tail -40 /tmp/package.log; exit 1; }"
    fi
    local deb
    deb=$(cd "$build_root/src/project/$tree" && ls assay_*.deb)
    install_deb "$build_root/src/project/$tree/$deb"
    say "screenshots in $out"
}

[[ $mode == install ]] || prepare_build_root
case $mode in
install) install_deb "$(realpath "${2:?the .deb to install}")" ;;
tests) run_tests ;;
first) run_first ;;
package) run_package ;;
all)
    run_tests
    run_first_configure
    run_package
    ;;
*) in_root "$build_root" /src/project "$*" "$*" ;;
esac
say "every step passed in a pristine Debian 12 root"
