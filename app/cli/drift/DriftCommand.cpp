#include "DriftCommand.h"

#include "DriftAddCommand.h"
#include "DriftComputeCommand.h"
#include "DriftMonitorCommand.h"
#include "DriftRulesCommand.h"
#include "DriftStatusCommand.h"
#include "DriftWindowsCommand.h"

namespace assay::cli {

DriftCommand::DriftCommand() {
    addSubcommand(std::make_unique<DriftComputeCommand>());
    addSubcommand(std::make_unique<DriftMonitorCommand>());
    addSubcommand(std::make_unique<DriftAddCommand>());
    addSubcommand(std::make_unique<DriftStatusCommand>());
    addSubcommand(std::make_unique<DriftWindowsCommand>());
    addSubcommand(std::make_unique<DriftRulesCommand>());
}

QString DriftCommand::summary() const {
    return QStringLiteral("drift of two CSV files, and drift monitors on model versions");
}

} // namespace assay::cli
