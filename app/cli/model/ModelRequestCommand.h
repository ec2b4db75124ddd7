#pragma once

#include "app/cli/CliCommand.h"

namespace assay::cli {

// model request MODEL --version N [--alias A]: asks for a promotion; --review opens the periodic
// review of the version in production. Prints the request's number, the sign-offs its tier
// requires and the gates as they stand.
class ModelRequestCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("request"); }
    QString arguments() const override { return QStringLiteral("MODEL"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
