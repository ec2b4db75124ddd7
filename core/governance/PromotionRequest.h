#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace assay {

// A request to move an alias (usually "production") to a model version, or a periodic review of
// the version in production. It snapshots the evidence bundle and its hash when submitted.
struct PromotionRequest {
    enum class Kind { Promotion, Review };
    enum class Status { Open, Executed, Rejected, Withdrawn };

    qint64 id = 0;
    Kind kind = Kind::Promotion;
    qint64 modelId = 0;
    QString modelName;
    qint64 versionId = 0;
    int version = 0;
    QString alias;
    int tier = 3;
    int policyVersion = 0;
    QJsonObject evidence;
    QString evidenceHash;
    QString justification;
    Status status = Status::Open;
    qint64 submittedAt = 0;
    QString submittedBy;
    std::optional<qint64> closedAt;
    int revision = 1; // grows with every change, so that a decision on an outdated view is refused

    bool isOpen() const { return status == Status::Open; }
    QString title() const; // "churn v4 → production", "Periodic review of churn v3"
    static QString kindName(Kind kind);
    static QString statusName(Status status);
    static QString statusLabel(Status status);
    static Kind kindFromName(const QString& name);
    static Status statusFromName(const QString& name);
};

} // namespace assay
