#include "SavedViews.h"

#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace assay {
namespace {

const QString viewColumns = QStringLiteral("id, scope, name, filter, columns, sort, updated_at, updated_by");

QList<qint64> idsOf(const QString& scope) {
    QList<qint64> ids;
    for (const QString& part : scope.split(QLatin1Char(','), Qt::SkipEmptyParts))
        ids << part.toLongLong();
    return ids;
}

SavedView readView(const QSqlQuery& query) {
    SavedView view;
    view.id = query.value(0).toLongLong();
    view.experimentIds = idsOf(query.value(1).toString());
    view.name = query.value(2).toString();
    view.filter = query.value(3).toString();
    for (const QJsonValue& column : QJsonDocument::fromJson(query.value(4).toString().toUtf8()).array())
        view.columns << column.toString();
    view.sort = query.value(5).toString();
    view.updatedAt = query.value(6).toLongLong();
    view.updatedBy = query.value(7).toString();
    return view;
}

QString entityOf(const QString& scope, const QString& name) {
    return QStringLiteral("view:%1/%2").arg(scope.isEmpty() ? QStringLiteral("all") : scope, name);
}

} // namespace

QString SavedViews::scopeKey(QList<qint64> experimentIds) {
    std::sort(experimentIds.begin(), experimentIds.end());
    experimentIds.erase(std::unique(experimentIds.begin(), experimentIds.end()), experimentIds.end());
    QStringList parts;
    for (qint64 id : experimentIds)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}

qint64 SavedViews::save(WriteTransaction& tx, const SavedView& view) {
    const QString name = view.name.trimmed();
    if (name.isEmpty())
        throw AssayError(QStringLiteral("A saved view needs a name."));
    const QString scope = scopeKey(view.experimentIds);
    const QString columns = QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(view.columns)).toJson(QJsonDocument::Compact));
    // An upsert keeps the id of a view saved again, so that whoever has it selected keeps it.
    tx.run(
        QStringLiteral("INSERT INTO saved_views (scope, name, filter, columns, sort, updated_at, updated_by) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (scope, name) DO UPDATE SET "
                       "filter = excluded.filter, columns = excluded.columns, sort = excluded.sort, "
                       "updated_at = excluded.updated_at, updated_by = excluded.updated_by"),
        {scope, name, view.filter, columns, view.sort, tx.now(), tx.actor()});
    const qint64 id =
        SqlQuery::scalar(tx.database(),
                         QStringLiteral("SELECT id FROM saved_views WHERE scope = ? AND name = ?"),
                         {scope, name})
            .toLongLong();
    tx.audit(QStringLiteral("view.save"), entityOf(scope, name),
             {{QStringLiteral("filter"), view.filter},
              {QStringLiteral("columns"), QJsonArray::fromStringList(view.columns)},
              {QStringLiteral("sort"), view.sort}});
    tx.changes().add(EntityKind::SavedView, id);
    return id;
}

void SavedViews::remove(WriteTransaction& tx, qint64 viewId) {
    QSqlQuery found = tx.run(QStringLiteral("SELECT scope, name FROM saved_views WHERE id = ?"), {viewId});
    if (!found.next())
        throw AssayError(QStringLiteral("There is no saved view with id %1.").arg(viewId));
    const QString entity = entityOf(found.value(0).toString(), found.value(1).toString());
    found.finish();
    tx.run(QStringLiteral("DELETE FROM saved_views WHERE id = ?"), {viewId});
    tx.audit(QStringLiteral("view.delete"), entity, {});
    tx.changes().add(EntityKind::SavedView, viewId);
}

QList<SavedView> SavedViews::forScope(const QList<qint64>& experimentIds) const {
    QSqlQuery query = SqlQuery::run(
        m_workspace.database(),
        QStringLiteral("SELECT %1 FROM saved_views WHERE scope = ? ORDER BY name COLLATE NOCASE")
            .arg(viewColumns),
        {scopeKey(experimentIds)});
    QList<SavedView> views;
    while (query.next())
        views << readView(query);
    return views;
}

std::optional<SavedView> SavedViews::byName(const QList<qint64>& experimentIds, const QString& name) const {
    QSqlQuery query = SqlQuery::run(
        m_workspace.database(),
        QStringLiteral("SELECT %1 FROM saved_views WHERE scope = ? AND name = ?").arg(viewColumns),
        {scopeKey(experimentIds), name.trimmed()});
    return query.next() ? std::optional<SavedView>(readView(query)) : std::nullopt;
}

} // namespace assay
