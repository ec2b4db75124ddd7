#pragma once

#include "app/cli/CliCommand.h"

namespace assay::cli {

// report --model NAME --version N --out FILE: the governance report of a model version, as a
// PDF, or HTML when FILE ends in .html. Needs QtGui for fonts and the PDF writer: cli_main
// starts a QGuiApplication (offscreen unless a platform is set) for this command only.
class ReportCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("report"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;
};

} // namespace assay::cli
