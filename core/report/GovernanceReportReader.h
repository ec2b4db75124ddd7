#pragma once

#include "GovernanceReportData.h"

namespace assay {

class Workspace;

// Gathers a model version's governance report from the registry, cards, assessments, requests,
// gates, evidence, metrics, drift monitors and the audit trail. Reads only.
class GovernanceReportReader {
public:
    explicit GovernanceReportReader(const Workspace& workspace)
        : m_workspace(workspace) {}

    // Throws AssayError naming the model or version the workspace does not have.
    GovernanceReportData read(const QString& modelName, int version) const;

private:
    void readCard(GovernanceReportData& data) const;
    void readAssessment(GovernanceReportData& data) const;
    void readRequests(GovernanceReportData& data) const;
    void readComparison(GovernanceReportData& data) const;
    void readDrift(GovernanceReportData& data) const;

    const Workspace& m_workspace;
};

} // namespace assay
