#pragma once

#include "Run.h"

#include <QSqlQuery>
#include <QString>

namespace assay {

// The one place that maps the runs table's columns to a Run, so that every reader of runs
// selects the same columns in the same order.
class RunRecord {
public:
    // "id, uid, ... lifecycle", each prefixed with alias and a dot when alias is given.
    static QString columns(const QString& alias = {});
    static constexpr int columnCount = 12;
    // Reads the columns() selected from position first on.
    static Run read(const QSqlQuery& query, int first = 0);
};

} // namespace assay
