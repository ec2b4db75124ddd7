#pragma once

#include "core/registry/ModelVersion.h"
#include "core/registry/RegisteredModel.h"

#include <QJsonObject>
#include <QString>

namespace assay {
class Workspace;
}

namespace assay::cli {

// One version as model show --version prints it: its run, aliases, whether it is approved, its
// model card section by section and its evidence files.
class VersionReport {
public:
    VersionReport(const Workspace& workspace, const RegisteredModel& model, const ModelVersion& version)
        : m_workspace(workspace)
        , m_model(model)
        , m_version(version) {}

    QString text() const;
    QJsonObject json() const;

private:
    const Workspace& m_workspace;
    RegisteredModel m_model;
    ModelVersion m_version;
};

} // namespace assay::cli
