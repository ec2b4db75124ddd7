#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

namespace assay {

// A check computed from the data and shown beside a decision (DESIGN §5). Gates inform the
// reviewers; the signed decisions record what the gates said when they were made.
struct Gate {
    enum class Status { Passed, Failed, NotApplicable };

    QString key; // primary_metric, critical_findings, drift, evidence
    QString label;
    Status status = Status::NotApplicable;
    QString detail;

    static QString statusName(Status status);           // passed, failed, not_applicable
    static QJsonArray toJson(const QList<Gate>& gates); // [{key, label, status, detail}]
};

} // namespace assay
