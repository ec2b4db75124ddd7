#pragma once

#include "core/drift/DriftMonitor.h"
#include "core/drift/DriftThresholds.h"
#include "core/registry/ModelVersion.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>

#include <utility>

namespace assay {
class Workspace;
}

namespace assay::cli {

// The --model NAME --version N [--monitor NAME] and KEY=VALUE arguments of the drift monitor
// commands. What is missing or malformed on the command line is a usage error, checked before the
// workspace is opened; a model, version or monitor the workspace lacks is its answer (exit 1).
class DriftArguments {
public:
    struct Target {
        QString model;
        int version = 0;
        QString monitor;
    };

    static QCommandLineOption modelOption();
    static QCommandLineOption versionOption();
    static QCommandLineOption monitorOption(); // default: production

    static Target target(const QCommandLineParser& parser);
    static ModelVersion resolveVersion(const Workspace& workspace, const Target& target);
    static DriftMonitor resolveMonitor(const Workspace& workspace, const Target& target);

    // The KEY=VALUE values of a repeatable option, in order.
    static QList<std::pair<QString, QString>> pairs(const QCommandLineParser& parser, const QString& option);
    static double number(const QString& option, const std::pair<QString, QString>& pair);
    // --threshold KEY=VALUE onto thresholds; an unknown key is a usage error naming the known ones.
    static void applyThresholds(const QCommandLineParser& parser, DriftThresholds& thresholds);
};

} // namespace assay::cli
