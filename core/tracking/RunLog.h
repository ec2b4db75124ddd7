#pragma once

#include "RunLogEntry.h"

#include <QIODevice>
#include <QList>
#include <QStringList>

namespace assay {

class Workspace;

// `assay-cli log`: runs, params, tags, metric points and dataset inputs as JSON lines. A batch is
// atomic: the whole input is parsed and checked first, then written in one transaction, and any
// bad line rejects the whole batch with "SOURCE:LINE: reason" and writes nothing.
class RunLog {
public:
    struct Summary {
        int lines = 0;
        int runsCreated = 0;
        int runsUpdated = 0;
        qint64 points = 0;
        QStringList runUids; // in line order, one per line
    };

    static QList<RunLogEntry> parse(QIODevice& input, const QString& sourceName);
    static Summary commit(Workspace& workspace, const QList<RunLogEntry>& entries, const QString& sourceName);
};

} // namespace assay
