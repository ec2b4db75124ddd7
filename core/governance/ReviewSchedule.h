#pragma once

#include "ReviewDate.h"

#include <QList>

namespace assay {

class Workspace;
class WriteTransaction;

// Periodic reviews (DESIGN §5): when a promotion or a review executes, the model's next review
// falls the tier's review period later.
class ReviewSchedule {
public:
    explicit ReviewSchedule(const Workspace& workspace)
        : m_workspace(workspace) {}

    static qint64 addMonths(qint64 at, int months);
    static void schedule(WriteTransaction& tx, qint64 modelId, int months, qint64 requestId);

    std::optional<ReviewDate> next(qint64 modelId) const;
    QList<ReviewDate> overdue(qint64 now) const;

private:
    const Workspace& m_workspace;
};

} // namespace assay
