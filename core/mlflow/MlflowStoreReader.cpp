#include "MlflowStoreReader.h"

#include "MlflowFileStoreReader.h"
#include "MlflowSqliteReader.h"
#include "core/base/AssayError.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

namespace assay {
namespace {

// Accepts what users paste from MLflow's own settings: a plain path, a file: URI, or the
// tracking URI of a SQLite store (sqlite:///relative.db, sqlite:////absolute.db).
QString localPath(const QString& path) {
    if (path.startsWith(QLatin1String("sqlite:///")))
        return path.mid(10);
    if (path.startsWith(QLatin1String("file:")))
        return QUrl(path).toLocalFile();
    return path;
}

bool isSqliteFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw AssayError(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    return file.read(16) == QByteArray("SQLite format 3\0", 16);
}

} // namespace

std::unique_ptr<MlflowStoreReader> MlflowStoreReader::open(const QString& path) {
    const QFileInfo info(localPath(path));
    if (!info.exists())
        throw AssayError(QStringLiteral("%1: no such file or folder.").arg(path));
    const QString canonical = info.canonicalFilePath();
    if (info.isDir()) {
        // A project folder that holds mlruns/ is taken for the store inside it.
        const QDir dir(canonical);
        if (!MlflowFileStoreReader::looksLikeStore(canonical) &&
            MlflowFileStoreReader::looksLikeStore(dir.filePath(QStringLiteral("mlruns"))))
            return std::make_unique<MlflowFileStoreReader>(
                QFileInfo(dir.filePath(QStringLiteral("mlruns"))).canonicalFilePath());
        if (!MlflowFileStoreReader::looksLikeStore(canonical))
            throw AssayError(QStringLiteral("%1 is not an MLflow file store: it holds no experiment folder "
                                            "with a meta.yaml, and no mlruns/ folder.")
                                 .arg(path));
        return std::make_unique<MlflowFileStoreReader>(canonical);
    }
    if (!isSqliteFile(canonical))
        throw AssayError(QStringLiteral("%1 is neither an MLflow file store (an mlruns/ folder) nor an "
                                        "SQLite database. The file was not changed.")
                             .arg(path));
    return std::make_unique<MlflowSqliteReader>(canonical);
}

QList<MlflowSkippedItem> MlflowStoreReader::takeSkipped() {
    QList<MlflowSkippedItem> taken;
    taken.swap(m_skipped);
    return taken;
}

void MlflowStoreReader::skip(const QString& location, const QString& reason) {
    m_skipped.append({location, reason});
}

} // namespace assay
