#pragma once

#include <QString>

namespace assay {

// Tells whether a path lies on a network filesystem (NFS, SMB/CIFS, AFS, 9P, ...).
class FileSystemProbe {
public:
    static bool isNetworkFileSystem(const QString& path);
    static QString fileSystemName(const QString& path);
};

} // namespace assay
