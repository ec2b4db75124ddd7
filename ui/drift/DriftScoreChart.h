#pragma once

#include "DriftChartView.h"

class QAbstractAxis;
class QAreaSeries;
class QLineSeries;
class QScatterSeries;

namespace assay {

class DriftHeatmapModel;
struct DriftWindow;

// One feature's monitored score per window, with the region where drift begins shaded: above
// the threshold for distances, below it for p-values, which are drawn on a log axis. Drifted
// windows are marked in red.
class DriftScoreChart : public DriftChartView {
    Q_OBJECT

public:
    explicit DriftScoreChart(QWidget* parent = nullptr);

    // An empty feature, or a model without windows, shows a sentence instead.
    void setFeature(const DriftHeatmapModel& model, const QString& feature);
    QString feature() const { return m_feature; }
    QLineSeries* scoreSeries() const { return m_score; }
    QScatterSeries* driftedSeries() const { return m_drifted; }

private:
    struct ScoreSpan {
        double low = 0;
        double high = 0;
    };

    void createSeries();
    ScoreSpan appendScores(const DriftHeatmapModel& model, const QString& featureName, bool pValue,
                           double threshold);
    void addToChart(QAbstractAxis* y, QAreaSeries* zone, const QList<DriftWindow>& windows);

    QString m_feature;
    QLineSeries* m_score = nullptr;
    QScatterSeries* m_drifted = nullptr;
};

} // namespace assay
