#pragma once

#include "RiskAssessment.h"

#include <QList>

namespace assay {

class Workspace;
class WriteTransaction;

// Risk assessments of models (DESIGN §5). The newest assessment of a model gives its tier.
class RiskAssessments {
public:
    explicit RiskAssessments(const Workspace& workspace)
        : m_workspace(workspace) {}

    struct Override {
        int tier = 3;
        QString reason;
    };

    // Scores the model under the current policy; a data scientist, validator or risk officer may.
    // An override needs a written reason and stays pending until a risk officer decides it; a
    // use the EU AI Act prohibits cannot be overridden.
    static qint64 assess(WriteTransaction& tx, qint64 modelId, const QMap<QString, int>& scores,
                         const QString& euCategory, const QString& rationale,
                         const std::optional<Override>& tierOverride = {});
    // A risk officer other than the assessor approves or rejects a pending override.
    static void decideOverride(WriteTransaction& tx, qint64 assessmentId, bool approve,
                               const QString& comment);

    std::optional<RiskAssessment> latest(qint64 modelId) const;
    std::optional<RiskAssessment> assessment(qint64 assessmentId) const;
    QList<RiskAssessment> history(qint64 modelId) const; // newest first
    QList<RiskAssessment> pendingOverrides() const;

private:
    const Workspace& m_workspace;
};

} // namespace assay
