#pragma once

#include <QString>

#include <vector>

namespace assay::test {

// What one assay_shared_writer process writes, known alike to the writer and to the test that
// counts the writes in the file afterwards: runs, metric points, tags and decisions in fixed
// numbers, in an order shuffled by a seed so that processes do not march in step.
class SharedWritePlan {
public:
    enum class Kind { Run, MetricPoint, Tag, Decision };

    SharedWritePlan(int writes, unsigned seed);

    const std::vector<Kind>& kinds() const { return m_kinds; }
    int count(Kind kind) const;

    // A quarter of the writes each are metric points, tags and decisions; runs take the rest.
    static int decisionsFor(int writes) { return writes / 4; }
    static QString experimentName(const QString& login);
    static QString modelName(const QString& login);
    static QString metricKey();
    static QString tagPrefix();

private:
    std::vector<Kind> m_kinds;
};

} // namespace assay::test
