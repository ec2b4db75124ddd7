#pragma once

#include "CliCommand.h"

namespace assay::cli {

// demo [FILE]: demo data in a new workspace, or in an empty one.
class DemoCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("demo"); }
    QString arguments() const override { return QStringLiteral("[FILE]"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
