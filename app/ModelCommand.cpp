#include "ModelCommand.h"

#include "ModelAssessCommand.h"
#include "ModelCardCommand.h"
#include "ModelListCommand.h"
#include "ModelMetricCommand.h"
#include "ModelOwnerCommand.h"
#include "ModelRegisterCommand.h"
#include "ModelShowCommand.h"

namespace assay::cli {

ModelCommand::ModelCommand() {
    addSubcommand(std::make_unique<ModelRegisterCommand>());
    addSubcommand(std::make_unique<ModelListCommand>());
    addSubcommand(std::make_unique<ModelShowCommand>());
    addSubcommand(std::make_unique<ModelOwnerCommand>());
    addSubcommand(std::make_unique<ModelMetricCommand>());
    addSubcommand(std::make_unique<ModelCardCommand>());
    addSubcommand(std::make_unique<ModelAssessCommand>());
}

QString ModelCommand::summary() const {
    return QStringLiteral("registered models and their risk tiers");
}

} // namespace assay::cli
