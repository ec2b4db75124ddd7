#pragma once

#include <QString>

namespace assay {

// How long something has waited, in the words a person uses: "just now", "5 minutes", "3 days",
// "2 months". Reviewers read it to see what has waited longest, not to the second.
class RelativeTimeFormat {
public:
    static QString elapsed(qint64 fromMs, qint64 nowMs);
};

} // namespace assay
