#include "RunStatus.h"

#include <array>
#include <utility>

namespace assay {
namespace {

constexpr std::array<std::pair<RunStatus, const char*>, 5> names{{
    {RunStatus::Running, "RUNNING"},
    {RunStatus::Scheduled, "SCHEDULED"},
    {RunStatus::Finished, "FINISHED"},
    {RunStatus::Failed, "FAILED"},
    {RunStatus::Killed, "KILLED"},
}};

} // namespace

QString runStatusName(RunStatus status) {
    for (const auto& [value, name] : names) {
        if (value == status)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<RunStatus> runStatusFromName(const QString& name) {
    for (const auto& [value, text] : names) {
        if (name.compare(QLatin1String(text), Qt::CaseInsensitive) == 0)
            return value;
    }
    return std::nullopt;
}

} // namespace assay
