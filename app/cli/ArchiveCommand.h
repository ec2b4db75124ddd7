#pragma once

#include "CliCommand.h"

namespace assay::cli {

// archive --out FILE: a read-only copy of the workspace for auditors, which still verifies.
class ArchiveCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("archive"); }
    QString arguments() const override { return QStringLiteral("--out FILE"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
