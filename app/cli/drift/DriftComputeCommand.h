#pragma once

#include "app/cli/CliCommand.h"

namespace assay::cli {

// drift compute --reference R.csv --current C.csv [--categorical COLUMN]: the statistics of
// DESIGN §6 per column as JSON; a malformed CSV fails with its FILE:LINE:COLUMN.
class DriftComputeCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("compute"); }
    QString summary() const override;

protected:
    bool usesWorkspace() const override { return false; }
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
