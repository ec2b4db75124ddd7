#pragma once

#include "core/registry/AliasChange.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QStringList>

#include <optional>

namespace assay {

// The history of an alias read as spans of time, for the model page's timeline chart and its
// "which version was in production on date D" answer.
class AliasTimeline {
    Q_DECLARE_TR_FUNCTIONS(AliasTimeline)

public:
    // One stretch of time during which the alias held the same version (none: removed).
    struct Segment {
        std::optional<int> version;
        qint64 from = 0;
        qint64 to = 0;         // the next change, or the end given to segments()
        bool open = false;     // still current at the end
        qsizetype change = -1; // the index, in the history, of the move that started it
    };

    // "production" first, then the others by name: production is what reviewers ask about.
    static QStringList ordered(QStringList aliases);
    // history in the order Registry::aliasHistory gives it (oldest first); changes that keep the
    // version merge into one segment. The last segment runs to end.
    static QList<Segment> segments(const QList<AliasChange>& history, qint64 end);
    // When the alias took the version it held at `at`, earlier re-settings to the same version
    // included; none when it held nothing then.
    static std::optional<qint64> heldSince(const QList<AliasChange>& history, qint64 at);
    // "On 2026-03-01 production was v3 (since 2026-02-10)." version is what the registry says
    // the alias held at the end of day.
    static QString answer(const QString& alias, const QDate& day, std::optional<int> version,
                          const QList<AliasChange>& history);
};

} // namespace assay
