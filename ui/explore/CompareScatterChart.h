#pragma once

#include "CompareRun.h"

#include <QChartView>
#include <QHash>

class QScatterSeries;

namespace assay {

// Any param or metric of the compared runs against another: one point per run, in the run's
// colour (one QScatterSeries per run, so that hiding a run hides its point). A categorical param
// is laid out as evenly spaced categories, sorted, named on its axis.
class CompareScatterChart : public QChartView {
    Q_OBJECT

public:
    explicit CompareScatterChart(QWidget* parent = nullptr);

    void setRuns(const QList<CompareRun>& runs);
    // Columns are "params.<key>" or "metrics.<key>".
    void setColumns(const QString& xColumn, const QString& yColumn);
    void setRunVisible(qint64 runId, bool visible);
    QScatterSeries* seriesOf(qint64 runId) const { return m_series.value(runId); }
    // Runs drawn: those with a value on both axes.
    int pointCount() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    // The run's coordinate on a column, and the categories when it is categorical.
    QAbstractAxis* makeAxis(const QString& column, QStringList& categories) const;

    QList<CompareRun> m_runs;
    QString m_xColumn;
    QString m_yColumn;
    QHash<qint64, QScatterSeries*> m_series;
    QHash<qint64, bool> m_hidden;
};

} // namespace assay
