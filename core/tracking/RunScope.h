#pragma once

#include <QList>
#include <QString>

namespace assay {

// Which runs a listing covers: those of the given experiments (all of them when empty) that
// match the filter, a run search expression (DESIGN §4, RunFilterParser); a blank filter matches
// every run. RunQuery throws RunFilterError when the filter does not parse.
struct RunScope {
    QList<qint64> experimentIds;
    bool includeDeleted = false;
    QString filter{};
};

} // namespace assay
