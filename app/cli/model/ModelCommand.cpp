#include "ModelCommand.h"

#include "ModelAssessCommand.h"
#include "ModelCardCommand.h"
#include "ModelDecideCommand.h"
#include "ModelListCommand.h"
#include "ModelMetricCommand.h"
#include "ModelOwnerCommand.h"
#include "ModelRegisterCommand.h"
#include "ModelRequestCommand.h"
#include "ModelRequestsCommand.h"
#include "ModelShowCommand.h"
#include "ModelWithdrawCommand.h"

namespace assay::cli {

ModelCommand::ModelCommand() {
    addSubcommand(std::make_unique<ModelRegisterCommand>());
    addSubcommand(std::make_unique<ModelListCommand>());
    addSubcommand(std::make_unique<ModelShowCommand>());
    addSubcommand(std::make_unique<ModelOwnerCommand>());
    addSubcommand(std::make_unique<ModelMetricCommand>());
    addSubcommand(std::make_unique<ModelCardCommand>());
    addSubcommand(std::make_unique<ModelAssessCommand>());
    addSubcommand(std::make_unique<ModelRequestCommand>());
    addSubcommand(std::make_unique<ModelRequestsCommand>());
    addSubcommand(std::make_unique<ModelDecideCommand>());
    addSubcommand(std::make_unique<ModelWithdrawCommand>());
}

QString ModelCommand::summary() const {
    return QStringLiteral("registered models, risk tiers, promotion requests and signed decisions");
}

} // namespace assay::cli
