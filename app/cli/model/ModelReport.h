#pragma once

#include "core/registry/RegisteredModel.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace assay {
class Workspace;
}

namespace assay::cli {

// One model as model show prints it: owners and primary metric, the latest risk assessment,
// the versions (aliases, run, card completeness, approval), each alias's history, the requests
// and the open findings.
class ModelReport {
public:
    ModelReport(const Workspace& workspace, const RegisteredModel& model)
        : m_workspace(workspace)
        , m_model(model) {}

    QString text() const;
    QJsonObject json() const;

private:
    // The aliases the model has or had: those held now, those requested, and production.
    QStringList aliases() const;
    QString assessmentText() const;
    QString versionsText() const;
    QString aliasHistoryText() const;
    QString requestsText() const;
    QString findingsText() const;

    const Workspace& m_workspace;
    RegisteredModel m_model;
};

} // namespace assay::cli
