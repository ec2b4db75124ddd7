#!/usr/bin/env python3
"""Builds the Debian package from a built tree and checks it as a user's machine would see it.

cpack makes the .deb in a temporary folder, dpkg-deb unpacks it into a fresh root, and from
there: the files it holds, the desktop entry (desktop-file-validate), the AppStream metainfo
(appstreamcli validate), the MIME type (update-mime-database, then gio as a file manager asks:
which type is a workspace, and which application opens it), the manual pages (groff, and every
command and option of assay-cli's help documented), the Depends field against the libraries
the binaries link, and the unpacked binaries themselves (--version, and a workspace created).

Usage: check_package.py --cpack CPACK --config BUILD/CPackConfig.cmake --version X.Y.Z
"""
import argparse
import glob
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

APP_ID = "io.github.assay.Assay"
MIME_TYPE = "application/x-assay-workspace"
ICON_SIZES = (16, 32, 48, 64, 128, 256)
# Loaded at run time, so no linker (and no dpkg-shlibdeps) sees them: the SQLite driver and the
# platform plugins. Every other package in Depends must hold a library the binaries link, and
# every library they link must come from a package in Depends.
RUNTIME_PLUGINS = ("libqt6sql6-sqlite", "qt6-qpa-plugins")
LINKED = ("libqt6core6", "libqt6gui6", "libqt6widgets6", "libqt6sql6", "libqt6charts6",
          "libqt6keychain1", "libsodium23", "libyaml-cpp0.7")

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message)
    return condition


def run(command, env=None, check_status=True):
    result = subprocess.run(command, capture_output=True, text=True, env=env)
    if check_status and result.returncode != 0:
        sys.exit("check_package: %s exited %d\n%s%s" % (" ".join(command), result.returncode,
                                                        result.stdout, result.stderr))
    return result


def require_tools(*tools):
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        sys.exit("check_package: %s not found; packaging/install-build-deps.sh installs them"
                 % ", ".join(missing))


def expected_files():
    files = {
        "usr/bin/assay", "usr/bin/assay-cli",
        "usr/share/applications/%s.desktop" % APP_ID,
        "usr/share/metainfo/%s.metainfo.xml" % APP_ID,
        "usr/share/mime/packages/%s.xml" % APP_ID,
        "usr/share/icons/hicolor/scalable/apps/%s.svg" % APP_ID,
        "usr/share/man/man1/assay.1.gz", "usr/share/man/man1/assay-cli.1.gz",
    }
    files.update("usr/share/icons/hicolor/%dx%d/apps/%s.png" % (size, size, APP_ID)
                 for size in ICON_SIZES)
    return files


def build_package(args, scratch):
    out = os.path.join(scratch, "out")
    run([args.cpack, "-G", "DEB", "-B", out, "--config", args.config])
    debs = glob.glob(os.path.join(out, "*.deb"))
    if len(debs) != 1:
        sys.exit("check_package: cpack made %d .deb files in %s" % (len(debs), out))
    return debs[0]


def check_contents(deb, root):
    print(run(["dpkg-deb", "--contents", deb]).stdout)
    run(["dpkg-deb", "--extract", deb, root])
    found = set()
    for folder, _, names in os.walk(root):
        found.update(os.path.relpath(os.path.join(folder, name), root) for name in names)
    check(found == expected_files(), "the package holds %s, expected %s; extra %s, missing %s" % (
        sorted(found), sorted(expected_files()), sorted(found - expected_files()),
        sorted(expected_files() - found)))
    for binary in ("usr/bin/assay", "usr/bin/assay-cli"):
        check(os.access(os.path.join(root, binary), os.X_OK), binary + " is not executable")
    for size in ICON_SIZES:
        path = os.path.join(root, "usr/share/icons/hicolor/%dx%d/apps/%s.png" % (size, size, APP_ID))
        if os.path.exists(path):
            with open(path, "rb") as png:
                header = png.read(24)
            width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
            check(header[:8] == b"\x89PNG\r\n\x1a\n" and (width, height) == (size, size),
                  "%s is not a %dx%d PNG" % (path, size, size))


def check_control(deb, version):
    fields = {name: run(["dpkg-deb", "--field", deb, name]).stdout.strip()
              for name in ("Package", "Version", "Architecture", "Depends")}
    print("Depends: " + fields["Depends"])
    check(fields["Package"] == "assay", "Package is %r" % fields["Package"])
    check(fields["Version"] == version, "Version is %r, the project's is %s" % (fields["Version"], version))
    arch = run(["dpkg", "--print-architecture"]).stdout.strip()
    check(fields["Architecture"] == arch, "Architecture is %r on %s" % (fields["Architecture"], arch))
    depends = set()
    for clause in fields["Depends"].split(","):
        for alternative in clause.split("|"):
            depends.add(re.sub(r"\(.*\)", "", alternative).strip())
    for package in RUNTIME_PLUGINS + LINKED:
        check(package in depends, "Depends lacks " + package)
    for package in depends:
        check(run(["dpkg-query", "--show", package], check_status=False).returncode == 0,
              "Depends names %s, which is no package installed here" % package)
    return depends


def linked_packages(binary):
    """The packages of the libraries the binary links directly (its NEEDED entries)."""
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]",
                        run(["readelf", "--dynamic", binary]).stdout)
    ldd = run(["ldd", binary]).stdout
    resolved = dict(re.findall(r"^\s*(\S+) => (\S+)", ldd, re.MULTILINE))
    # The dynamic loader, which a binary with thread_local data links directly, is listed by its
    # path alone: "/lib64/ld-linux-x86-64.so.2 (0x...)".
    for path in re.findall(r"^\s*(/\S+) \(0x", ldd, re.MULTILINE):
        resolved.setdefault(os.path.basename(path), path)
    packages = {}
    for soname in needed:
        path = resolved.get(soname)
        if path is None or path == "not":
            packages[soname] = None
            continue
        owner = None
        # dpkg knows a library by the path its package installed, /lib or /usr/lib (merged /usr).
        for candidate in (path, os.path.realpath(path), re.sub(r"^/usr/lib/", "/lib/", path),
                          re.sub(r"^/lib/", "/usr/lib/", path)):
            result = run(["dpkg-query", "--search", candidate], check_status=False)
            if result.returncode == 0:
                owner = result.stdout.split(":")[0].strip()
                break
        packages[soname] = owner
    return packages


def check_linked_libraries(root, depends):
    linked = set()
    for binary in ("usr/bin/assay", "usr/bin/assay-cli"):
        for soname, package in linked_packages(os.path.join(root, binary)).items():
            if check(package is not None, "%s links %s, which no installed package holds" % (binary, soname)):
                check(package in depends, "%s links %s from %s, which Depends lacks" % (binary, soname, package))
                linked.add(package)
    unused = depends - linked - set(RUNTIME_PLUGINS)
    check(not unused, "Depends names %s, which the binaries do not link" % ", ".join(sorted(unused)))


def check_binaries(root, scratch, version):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=os.path.join(scratch, "home"),
               XDG_DATA_HOME=os.path.join(scratch, "home", "data"))
    cli = os.path.join(root, "usr/bin/assay-cli")
    for binary in (cli, os.path.join(root, "usr/bin/assay")):
        out = run([binary, "--version"], env=env).stdout.strip()
        print("%s --version: %s" % (os.path.relpath(binary, root), out))
        check(out == "assay " + version, "%s --version printed %r" % (binary, out))
    workspace = os.path.join(scratch, "files", "team.assay")
    os.makedirs(os.path.dirname(workspace))
    # init opens the workspace through the SQLite driver plugin that the package depends on.
    run([cli, "init", workspace], env=env)
    return workspace


def check_desktop_entry(root):
    path = os.path.join(root, "usr/share/applications/%s.desktop" % APP_ID)
    result = run(["desktop-file-validate", path], check_status=False)
    check(result.returncode == 0 and not result.stdout.strip(),
          "desktop-file-validate: " + result.stdout + result.stderr)
    with open(path, encoding="utf-8") as entry:
        keys = dict(line.rstrip("\n").split("=", 1) for line in entry if "=" in line)
    check(keys.get("Exec") == "assay %f", "Exec is %r" % keys.get("Exec"))
    check(keys.get("Icon") == APP_ID, "Icon is %r" % keys.get("Icon"))
    check(MIME_TYPE in keys.get("MimeType", "").split(";"), "MimeType is %r" % keys.get("MimeType"))


def check_metainfo(root):
    path = os.path.join(root, "usr/share/metainfo/%s.metainfo.xml" % APP_ID)
    result = run(["appstreamcli", "validate", "--no-net", "--pedantic", path], check_status=False)
    print("appstreamcli validate --no-net --pedantic:\n" + result.stdout + result.stderr)
    issues = re.findall(r"^([EWI]): .*$", result.stdout, re.MULTILINE)
    check(result.returncode == 0 and not issues, "appstreamcli validate reports errors, warnings or infos")
    with open(path, encoding="utf-8") as metainfo:
        text = metainfo.read()
    check("<id>%s</id>" % APP_ID in text, "the metainfo's id is not " + APP_ID)
    check('<launchable type="desktop-id">%s.desktop</launchable>' % APP_ID in text,
          "the metainfo launches no " + APP_ID + ".desktop")
    for binary in re.findall(r"<binary>(.+?)</binary>", text):
        check(os.path.exists(os.path.join(root, "usr/bin", binary)),
              "the metainfo provides %s, which the package lacks" % binary)


def check_mime(root, scratch, workspace):
    """As a file manager sees the unpacked root once dpkg's triggers have run."""
    share = os.path.join(root, "usr/share")
    none = os.path.join(scratch, "none")
    # The root's share/ first, as if installed; its bin/ on PATH for the desktop entry's TryExec.
    env = dict(os.environ, XDG_DATA_DIRS=share + ":/usr/share", XDG_DATA_HOME=none, XDG_CONFIG_HOME=none,
               XDG_CONFIG_DIRS=none, GIO_USE_VFS="local",
               PATH=os.path.join(root, "usr/bin") + os.pathsep + os.environ.get("PATH", ""))
    result = run(["update-mime-database", os.path.join(share, "mime")], env=env)
    check(not result.stderr.strip(), "update-mime-database: " + result.stderr)
    run(["update-desktop-database", os.path.join(share, "applications")], env=env)
    renamed = os.path.join(scratch, "files", "workspace-backup")
    shutil.copyfile(workspace, renamed)
    other = os.path.join(scratch, "files", "other.db")
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    for path, expected in ((workspace, MIME_TYPE), (renamed, MIME_TYPE), (other, "application/vnd.sqlite3")):
        out = run(["gio", "info", "--attributes=standard::content-type", path], env=env).stdout
        found = re.search(r"standard::content-type: (\S+)", out)
        print("gio: %s is %s" % (os.path.basename(path), found.group(1) if found else "nothing"))
        check(found and found.group(1) == expected, "gio sees %s as %s, expected %s" % (
            os.path.basename(path), found.group(1) if found else "nothing", expected))
    out = run(["gio", "mime", MIME_TYPE], env=env).stdout
    print(out.strip())
    check("Default application for “%s”: %s.desktop" % (MIME_TYPE, APP_ID) in out
          or "Default application for '%s': %s.desktop" % (MIME_TYPE, APP_ID) in out,
          "gio opens %s with no Assay" % MIME_TYPE)


def man_source(root, page):
    text = run(["gzip", "-dc", os.path.join(root, "usr/share/man/man1", page + ".gz")]).stdout
    result = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z"], input=text, capture_output=True, text=True)
    check(result.returncode == 0 and not result.stderr.strip(), "groff on %s: %s" % (page, result.stderr))
    return text


def plain(troff):
    return re.sub(r"\\f[BIRP]|\\f\(..|\\&", "", troff).replace("\\-", "-").replace("\\(em", "-")


def help_text(cli, words):
    return run([cli] + words + ["--help"]).stdout


def listed(help_output, heading):
    """The command words listed under 'Commands:' or 'Subcommands:'."""
    section = help_output.split(heading + "\n", 1)
    if len(section) < 2:
        return []
    return [line.split()[0] for line in section[1].split("\n\n", 1)[0].splitlines() if line.strip()]


def options(help_output):
    """The long options of a help text, less the ones every command takes."""
    names = re.findall(r"^\s+(?:-\w, )?(--[\w-]+)", help_output.split("Options:", 1)[-1], re.MULTILINE)
    return [name for name in names if name not in ("--help", "--workspace")]


def check_man_pages(root):
    man_source(root, "assay.1")
    source = man_source(root, "assay-cli.1")
    # Each command documented under its own .SS heading: "init [FILE]", "model register MODEL ...".
    sections = {}
    for chunk in re.split(r"^\.SS ", source, flags=re.MULTILINE)[1:]:
        heading, _, body = chunk.partition("\n")
        sections[" ".join(plain(heading).replace('"', "").split()[:2])] = plain(body)
    for required in ("EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES", "SEE ALSO"):
        check(re.search(r'^\.SH "?%s"?$' % required, source, re.MULTILINE),
              "assay-cli.1 has no %s section" % required)
    cli = os.path.join(root, "usr/bin/assay-cli")
    top = help_text(cli, [])
    for name in options(top):
        check(name in plain(source), "assay-cli.1 does not document the global option " + name)
    for command in listed(top, "Commands:"):
        text = help_text(cli, [command])
        subcommands = listed(text, "Subcommands:")
        for words in ([[command, sub] for sub in subcommands] or [[command]]):
            key = " ".join(words)
            body = next((sections[heading] for heading in sections
                         if heading == key or heading.split()[: len(words)] == words), None)
            if not check(body is not None, "assay-cli.1 has no section for assay-cli " + key):
                continue
            for name in options(help_text(cli, words)):
                check(name in body, "assay-cli.1 does not document %s under %s" % (name, key))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cpack", required=True)
    parser.add_argument("--config", required=True)
    parser.add_argument("--version", required=True)
    args = parser.parse_args()
    require_tools("dpkg-deb", "dpkg-query", "readelf", "ldd", "desktop-file-validate", "appstreamcli",
                  "update-mime-database", "update-desktop-database", "gio", "groff", "gzip")
    with tempfile.TemporaryDirectory(prefix="assay-package-") as scratch:
        deb = build_package(args, scratch)
        root = os.path.join(scratch, "root")
        check_contents(deb, root)
        depends = check_control(deb, args.version)
        check_linked_libraries(root, depends)
        workspace = check_binaries(root, scratch, args.version)
        check_desktop_entry(root)
        check_metainfo(root)
        check_mime(root, scratch, workspace)
        check_man_pages(root)
    if failures:
        sys.exit("check_package: %d problems" % len(failures))
    print("check_package: %s passes" % os.path.basename(deb))


if __name__ == "__main__":
    main()
