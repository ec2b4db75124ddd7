#pragma once

#include "app/cli/CliCommand.h"

namespace assay::cli {

// model metric MODEL --metric KEY [--lower-is-better]: the metric the promotion gate compares with the
// champion's.
class ModelMetricCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("metric"); }
    QString arguments() const override { return QStringLiteral("MODEL"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
