#pragma once

#include "app/cli/CliCommand.h"

namespace assay::cli {

// drift rules --model NAME --version N [--monitor M] [--threshold KEY=VALUE] [--feature-threshold
// F=VALUE] [--method F=METHOD] [--key F] [--no-key F]: a monitor's thresholds and per-feature
// rules; every stored window is judged again. Without changes it shows the rules.
class DriftRulesCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("rules"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
