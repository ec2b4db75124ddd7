#pragma once

#include "core/registry/ModelVersion.h"
#include "core/registry/RegisteredModel.h"

#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace assay {
class Workspace;
}

namespace assay::cli {

// The MODEL and --version N arguments of the model commands. A malformed number is a usage
// error; a model or version the workspace does not have is the workspace's answer (exit 1).
class ModelArgument {
public:
    // The one MODEL positional argument; throws UsageError when there is none or more.
    static QString name(const QCommandLineParser& parser, const QString& command);
    static RegisteredModel resolve(const Workspace& workspace, const QString& name);
    static ModelVersion resolveVersion(const Workspace& workspace, const RegisteredModel& model, int version);
    // A positive whole number given with --option, if given; required throws when it is missing.
    static std::optional<int> number(const QCommandLineParser& parser, const QString& option,
                                     bool required = false);
};

} // namespace assay::cli
