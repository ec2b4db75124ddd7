#include "SharedWritePlan.h"

#include <algorithm>
#include <random>

namespace assay::test {

SharedWritePlan::SharedWritePlan(int writes, unsigned seed) {
    const int quarter = decisionsFor(writes);
    m_kinds.assign(static_cast<std::size_t>(writes - 3 * quarter), Kind::Run);
    for (const Kind kind : {Kind::MetricPoint, Kind::Tag, Kind::Decision})
        m_kinds.insert(m_kinds.end(), static_cast<std::size_t>(quarter), kind);
    if (m_kinds.empty())
        return;
    // Points and tags go to the writer's newest run, so a run comes first.
    std::mt19937 random(seed);
    std::shuffle(m_kinds.begin() + 1, m_kinds.end(), random);
}

int SharedWritePlan::count(Kind kind) const {
    return static_cast<int>(std::count(m_kinds.cbegin(), m_kinds.cend(), kind));
}

QString SharedWritePlan::experimentName(const QString& login) {
    return QStringLiteral("shared-") + login;
}

QString SharedWritePlan::modelName(const QString& login) {
    return QStringLiteral("shared-model-") + login;
}

QString SharedWritePlan::metricKey() {
    return QStringLiteral("shared.loss");
}

QString SharedWritePlan::tagPrefix() {
    return QStringLiteral("shared.tag.");
}

} // namespace assay::test
