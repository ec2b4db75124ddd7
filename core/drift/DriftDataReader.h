#pragma once

#include "CsvColumnBuilder.h"
#include "CsvReadOptions.h"
#include "CsvRowHandler.h"
#include "DriftDataLayout.h"
#include "DriftDataWindow.h"

#include <QHash>
#include <QList>

namespace assay {

// Reads a reference or current data file for a monitor, streaming it: the feature columns per
// window (by the calendar date of the timestamp column, or the whole file), and the performance
// where labels and predictions are given. Bad cells fail with FILE:LINE:COLUMN.
class DriftDataReader : public CsvRowHandler {
public:
    DriftDataReader(const QString& sourceName, DriftDataLayout layout);

    static QList<DriftDataWindow> read(const QString& path, const DriftDataLayout& layout,
                                       const CsvReadOptions& options = {});

    void header(const QStringList& names) override;
    void row(qint64 line, const std::vector<std::string>& fields,
             const std::vector<qint64>& columns) override;
    // The windows in date order; throws when a feature has no value in the whole file.
    QList<DriftDataWindow> takeWindows();
    const QStringList& features() const { return m_layout.features; }

private:
    struct Window {
        DriftDataWindow data;
        QList<CsvColumnBuilder> builders;
    };

    qsizetype requireColumn(const QStringList& names, const QString& column, const QString& role) const;
    Window& windowOf(qint64 line, const std::string& cell, qint64 column);
    Window& newWindow(const DriftWindowSpan& span);

    QString m_source;
    DriftDataLayout m_layout;
    QList<qsizetype> m_featureIndexes;
    qsizetype m_timestampIndex = -1;
    qsizetype m_labelIndex = -1;
    qsizetype m_predictionIndex = -1;
    std::vector<Window> m_windows;
    QHash<QString, std::size_t> m_windowByLabel;
    std::string m_lastDateText; // rows usually come in time order: skip re-parsing the same date
    std::size_t m_lastWindow = 0;
};

} // namespace assay
