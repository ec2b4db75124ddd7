#pragma once

#include "SavedView.h"

#include <QList>

#include <optional>

namespace assay {

class Workspace;
class WriteTransaction;

// The saved views of the runs table (SavedView), stored in the workspace. A view is named
// uniquely within its scope; saving under a name that exists replaces that view. Writes take the
// caller's WriteTransaction and record an audit event each.
class SavedViews {
public:
    explicit SavedViews(const Workspace& workspace)
        : m_workspace(workspace) {}

    // Inserts or replaces the view named view.name in view.experimentIds; returns its id.
    static qint64 save(WriteTransaction& tx, const SavedView& view);
    // Throws AssayError when there is no such view.
    static void remove(WriteTransaction& tx, qint64 viewId);

    // The views of exactly this scope, by name.
    QList<SavedView> forScope(const QList<qint64>& experimentIds) const;
    std::optional<SavedView> byName(const QList<qint64>& experimentIds, const QString& name) const;

    // The scope as stored: sorted ids, comma-separated; "" for all experiments.
    static QString scopeKey(QList<qint64> experimentIds);

private:
    const Workspace& m_workspace;
};

} // namespace assay
