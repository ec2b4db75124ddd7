#pragma once

#include "app/cli/CliCommand.h"
#include "core/governance/ModelOverview.h"

#include <QList>

namespace assay::cli {

// model list: one line per model (owner, tier, production version, versions, open requests and
// findings, next review), as a table or JSON.
class ModelListCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("list"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;

private:
    static QString table(const QList<ModelOverview>& overviews);
    static QString json(const QList<ModelOverview>& overviews);
};

} // namespace assay::cli
