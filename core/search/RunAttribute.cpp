#include "RunAttribute.h"

#include <array>

namespace assay {
namespace {

using Type = RunAttribute::Type;

// MLflow's searchable run attributes first (run_id, run_name, status, user_id, start_time with
// its alias created, end_time), then Assay's own. MLflow's artifact_uri has no counterpart here.
constexpr std::array<RunAttribute, 12> attributes{{
    {"run_id", "run_uid", Type::Text, "r.uid"},
    {"run_name", "name", Type::Text, "r.name"},
    {"status", "", Type::Text, "r.status"},
    {"user_id", "user", Type::Text, "r.user"},
    {"start_time", "created", Type::Number, "r.start_time"},
    {"end_time", "", Type::Number, "r.end_time"},
    {"duration", "", Type::Number, "(r.end_time - r.start_time)"},
    {"experiment_name", "experiment", Type::Text,
     "(SELECT x.name FROM experiments x WHERE x.id = r.experiment_id)"},
    {"experiment_id", "", Type::Number, "r.experiment_id"},
    {"source_commit", "", Type::Text, "r.source_commit"},
    {"source_name", "", Type::Text, "r.source_name"},
    // The parent's run id, so that `parent_run_id = '...'` lists the runs of a sweep.
    {"parent_run_id", "", Type::Text, "(SELECT pr.uid FROM runs pr WHERE pr.id = r.parent_run_id)"},
}};

} // namespace

bool RunAttribute::matches(const QString& candidate) const {
    if (candidate.compare(QLatin1String(m_name), Qt::CaseInsensitive) == 0)
        return true;
    const QStringList aliases = QString::fromLatin1(m_aliases).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& alias : aliases) {
        if (candidate.compare(alias, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

const RunAttribute* RunAttribute::find(const QString& name) {
    for (const RunAttribute& attribute : attributes) {
        if (attribute.matches(name))
            return &attribute;
    }
    return nullptr;
}

QStringList RunAttribute::names() {
    QStringList result;
    for (const RunAttribute& attribute : attributes) {
        result << QLatin1String(attribute.m_name);
        result << QString::fromLatin1(attribute.m_aliases).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    return result;
}

} // namespace assay
