#pragma once

#include <QList>
#include <QStringList>

namespace assay::cli {

// Columns aligned with two spaces between them, for the table formats of the model commands.
// The last column is not padded, so that long text (a rule, a gate's detail) runs on freely.
class TextTable {
public:
    explicit TextTable(const QStringList& header)
        : m_rows{header} {}

    void addRow(const QStringList& row) { m_rows.append(row); }
    bool isEmpty() const { return m_rows.size() <= 1; }
    QString text(const QString& indent = {}) const;

private:
    QList<QStringList> m_rows;
};

} // namespace assay::cli
