#pragma once

#include "app/cli/CliCommand.h"
#include "core/governance/PromotionRequest.h"

#include <QList>

namespace assay {
class Workspace;
}

namespace assay::cli {

// model requests [REQUEST_ID]: promotion requests and reviews, all or open ones or the acting
// user's inbox (those still needing a sign-off they can give); with a number, that one request
// in full: sign-offs, decisions with their signature status, gates.
class ModelRequestsCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("requests"); }
    QString arguments() const override { return QStringLiteral("[REQUEST_ID]"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;

private:
    static QList<PromotionRequest> select(const Workspace& workspace, const QCommandLineParser& parser);
    static QString table(const Workspace& workspace, const QList<PromotionRequest>& requests);
};

} // namespace assay::cli
