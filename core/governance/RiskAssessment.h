#pragma once

#include <QMap>
#include <QString>

#include <optional>

namespace assay {

// A model's risk assessment under one policy version: the seven scores, the EU AI Act
// category, the tier they give and the rule that decided it, and an override of that tier
// which counts only once a risk officer approved it.
struct RiskAssessment {
    enum class OverrideStatus { None, Pending, Approved, Rejected };

    qint64 id = 0;
    qint64 modelId = 0;
    int policyVersion = 0;
    QMap<QString, int> scores;
    QString euCategory;
    int computedTier = 3;
    bool blocked = false;
    QString rule;
    QString rationale;
    std::optional<int> overrideTier;
    QString overrideReason;
    OverrideStatus overrideStatus = OverrideStatus::None;
    QString overrideDecidedBy;
    std::optional<qint64> overrideDecidedAt;
    QString overrideComment;
    qint64 assessedAt = 0;
    QString assessedBy;

    int effectiveTier() const {
        return overrideStatus == OverrideStatus::Approved && overrideTier ? *overrideTier : computedTier;
    }
    static QString statusName(OverrideStatus status);
    static OverrideStatus statusFromName(const QString& name);
};

} // namespace assay
