#pragma once

#include "RunRow.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <optional>

namespace assay {

// Writes a run listing as an aligned text table, JSON or CSV (RFC 4180), with one column per
// param and metric key. NaN and infinities are written "nan", "inf" and "-inf", as MLflow does.
class RunListFormat {
public:
    enum class Format { Table, Json, Csv };

    static std::optional<Format> fromName(const QString& name);
    static QByteArray write(Format format, const QList<RunRow>& rows, const QStringList& paramKeys,
                            const QStringList& metricKeys);
    static QString formatValue(double value);

private:
    static QByteArray table(const QList<QStringList>& cells);
    static QByteArray csv(const QList<QStringList>& cells);
    static QByteArray json(const QList<RunRow>& rows, const QStringList& paramKeys,
                           const QStringList& metricKeys);
};

} // namespace assay
