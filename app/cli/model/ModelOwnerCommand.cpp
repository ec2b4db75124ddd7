#include "ModelOwnerCommand.h"

#include "ModelArgument.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliOutput.h"
#include "app/cli/UsageError.h"
#include "core/registry/Registry.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

namespace assay::cli {

QString ModelOwnerCommand::summary() const {
    return QStringLiteral("name the model owner (a user, who signs) and the business owner");
}

void ModelOwnerCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOptions({
        {QStringLiteral("owner"), QStringLiteral("The login of the user who signs as model owner."),
         QStringLiteral("LOGIN")},
        {QStringLiteral("business-owner"),
         QStringLiteral("Who answers for the business use (free text; kept when not given)."),
         QStringLiteral("TEXT")},
    });
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("The model's name."));
}

int ModelOwnerCommand::run(CliContext& context, const QCommandLineParser& parser) {
    const QString modelName = ModelArgument::name(parser, invokedAs());
    const bool ownerGiven = parser.isSet(QStringLiteral("owner"));
    const bool businessOwnerGiven = parser.isSet(QStringLiteral("business-owner"));
    if (!ownerGiven && !businessOwnerGiven)
        throw UsageError{QStringLiteral("give --owner LOGIN, --business-owner TEXT or both")};
    const auto workspace = Workspace::open(context.workspacePath());
    RegisteredModel model;
    workspace->write([&](WriteTransaction& tx) {
        model = ModelArgument::resolve(tx.workspace(), modelName);
        // Whichever is not given stays as it is.
        if (ownerGiven)
            model.owner = parser.value(QStringLiteral("owner"));
        if (businessOwnerGiven)
            model.businessOwner = parser.value(QStringLiteral("business-owner"));
        Registry::setOwners(tx, model.id, model.owner, model.businessOwner);
    });
    CliOutput::out() << model.name << ": owner "
                     << (model.owner.isEmpty() ? QStringLiteral("(none)") : model.owner);
    if (!model.businessOwner.trimmed().isEmpty())
        CliOutput::out() << ", business owner " << model.businessOwner.trimmed();
    CliOutput::out() << '\n';
    return exitOk;
}

} // namespace assay::cli
