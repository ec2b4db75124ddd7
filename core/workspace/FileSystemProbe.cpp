#include "FileSystemProbe.h"

#include <QFileInfo>

#include <array>
#include <sys/vfs.h>
#include <utility>

namespace assay {
namespace {

struct KnownFileSystem {
    unsigned long magic;
    const char* name;
    bool network;
};

// Magic numbers from linux/magic.h and statfs(2).
constexpr std::array knownFileSystems{
    KnownFileSystem{0x6969, "nfs", true},
    KnownFileSystem{0x517B, "smb", true},
    KnownFileSystem{0xFF534D42, "cifs", true},
    KnownFileSystem{0xFE534D42, "smb2", true},
    KnownFileSystem{0x5346414F, "afs", true},
    KnownFileSystem{0x01021997, "9p", true},
    KnownFileSystem{0x73757245, "coda", true},
    KnownFileSystem{0x564C, "ncp", true},
    KnownFileSystem{0x00C36400, "ceph", true},
    KnownFileSystem{0x65735546, "fuse", false},
    KnownFileSystem{0xEF53, "ext4", false},
    KnownFileSystem{0x58465342, "xfs", false},
    KnownFileSystem{0x9123683E, "btrfs", false},
    KnownFileSystem{0x01021994, "tmpfs", false},
    KnownFileSystem{0x794C7630, "overlayfs", false},
};

// statfs needs an existing path: a workspace about to be created is probed through its folder.
QString existingAncestor(const QString& path) {
    QFileInfo info(path);
    while (!info.exists() && info.absolutePath() != info.absoluteFilePath())
        info = QFileInfo(info.absolutePath());
    return info.absoluteFilePath();
}

const KnownFileSystem* lookup(const QString& path) {
    struct statfs stats {};
    if (statfs(existingAncestor(path).toLocal8Bit().constData(), &stats) != 0)
        return nullptr;
    const auto magic = static_cast<unsigned long>(stats.f_type) & 0xFFFFFFFFUL;
    for (const KnownFileSystem& fs : knownFileSystems) {
        if (fs.magic == magic)
            return &fs;
    }
    return nullptr;
}

} // namespace

bool FileSystemProbe::isNetworkFileSystem(const QString& path) {
    const KnownFileSystem* fs = lookup(path);
    return fs && fs->network;
}

QString FileSystemProbe::fileSystemName(const QString& path) {
    const KnownFileSystem* fs = lookup(path);
    return fs ? QString::fromLatin1(fs->name) : QStringLiteral("unknown");
}

} // namespace assay
