#include "RunRecord.h"

#include <QStringList>

#include <optional>

namespace assay {
namespace {

std::optional<qint64> optionalInt(const QVariant& value) {
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

} // namespace

QString RunRecord::columns(const QString& alias) {
    static const QStringList names{
        QStringLiteral("id"),          QStringLiteral("uid"),           QStringLiteral("experiment_id"),
        QStringLiteral("name"),        QStringLiteral("status"),        QStringLiteral("user"),
        QStringLiteral("start_time"),  QStringLiteral("end_time"),      QStringLiteral("source_commit"),
        QStringLiteral("source_name"), QStringLiteral("parent_run_id"), QStringLiteral("lifecycle")};
    if (alias.isEmpty())
        return names.join(QStringLiteral(", "));
    QStringList qualified;
    for (const QString& name : names)
        qualified << alias + QLatin1Char('.') + name;
    return qualified.join(QStringLiteral(", "));
}

Run RunRecord::read(const QSqlQuery& query, int first) {
    Run run;
    run.id = query.value(first).toLongLong();
    run.uid = query.value(first + 1).toString();
    run.experimentId = query.value(first + 2).toLongLong();
    run.name = query.value(first + 3).toString();
    run.status = runStatusFromName(query.value(first + 4).toString()).value_or(RunStatus::Running);
    run.user = query.value(first + 5).toString();
    run.startTime = optionalInt(query.value(first + 6));
    run.endTime = optionalInt(query.value(first + 7));
    run.sourceCommit = query.value(first + 8).toString();
    run.sourceName = query.value(first + 9).toString();
    run.parentRunId = optionalInt(query.value(first + 10));
    run.deleted = query.value(first + 11).toString() == QLatin1String("deleted");
    return run;
}

} // namespace assay
