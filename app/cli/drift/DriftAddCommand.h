#pragma once

#include "app/cli/CliCommand.h"

namespace assay::cli {

// drift add --model NAME --version N [--monitor M] FILE... [--window LABEL]: current data as
// windows of a monitor, each file in its own transaction. A file whose window is there already,
// or that does not parse, is refused whole; the files before it stay added.
class DriftAddCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("add"); }
    QString arguments() const override { return QStringLiteral("FILE..."); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
