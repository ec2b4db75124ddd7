#pragma once

#include "EvidenceFile.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace assay {

class Workspace;
class WriteTransaction;

// Evidence documents kept in the workspace beside a model version.
class EvidenceFiles {
public:
    explicit EvidenceFiles(const Workspace& workspace)
        : m_workspace(workspace) {}

    static QStringList kinds(); // validation_report, fairness_metrics, other
    static QString kindLabel(const QString& kind);

    // A data scientist, a validator or the model owner files evidence; a promoted version's
    // evidence is closed. Refuses a name the version has already.
    static qint64 add(WriteTransaction& tx, qint64 versionId, const QString& kind, const QString& name,
                      const QString& mediaType, const QByteArray& content);

    QList<EvidenceFile> files(qint64 versionId) const;
    QByteArray content(qint64 fileId) const;

private:
    const Workspace& m_workspace;
};

} // namespace assay
