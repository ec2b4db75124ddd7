#pragma once

#include "DecisionCondition.h"
#include "Finding.h"

#include <QList>

#include <optional>

namespace assay {

class Workspace;
class WriteTransaction;

// Findings on models: conditions of approvals and issues raised by validators or risk officers.
class Findings {
public:
    explicit Findings(const Workspace& workspace)
        : m_workspace(workspace) {}

    // A validator or risk officer raises a finding on a model (and version); a condition of an
    // approval is raised through the decision that makes it.
    static qint64 raise(WriteTransaction& tx, qint64 modelId, std::optional<qint64> versionId,
                        const DecisionCondition& condition);
    // Records a condition as a finding of decisionId; checks the fields and that the owner is a user.
    static qint64 raiseForDecision(WriteTransaction& tx, qint64 modelId, qint64 versionId, qint64 decisionId,
                                   const DecisionCondition& condition);
    // The finding's owner, a validator or a risk officer closes it with a resolution.
    static void close(WriteTransaction& tx, qint64 findingId, const QString& resolution);
    static void checkCondition(WriteTransaction& tx, const DecisionCondition& condition);

    QList<Finding> findings(qint64 modelId) const; // open first, then by due date
    QList<Finding> ofDecision(qint64 decisionId) const;
    std::optional<Finding> finding(qint64 findingId) const;
    int openCritical(qint64 modelId) const;

private:
    const Workspace& m_workspace;
};

} // namespace assay
