#pragma once

#include <QAbstractTableModel>
#include <QStringList>

namespace assay {

// The current-data files waiting to be added to a monitor, each with the label its window gets
// when the monitor makes one window per file (the file's base name unless edited).
class DriftDataFileModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { FileColumn, WindowColumn, ColumnCount };

    // perFile: the monitor makes one window per file, so that labels can be edited; otherwise
    // splitText says how a file is cut ("by week of \"date\"").
    DriftDataFileModel(bool perFile, const QString& splitText, QObject* parent = nullptr);

    void addFiles(const QStringList& paths); // a file already listed is skipped
    void removeFile(int row);
    QString path(int row) const { return m_files.value(row).path; }
    QString label(int row) const { return m_files.value(row).label; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct File {
        QString path;
        QString label;
    };

    bool m_perFile;
    QString m_splitText;
    QList<File> m_files;
};

} // namespace assay
