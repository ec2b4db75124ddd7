#pragma once

#include <QDate>
#include <QString>

namespace assay {

// A condition attached to an approval; it becomes a finding with this owner and due date.
struct DecisionCondition {
    QString description;
    QString owner;
    QDate dueDate;
    QString severity = QStringLiteral("medium");
};

} // namespace assay
