#pragma once

#include "app/cli/CliCommand.h"

namespace assay::cli {

// model withdraw REQUEST_ID --reason TEXT: the submitter (or an admin) takes back an open request.
class ModelWithdrawCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("withdraw"); }
    QString arguments() const override { return QStringLiteral("REQUEST_ID"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
