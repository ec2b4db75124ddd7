#pragma once

#include "app/cli/CliCommand.h"

namespace assay::cli {

// model show MODEL [--version N]: the model's governance record, or one version's card and
// evidence, as text or JSON.
class ModelShowCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("show"); }
    QString arguments() const override { return QStringLiteral("MODEL"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
