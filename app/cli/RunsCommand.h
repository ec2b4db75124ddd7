#pragma once

#include "CliCommand.h"
#include "core/tracking/RunListFormat.h"
#include "core/tracking/RunScope.h"
#include "core/tracking/RunSort.h"

namespace assay {
class Tracking;
} // namespace assay

namespace assay::cli {

// runs: the runs in scope as a table, JSON or CSV, filtered and sorted in the workspace.
class RunsCommand : public CliCommand {
public:
    QString name() const override { return QStringLiteral("runs"); }
    QString summary() const override;

protected:
    void defineOptions(QCommandLineParser& parser) const override;
    int run(CliContext& context, const QCommandLineParser& parser) override;

private:
    static RunListFormat::Format format(const QCommandLineParser& parser);
    static RunSort sort(const QCommandLineParser& parser);
    static int limit(const QCommandLineParser& parser);
    static bool filterParses(const QString& filter);
    static RunScope scope(const QCommandLineParser& parser, const Tracking& tracking);
};

} // namespace assay::cli
