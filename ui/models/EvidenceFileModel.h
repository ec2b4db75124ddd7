#pragma once

#include "core/governance/EvidenceFile.h"

#include <QAbstractTableModel>
#include <QList>

namespace assay {

class ChangeSet;
class WorkspaceSession;

// The evidence files of one model version (EvidenceFiles::files), reloaded when a commit
// touches that version's evidence.
class EvidenceFileModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        KindColumn,
        NameColumn,
        SizeColumn,
        Sha256Column,
        AddedByColumn,
        AddedAtColumn,
        ColumnCount
    };
    static constexpr int FileIdRole = Qt::UserRole + 1;
    static constexpr int sha256PrefixLength = 12;

    explicit EvidenceFileModel(WorkspaceSession& session, QObject* parent = nullptr);

    void setVersion(qint64 versionId);
    qint64 versionId() const { return m_versionId; }
    const EvidenceFile& file(int row) const { return m_files.at(row); }
    void reload();

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void loadFailed(const QString& message);

private:
    void onChanged(const ChangeSet& changes);
    QVariant display(const EvidenceFile& file, int column) const;

    WorkspaceSession& m_session;
    qint64 m_versionId = 0;
    QList<EvidenceFile> m_files;
};

} // namespace assay
