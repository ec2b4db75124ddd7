#pragma once

#include "CliCommand.h"

namespace assay::cli {

// import mlflow PATH: what came over on stdout, every skipped item on stderr. Skipped items
// do not fail the command; a PATH that is not an MLflow store does.
class ImportCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("import"); }
    QString arguments() const override { return QStringLiteral("mlflow PATH"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
