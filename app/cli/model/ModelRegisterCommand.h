#pragma once

#include "app/cli/CliCommand.h"

namespace assay::cli {

// model register MODEL --run UID: the run becomes the model's next version (the model is created with its
// first version); its card starts as a copy of the previous version's.
class ModelRegisterCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("register"); }
    QString arguments() const override { return QStringLiteral("MODEL"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
