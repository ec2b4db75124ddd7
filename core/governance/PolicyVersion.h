#pragma once

#include <QByteArray>
#include <QString>

namespace assay {

// One published version of the tier policy. Assessments and requests name the version they
// were made under, so that a later edit does not rewrite what an earlier decision relied on.
struct PolicyVersion {
    int version = 0; // 0: nothing published yet, the built-in default applies
    QByteArray document;
    QString sha256;
    QString note;
    qint64 createdAt = 0;
    QString createdBy;
};

} // namespace assay
