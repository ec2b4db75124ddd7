#include "RunStatusStyle.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

#include <map>

namespace assay {

QColor RunStatusStyle::color(RunStatus status) {
    switch (status) {
    case RunStatus::Finished:
        return QColor(0x2e, 0xa0, 0x43);
    case RunStatus::Running:
        return QColor(0x2f, 0x81, 0xf7);
    case RunStatus::Scheduled:
        return QColor(0xd2, 0x99, 0x22);
    case RunStatus::Failed:
        return QColor(0xda, 0x36, 0x33);
    case RunStatus::Killed:
        return QGuiApplication::palette().color(QPalette::PlaceholderText);
    }
    return {};
}

QColor RunStatusStyle::textColor(RunStatus status) {
    // Only the statuses a reader must not miss get coloured text; the rest keep the palette's.
    switch (status) {
    case RunStatus::Failed:
    case RunStatus::Killed:
        return color(status);
    default:
        return {};
    }
}

QIcon RunStatusStyle::dot(RunStatus status) {
    // Drawn once per status and colour, at twice the size for high-DPI screens.
    static std::map<std::pair<RunStatus, QRgb>, QIcon> cache;
    const QColor fill = color(status);
    const auto key = std::make_pair(status, fill.rgba());
    if (const auto found = cache.find(key); found != cache.end())
        return found->second;
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(fill);
        painter.drawEllipse(QRectF(8, 8, 16, 16));
    }
    pixmap.setDevicePixelRatio(2.0);
    return cache.emplace(key, QIcon(pixmap)).first->second;
}

} // namespace assay
