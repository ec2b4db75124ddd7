#pragma once

#include <QByteArray>
#include <QString>

namespace assay {

// Evidence stored in the workspace itself, such as a validation report.
struct Attachment {
    qint64 id = 0;
    qint64 runId = 0;
    QString name;
    QString mediaType;
    QString sha256;
    qint64 size = 0;
    qint64 createdAt = 0;
};

} // namespace assay
