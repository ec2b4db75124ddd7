#pragma once

#include "app/cli/CliCommand.h"
#include "core/governance/RiskAssessments.h"

namespace assay::cli {

// model assess MODEL --score KEY=N ... --eu-category KEY: scores the model's risk under the
// current policy and prints the tier and the rule that decided it.
class ModelAssessCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("assess"); }
    QString arguments() const override { return QStringLiteral("MODEL"); }
    QString summary() const override;

protected:
    QString description() const override;
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;

private:
    static std::optional<RiskAssessments::Override> tierOverride(const QCommandLineParser& parser);
};

} // namespace assay::cli
