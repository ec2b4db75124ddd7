#pragma once

#include "app/cli/CliCommand.h"

namespace assay::cli {

// drift monitor --model NAME --version N --reference R.csv [...]: a drift monitor on a model
// version. The reference file is read before anything is written, so a malformed one (refused
// with FILE:LINE:COLUMN) leaves the workspace as it was.
class DriftMonitorCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("monitor"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
