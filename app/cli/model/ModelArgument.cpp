#include "ModelArgument.h"

#include "app/cli/UsageError.h"
#include "core/base/AssayError.h"
#include "core/registry/Registry.h"

namespace assay::cli {

QString ModelArgument::name(const QCommandLineParser& parser, const QString& command) {
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1 || args.first().isEmpty())
        throw UsageError{QStringLiteral("%1 takes one MODEL").arg(command)};
    return args.first();
}

RegisteredModel ModelArgument::resolve(const Workspace& workspace, const QString& name) {
    if (const std::optional<RegisteredModel> model = Registry(workspace).modelByName(name))
        return *model;
    throw AssayError(QStringLiteral("There is no registered model \"%1\".").arg(name));
}

ModelVersion ModelArgument::resolveVersion(const Workspace& workspace, const RegisteredModel& model,
                                           int version) {
    if (const std::optional<ModelVersion> found = Registry(workspace).version(model.id, version))
        return *found;
    throw AssayError(QStringLiteral("Model \"%1\" has no version %2.").arg(model.name).arg(version));
}

std::optional<int> ModelArgument::number(const QCommandLineParser& parser, const QString& option,
                                         bool required) {
    if (!parser.isSet(option)) {
        if (required)
            throw UsageError{QStringLiteral("--%1 is required").arg(option)};
        return std::nullopt;
    }
    bool ok = false;
    const QString value = parser.value(option);
    const int parsed = value.toInt(&ok);
    if (!ok || parsed < 1)
        throw UsageError{
            QStringLiteral("--%1 takes a whole number of 1 or more, not \"%2\"").arg(option, value)};
    return parsed;
}

} // namespace assay::cli
