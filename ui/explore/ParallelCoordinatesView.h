#pragma once

#include "CompareRun.h"

#include <QSet>
#include <QStringList>
#include <QWidget>

#include <optional>

class QPainter;

namespace assay {

// Parallel coordinates over the compared runs: one vertical axis per chosen column ("params.x"
// or "metrics.y"), one polyline per run in its colour. A numeric axis runs from its minimum
// (bottom) to its maximum (top); a categorical param spaces its values evenly, sorted. A run
// without a value on an axis breaks its line there rather than inventing one.
class ParallelCoordinatesView : public QWidget {
    Q_OBJECT

public:
    explicit ParallelCoordinatesView(QWidget* parent = nullptr);

    void setRuns(const QList<CompareRun>& runs);
    void setColumns(const QStringList& columns);
    const QStringList& columns() const { return m_columns; }
    void setRunVisible(qint64 runId, bool visible);

    // Where the run crosses axis i, 0 (bottom) to 1 (top); empty without a value.
    std::optional<double> position(int axis, qint64 runId) const;
    bool isCategorical(int axis) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Axis {
        QString column;
        QString title;
        bool categorical = false;
        double min = 0;
        double max = 0;
        QStringList categories;
        QList<std::optional<double>> positions; // per run, 0..1
    };

    // Where the axes stand: the plot area and the gap between neighbouring axes.
    struct PlotGeometry {
        QRectF area;
        qsizetype count = 0;
        double spacing = 0;
        double xOf(qsizetype axis) const;
        double yOf(double position) const; // position 0 (bottom) to 1 (top)
    };

    void rebuild();
    PlotGeometry plotGeometry() const;
    void paintPlaceholder(QPainter& painter) const;
    void paintRunLines(QPainter& painter, const PlotGeometry& plot) const;
    void paintAxes(QPainter& painter, const PlotGeometry& plot) const;
    void paintAxisTitle(QPainter& painter, qsizetype index, double x, int labelWidth,
                        const QFont& titleFont) const;
    void paintTicks(QPainter& painter, const PlotGeometry& plot, const Axis& axis, double x) const;

    QList<CompareRun> m_runs;
    QStringList m_columns;
    QList<Axis> m_axes;
    QSet<qint64> m_hidden;
};

} // namespace assay
