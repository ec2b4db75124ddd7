#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace assay {

// Something that must be put right, with an owner and a due date: a condition of an approval,
// or an issue a validator raised. An open critical finding fails the promotion gate.
struct Finding {
    qint64 id = 0;
    qint64 modelId = 0;
    std::optional<qint64> versionId;
    std::optional<qint64> decisionId;
    QString description;
    QString severity = QStringLiteral("medium"); // low, medium, high, critical
    QString owner;
    QDate dueDate;
    bool open = true;
    QString resolution;
    std::optional<qint64> closedAt;
    QString closedBy;
    qint64 createdAt = 0;
    QString createdBy;

    bool isOverdue(const QDate& today) const { return open && dueDate.isValid() && dueDate < today; }
    static QStringList severities();
};

} // namespace assay
