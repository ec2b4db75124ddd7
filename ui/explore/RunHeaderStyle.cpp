#include "RunHeaderStyle.h"

#include "ui/widgets/RunValueFormat.h"

#include <QPainter>
#include <QPixmap>

namespace assay {

QVariant RunHeaderStyle::headerData(const CompareRun& run, int role, int runIdRole) {
    if (role == runIdRole)
        return run.run.id;
    switch (role) {
    case Qt::DisplayRole:
        return run.label();
    case Qt::DecorationRole:
        return colorDot(run.color);
    case Qt::ToolTipRole:
        return QStringLiteral("%1\n%2\n%3 · %4")
            .arg(run.label(), run.run.uid, run.experimentName, RunValueFormat::dateTime(run.run.startTime));
    default:
        return {};
    }
}

QIcon RunHeaderStyle::colorDot(const QColor& color) {
    QPixmap pixmap(24, 24);
    pixmap.fill(Qt::transparent);
    {
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawEllipse(QRectF(4, 4, 16, 16));
    }
    pixmap.setDevicePixelRatio(2.0);
    return QIcon(pixmap);
}

} // namespace assay
