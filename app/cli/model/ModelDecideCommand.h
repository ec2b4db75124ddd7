#pragma once

#include "app/cli/CliCommand.h"
#include "core/governance/PromotionRequests.h"

namespace assay::cli {

// model decide REQUEST_ID --outcome approve|conditions|reject --comment TEXT: the acting user's
// signed decision, with the private key from the OS keychain. Core decides whether they may
// (segregation of duties, the role each sign-off needs) and executes the request once every
// sign-off is given.
class ModelDecideCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("decide"); }
    QString arguments() const override { return QStringLiteral("REQUEST_ID"); }
    QString summary() const override;

protected:
    QString description() const override;
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;

private:
    static PromotionRequests::DecisionInput input(const QCommandLineParser& parser);
    static QString report(const Workspace& workspace, qint64 requestId, qint64 decisionId);
};

} // namespace assay::cli
