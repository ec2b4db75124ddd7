#pragma once

#include <QByteArray>
#include <QString>

class QAbstractItemModel;

namespace assay {

// A table model as CSV (RFC 4180, UTF-8): the header row, then one line per row with the
// vertical header first. Each cell is the model's ExportRole when it gives one (exact numbers,
// plain keys), else the display text.
class ModelCsvWriter {
public:
    static constexpr int ExportRole = Qt::UserRole + 64;

    static QByteArray write(const QAbstractItemModel& model, const QString& cornerTitle);
    static QString field(const QString& text);
};

} // namespace assay
