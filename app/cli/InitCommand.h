#pragma once

#include "CliCommand.h"

namespace assay::cli {

// init [FILE]: a new, empty workspace; refuses a file that exists.
class InitCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("init"); }
    QString arguments() const override { return QStringLiteral("[FILE]"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
