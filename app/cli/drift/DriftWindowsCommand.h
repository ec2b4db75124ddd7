#pragma once

#include "app/cli/CliCommand.h"

namespace assay::cli {

// drift windows --model NAME --version N [--monitor M] [--feature F]: a monitor's windows, oldest
// first, with their verdicts and performance; with --feature, that feature's statistic per window
// by the method it is judged by. As a table, JSON or CSV.
class DriftWindowsCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("windows"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
