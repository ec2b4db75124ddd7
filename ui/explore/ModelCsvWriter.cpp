#include "ModelCsvWriter.h"

#include <QAbstractItemModel>
#include <QStringList>

namespace assay {
namespace {

QString exportText(const QVariant& exported, const QVariant& display) {
    return exported.isValid() ? exported.toString() : display.toString();
}

} // namespace

QString ModelCsvWriter::field(const QString& text) {
    static const QString special = QStringLiteral(",\"\r\n");
    bool quote = false;
    for (QChar c : text)
        quote = quote || special.contains(c);
    if (!quote)
        return text;
    QString escaped = text;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QByteArray ModelCsvWriter::write(const QAbstractItemModel& model, const QString& cornerTitle) {
    const int rows = model.rowCount();
    const int columns = model.columnCount();
    QString out;
    QStringList line{field(cornerTitle)};
    for (int column = 0; column < columns; ++column)
        line.append(field(exportText(model.headerData(column, Qt::Horizontal, ExportRole),
                                     model.headerData(column, Qt::Horizontal))));
    out += line.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    for (int row = 0; row < rows; ++row) {
        line = {field(exportText(model.headerData(row, Qt::Vertical, ExportRole),
                                 model.headerData(row, Qt::Vertical)))};
        for (int column = 0; column < columns; ++column) {
            const QModelIndex index = model.index(row, column);
            line.append(field(exportText(index.data(ExportRole), index.data())));
        }
        out += line.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

} // namespace assay
