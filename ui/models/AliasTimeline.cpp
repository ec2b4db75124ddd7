#include "AliasTimeline.h"

#include "ui/widgets/GovernanceFormat.h"

#include <QDateTime>

namespace assay {
namespace {

// The date, with the time as well when it falls on the day asked about.
QString moment(qint64 at, const QDate& day) {
    const QDateTime when = QDateTime::fromMSecsSinceEpoch(at);
    return when.date() == day ? when.toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                              : when.date().toString(Qt::ISODate);
}

// The index of the last change at or before `at`, or -1.
qsizetype lastChangeAt(const QList<AliasChange>& history, qint64 at) {
    qsizetype found = -1;
    for (qsizetype i = 0; i < history.size() && history.at(i).changedAt <= at; ++i)
        found = i;
    return found;
}

} // namespace

QStringList AliasTimeline::ordered(QStringList aliases) {
    const QString production = QStringLiteral("production");
    aliases.removeDuplicates();
    aliases.sort(Qt::CaseInsensitive);
    if (aliases.removeAll(production) > 0)
        aliases.prepend(production);
    return aliases;
}

QList<AliasTimeline::Segment> AliasTimeline::segments(const QList<AliasChange>& history, qint64 end) {
    QList<Segment> result;
    for (qsizetype i = 0; i < history.size(); ++i) {
        const AliasChange& change = history.at(i);
        if (!result.isEmpty() && result.last().version == change.version)
            continue;
        if (!result.isEmpty())
            result.last().to = change.changedAt;
        result.append({change.version, change.changedAt, end, false, i});
    }
    if (!result.isEmpty()) {
        result.last().to = std::max(end, result.last().from);
        result.last().open = true;
    }
    return result;
}

std::optional<qint64> AliasTimeline::heldSince(const QList<AliasChange>& history, qint64 at) {
    qsizetype i = lastChangeAt(history, at);
    if (i < 0 || !history.at(i).version)
        return std::nullopt;
    while (i > 0 && history.at(i - 1).version == history.at(i).version)
        --i;
    return history.at(i).changedAt;
}

QString AliasTimeline::answer(const QString& alias, const QDate& day, std::optional<int> version,
                              const QList<AliasChange>& history) {
    const QString date = day.toString(Qt::ISODate);
    const qint64 at = GovernanceFormat::endOfDay(day);
    if (version) {
        const std::optional<qint64> since = heldSince(history, at);
        return since ? tr("On %1 %2 was v%3 (since %4).")
                           .arg(date, alias)
                           .arg(*version)
                           .arg(moment(*since, day))
                     : tr("On %1 %2 was v%3.").arg(date, alias).arg(*version);
    }
    if (history.isEmpty())
        return tr("%1 has never been set for this model.").arg(alias);
    const qsizetype last = lastChangeAt(history, at);
    if (last < 0)
        return tr("On %1 %2 was not set yet (first set on %3).")
            .arg(date, alias, moment(history.first().changedAt, day));
    return tr("On %1 %2 was not set (removed on %3).")
        .arg(date, alias, moment(history.at(last).changedAt, day));
}

} // namespace assay
