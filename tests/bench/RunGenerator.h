#pragma once

#include "GeneratedRun.h"

#include <QtGlobal>

#include <random>

namespace assay {
class WriteTransaction;
}

namespace assay::bench {

// Runs of a hyperparameter search by the hundred thousand, for the benchmarks: a model family
// and 19 more params (numbers over four orders of magnitude, and options), a team and a stage
// tag, seven in ten finished, and 10 metrics ("auc" first) of a few points each. Run `index`
// starts a minute after run `index - 1`.
class RunGenerator {
public:
    static constexpr int paramCount = 20;
    static constexpr int metricCount = 10;

    // Every draw comes from rng, which the caller may go on using for draws of its own.
    RunGenerator(std::mt19937_64& rng, int pointsPerMetric);

    GeneratedRun generate(int index, qint64 experimentId);
    // Writes the run with its params, tags and metrics through the core API, gives it a new
    // uid, and returns its id.
    static qint64 write(WriteTransaction& tx, GeneratedRun& generated);
    static QString metricName(int k);

private:
    std::mt19937_64& m_rng;
    int m_pointsPerMetric;
};

} // namespace assay::bench
