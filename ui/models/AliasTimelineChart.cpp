#include "AliasTimelineChart.h"

#include "ui/widgets/GovernanceFormat.h"
#include "ui/widgets/SeriesPalette.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace assay {
namespace {

constexpr int laneHeight = 26;
constexpr int laneGap = 8;
constexpr int topMargin = 10;
constexpr int axisHeight = 26;
constexpr int rightMargin = 40; // room for the "now" label
constexpr qint64 dayMs = 86'400'000;

struct TickStep {
    int days = 0;
    int months = 0;
};

QDate firstTick(const QDate& from, const TickStep& step) {
    if (step.days == 7)
        return from.addDays((8 - from.dayOfWeek()) % 7); // the next Monday
    if (step.days > 0)
        return from;
    QDate month(from.year(), from.month(), 1);
    if (month < from)
        month = month.addMonths(1);
    while ((month.month() - 1) % std::min(step.months, 12) != 0)
        month = month.addMonths(1);
    return month;
}

// Dates, not times: an alias moves a few times a year, and reviewers think in days.
QList<QDate> ticks(qint64 start, qint64 end, int width, int labelWidth) {
    static const QList<TickStep> steps{{1, 0}, {2, 0}, {7, 0},  {0, 1},  {0, 2},
                                       {0, 3}, {0, 6}, {0, 12}, {0, 24}, {0, 60}};
    const QDate from = QDateTime::fromMSecsSinceEpoch(start).date();
    const QDate to = QDateTime::fromMSecsSinceEpoch(end).date();
    const int most = std::max(2, width / labelWidth);
    for (const TickStep& step : steps) {
        QList<QDate> result;
        for (QDate day = firstTick(from, step); day <= to && result.size() <= most;
             day = step.days ? day.addDays(step.days) : day.addMonths(step.months))
            result.append(day);
        if (result.size() <= most || &step == &steps.last())
            return result;
    }
    return {};
}

QString tickFormat(const QList<QDate>& days) {
    if (days.size() >= 2 && days.at(0).daysTo(days.at(1)) >= 365)
        return QStringLiteral("yyyy");
    if (days.size() >= 2 && days.at(0).daysTo(days.at(1)) >= 28)
        return QStringLiteral("yyyy-MM");
    return QStringLiteral("yyyy-MM-dd");
}

} // namespace

AliasTimelineChart::AliasTimelineChart(QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("aliasTimelineChart"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMouseTracking(true);
    setCursor(Qt::PointingHandCursor);
}

void AliasTimelineChart::setHistory(const QStringList& aliases,
                                    const QHash<QString, QList<AliasChange>>& history, qint64 now) {
    m_lanes.clear();
    m_start = now;
    m_end = now;
    for (const QString& alias : aliases) {
        Lane lane{alias, history.value(alias), {}};
        if (!lane.history.isEmpty())
            m_start = std::min(m_start, lane.history.first().changedAt);
        m_lanes.append(lane);
    }
    for (Lane& lane : m_lanes) {
        if (!lane.history.isEmpty())
            m_end = std::max(m_end, lane.history.last().changedAt);
    }
    for (Lane& lane : m_lanes)
        lane.segments = AliasTimeline::segments(lane.history, m_end);
    // A history of one afternoon still gets a readable span.
    m_start = std::min(m_start, m_end - dayMs);
    updateGeometry();
    update();
}

void AliasTimelineChart::setMarker(std::optional<qint64> at) {
    m_marker = at;
    update();
}

std::optional<int> AliasTimelineChart::versionDrawnAt(const QString& alias, qint64 at) const {
    for (const Lane& lane : m_lanes) {
        if (lane.alias != alias)
            continue;
        for (const AliasTimeline::Segment& segment : lane.segments) {
            if (at >= segment.from && (at < segment.to || (segment.open && at <= segment.to)))
                return segment.version;
        }
    }
    return std::nullopt;
}

QSize AliasTimelineChart::sizeHint() const {
    const int lanes = std::max<int>(1, int(m_lanes.size()));
    return {640, topMargin + lanes * (laneHeight + laneGap) + axisHeight};
}

QSize AliasTimelineChart::minimumSizeHint() const {
    return {320, sizeHint().height()};
}

int AliasTimelineChart::gutterWidth() const {
    int widest = 0;
    for (const Lane& lane : m_lanes)
        widest = std::max(widest, fontMetrics().horizontalAdvance(lane.alias));
    return widest + 20;
}

QRect AliasTimelineChart::plotRect() const {
    return QRect(gutterWidth(), topMargin, width() - gutterWidth() - rightMargin,
                 height() - topMargin - axisHeight);
}

QRect AliasTimelineChart::laneRect(int lane) const {
    const QRect plot = plotRect();
    return QRect(plot.left(), plot.top() + lane * (laneHeight + laneGap), plot.width(), laneHeight);
}

double AliasTimelineChart::xOf(qint64 at) const {
    const QRect plot = plotRect();
    const double span = double(std::max<qint64>(1, m_end - m_start));
    return plot.left() + (double(at - m_start) / span) * plot.width();
}

qint64 AliasTimelineChart::timeAt(double x) const {
    const QRect plot = plotRect();
    const double share = std::clamp((x - plot.left()) / std::max(1, plot.width()), 0.0, 1.0);
    return m_start + qint64(share * double(m_end - m_start));
}

void AliasTimelineChart::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    if (m_lanes.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("No alias has been set for this model yet."));
        return;
    }
    for (int i = 0; i < m_lanes.size(); ++i) {
        const QRect lane = laneRect(i);
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRect(0, lane.top(), gutterWidth() - 10, lane.height()),
                         Qt::AlignRight | Qt::AlignVCenter, m_lanes.at(i).alias);
        paintLane(painter, m_lanes.at(i), lane);
    }
    paintAxis(painter);
    if (m_marker && *m_marker >= m_start) {
        QPen pen(palette().color(QPalette::Highlight), 1.5, Qt::DashLine);
        painter.setPen(pen);
        // The end of today lies a little after now.
        const double x = xOf(std::min(*m_marker, m_end));
        painter.drawLine(QPointF(x, topMargin - 4), QPointF(x, plotRect().bottom() + 2));
    }
}

void AliasTimelineChart::paintLane(QPainter& painter, const Lane& lane, const QRect& rect) const {
    // The lane's track, so that a gap (alias removed) reads as a gap and not as missing data.
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette().color(QPalette::AlternateBase));
    painter.drawRoundedRect(rect, 3, 3);
    double freeFrom = rect.left(); // where the last bar drawn ended: room for a label outside
    for (const AliasTimeline::Segment& segment : lane.segments) {
        if (!segment.version)
            continue;
        const double left = xOf(segment.from);
        const double right = std::max(left + 2.0, xOf(segment.to));
        const QRectF bar(left, rect.top() + 2, right - left, rect.height() - 4);
        const QColor fill = SeriesPalette::color(*segment.version - 1);
        painter.setPen(QPen(palette().color(QPalette::Base), 1));
        painter.setBrush(fill);
        painter.drawRoundedRect(bar, 3, 3);
        const QString label = QStringLiteral("v%1").arg(*segment.version);
        const int labelWidth = fontMetrics().horizontalAdvance(label);
        if (labelWidth + 8 <= bar.width()) {
            painter.setPen(fill.lightnessF() > 0.62 ? QColor(0x20, 0x20, 0x20) : QColor(Qt::white));
            painter.drawText(bar, Qt::AlignCenter, label);
        } else if (left - freeFrom >= labelWidth + 8) {
            // A bar too short for its label (a version set yesterday) is named just before it.
            painter.setPen(palette().color(QPalette::WindowText));
            painter.drawText(QRectF(left - labelWidth - 6, bar.top(), labelWidth + 4, bar.height()),
                             Qt::AlignRight | Qt::AlignVCenter, label);
        }
        freeFrom = right;
    }
}

void AliasTimelineChart::paintAxis(QPainter& painter) const {
    const QRect plot = plotRect();
    const QColor muted = palette().color(QPalette::PlaceholderText);
    const int baseline = plot.bottom() + 4;
    painter.setPen(muted);
    painter.drawLine(plot.left(), baseline, plot.right(), baseline);
    const QString sample = QStringLiteral("0000-00-00");
    const int labelWidth = fontMetrics().horizontalAdvance(sample) + 24;
    const QList<QDate> days = ticks(m_start, m_end, plot.width(), labelWidth);
    const QString format = tickFormat(days);
    for (const QDate& day : days) {
        const double x = xOf(QDateTime(day, QTime(0, 0)).toMSecsSinceEpoch());
        painter.drawLine(QPointF(x, baseline), QPointF(x, baseline + 4));
        const QRectF label(x - labelWidth / 2.0, baseline + 5, labelWidth, axisHeight - 8);
        painter.drawText(label, Qt::AlignHCenter | Qt::AlignTop, day.toString(format));
    }
    const double now = xOf(m_end);
    painter.drawLine(QPointF(now, plot.top()), QPointF(now, baseline + 4));
    painter.drawText(QRectF(now + 4, baseline - fontMetrics().height(), rightMargin, fontMetrics().height()),
                     Qt::AlignLeft | Qt::AlignVCenter, tr("now"));
}

QString AliasTimelineChart::segmentToolTip(const Lane& lane, const AliasTimeline::Segment& segment) const {
    const AliasChange& change = lane.history.at(segment.change);
    const QString span = tr("%1 → %2").arg(GovernanceFormat::date(segment.from),
                                           segment.open ? tr("now") : GovernanceFormat::date(segment.to));
    QString text = segment.version ? tr("%1: v%2\n%3").arg(lane.alias).arg(*segment.version).arg(span)
                                   : tr("%1: not set\n%2").arg(lane.alias, span);
    text += tr("\n%1 by %2").arg(segment.version ? tr("Set") : tr("Removed"), change.changedBy);
    if (!change.reason.isEmpty())
        text += tr(": %1").arg(change.reason);
    return text;
}

bool AliasTimelineChart::event(QEvent* event) {
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    const QPoint position = static_cast<QHelpEvent*>(event)->pos();
    for (int i = 0; i < m_lanes.size(); ++i) {
        if (!laneRect(i).contains(position))
            continue;
        const qint64 at = timeAt(position.x());
        for (const AliasTimeline::Segment& segment : m_lanes.at(i).segments) {
            if (at >= segment.from && at <= segment.to) {
                QToolTip::showText(static_cast<QHelpEvent*>(event)->globalPos(),
                                   segmentToolTip(m_lanes.at(i), segment), this);
                return true;
            }
        }
    }
    QToolTip::hideText();
    event->ignore();
    return true;
}

void AliasTimelineChart::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && !m_lanes.isEmpty() &&
        plotRect().adjusted(0, 0, 0, axisHeight).contains(event->position().toPoint()))
        emit dateClicked(QDateTime::fromMSecsSinceEpoch(timeAt(event->position().x())).date());
    QWidget::mousePressEvent(event);
}

} // namespace assay
