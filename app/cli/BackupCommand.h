#pragma once

#include "CliCommand.h"

namespace assay::cli {

// backup --out FILE [--replace]: a copy of the workspace made while others go on using it.
class BackupCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("backup"); }
    QString arguments() const override { return QStringLiteral("--out FILE [--replace]"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
