#pragma once

#include "ModelOverview.h"

#include <QList>

namespace assay {

class Workspace;

// The registry seen by governance: one overview per model, for the Models page and the CLI.
class ModelCatalog {
public:
    explicit ModelCatalog(const Workspace& workspace)
        : m_workspace(workspace) {}

    QList<ModelOverview> overviews(qint64 now) const;
    ModelOverview overview(qint64 modelId, qint64 now) const;

private:
    const Workspace& m_workspace;
};

} // namespace assay
