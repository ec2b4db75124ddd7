#pragma once

#include "app/cli/CliCommand.h"

namespace assay::cli {

// drift status [--model NAME]: per model and monitor, the latest window, what drifted in it and
// whether retraining is recommended. A report, not a check: it exits 0 whatever it finds.
class DriftStatusCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("status"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
