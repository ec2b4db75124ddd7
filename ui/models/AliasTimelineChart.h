#pragma once

#include "AliasTimeline.h"
#include "core/registry/AliasChange.h"

#include <QDate>
#include <QHash>
#include <QWidget>

#include <optional>

namespace assay {

// Which version each alias pointed at over time: one lane per alias (production on top), time
// running left to right up to now, a bar per version held, in that version's colour and
// labelled with it. A gap is a time the alias was not set. A dashed line marks the date asked
// about; clicking a lane asks about the date under the pointer.
class AliasTimelineChart : public QWidget {
    Q_OBJECT

public:
    explicit AliasTimelineChart(QWidget* parent = nullptr);

    // aliases in lane order; history per alias oldest first; now ends the open bars.
    void setHistory(const QStringList& aliases, const QHash<QString, QList<AliasChange>>& history,
                    qint64 now);
    void setMarker(std::optional<qint64> at);
    std::optional<qint64> marker() const { return m_marker; }
    // The time range drawn, for tests: [first move, now].
    qint64 startTime() const { return m_start; }
    qint64 endTime() const { return m_end; }
    // The version drawn at time t in an alias's lane, as the chart computed it.
    std::optional<int> versionDrawnAt(const QString& alias, qint64 at) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void dateClicked(const QDate& date);

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    struct Lane {
        QString alias;
        QList<AliasChange> history;
        QList<AliasTimeline::Segment> segments;
    };

    QRect plotRect() const;
    QRect laneRect(int lane) const;
    double xOf(qint64 at) const;
    qint64 timeAt(double x) const;
    int gutterWidth() const;
    void paintLane(QPainter& painter, const Lane& lane, const QRect& rect) const;
    void paintAxis(QPainter& painter) const;
    QString segmentToolTip(const Lane& lane, const AliasTimeline::Segment& segment) const;

    QList<Lane> m_lanes;
    qint64 m_start = 0;
    qint64 m_end = 0;
    std::optional<qint64> m_marker;
};

} // namespace assay
