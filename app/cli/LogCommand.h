#pragma once

#include "CliCommand.h"

namespace assay::cli {

// log [INPUT|-]: runs from JSON lines, all or nothing (docs/cli.md, "Logging runs").
class LogCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("log"); }
    QString arguments() const override { return QStringLiteral("[INPUT]"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
