#include "ReviewStatusStyle.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

#include <map>

namespace assay {
namespace {

constexpr int iconSize = 32; // drawn at twice the size for high-DPI screens

QPixmap blank() {
    QPixmap pixmap(iconSize, iconSize);
    pixmap.fill(Qt::transparent);
    return pixmap;
}

QIcon finish(QPixmap pixmap) {
    pixmap.setDevicePixelRatio(2.0);
    return QIcon(pixmap);
}

} // namespace

QColor ReviewStatusStyle::good() {
    return QColor(0x2e, 0xa0, 0x43);
}

QColor ReviewStatusStyle::warning() {
    return QColor(0xc9, 0x7a, 0x00);
}

QColor ReviewStatusStyle::bad() {
    return QColor(0xda, 0x36, 0x33);
}

QColor ReviewStatusStyle::neutral() {
    return QGuiApplication::palette().color(QPalette::PlaceholderText);
}

QColor ReviewStatusStyle::gateColor(Gate::Status status) {
    switch (status) {
    case Gate::Status::Passed:
        return good();
    case Gate::Status::Failed:
        return bad();
    case Gate::Status::NotApplicable:
        return neutral();
    }
    return neutral();
}

QIcon ReviewStatusStyle::gateIcon(Gate::Status status) {
    static std::map<std::pair<Gate::Status, QRgb>, QIcon> cache;
    const QColor fill = gateColor(status);
    const auto key = std::make_pair(status, fill.rgba());
    if (const auto found = cache.find(key); found != cache.end())
        return found->second;
    QPixmap pixmap = blank();
    {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(fill);
        painter.drawEllipse(QRectF(3, 3, 26, 26));
        painter.setPen(QPen(Qt::white, 3.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        if (status == Gate::Status::Passed) {
            const QPointF tick[] = {{9.5, 16.5}, {14, 21}, {22.5, 11.5}};
            painter.drawPolyline(tick, 3);
        } else if (status == Gate::Status::Failed) {
            painter.drawLine(QPointF(11, 11), QPointF(21, 21));
            painter.drawLine(QPointF(21, 11), QPointF(11, 21));
        } else {
            painter.drawLine(QPointF(10, 16), QPointF(22, 16));
        }
    }
    return cache.emplace(key, finish(pixmap)).first->second;
}

QColor ReviewStatusStyle::signatureColor(Decision::Status status) {
    switch (status) {
    case Decision::Status::Verified:
        return good();
    case Decision::Status::Stale:
        return warning();
    case Decision::Status::Invalid:
        return bad();
    }
    return neutral();
}

QColor ReviewStatusStyle::requestColor(PromotionRequest::Status status) {
    switch (status) {
    case PromotionRequest::Status::Open:
        return QColor(0x2f, 0x81, 0xf7);
    case PromotionRequest::Status::Executed:
        return good();
    case PromotionRequest::Status::Rejected:
        return bad();
    case PromotionRequest::Status::Withdrawn:
        return neutral();
    }
    return neutral();
}

QIcon ReviewStatusStyle::dot(const QColor& color) {
    static std::map<QRgb, QIcon> cache;
    if (const auto found = cache.find(color.rgba()); found != cache.end())
        return found->second;
    QPixmap pixmap = blank();
    {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawEllipse(QRectF(9, 9, 14, 14));
    }
    return cache.emplace(color.rgba(), finish(pixmap)).first->second;
}

} // namespace assay
