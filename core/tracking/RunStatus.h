#pragma once

#include <QString>

#include <optional>

namespace assay {

// MLflow's run statuses, so imported and logged runs mean the same thing.
enum class RunStatus { Running, Scheduled, Finished, Failed, Killed };

QString runStatusName(RunStatus status);
std::optional<RunStatus> runStatusFromName(const QString& name);

} // namespace assay
