#include "DriftStyle.h"

#include <QLocale>

#include <cmath>

namespace assay {

DriftStyle::Level DriftStyle::level(double severity, bool drifted) {
    if (drifted)
        return Level::Drifted;
    return severity >= nearSeverity ? Level::Near : Level::Stable;
}

QColor DriftStyle::fill(Level level) {
    switch (level) {
    case Level::Drifted:
        return {0xd6, 0x45, 0x3d};
    case Level::Near:
        return {0xf2, 0xb1, 0x34};
    case Level::Stable:
        break;
    }
    return {0x6a, 0xb8, 0x7a};
}

QColor DriftStyle::text(Level level) {
    return level == Level::Drifted ? QColor(Qt::white) : QColor(0x1b, 0x1b, 0x1b);
}

QString DriftStyle::name(Level level) {
    switch (level) {
    case Level::Drifted:
        return tr("drifted");
    case Level::Near:
        return tr("near the threshold");
    case Level::Stable:
        break;
    }
    return tr("stable");
}

QColor DriftStyle::reference() {
    return {0x4e, 0x79, 0xa7};
}

QColor DriftStyle::current() {
    return {0xf2, 0x8e, 0x2b};
}

QColor DriftStyle::threshold() {
    return {0xd6, 0x45, 0x3d};
}

QString DriftStyle::score(double value) {
    if (value != 0.0 && std::abs(value) < 1e-3)
        return QString::number(value, 'e', 1);
    return QLocale().toString(value, 'g', 3);
}

QString DriftStyle::shortScore(double value) {
    if (value != 0.0 && std::abs(value) < 1e-3)
        return QString::number(value, 'e', 0);
    return QLocale().toString(value, 'g', 2);
}

QStringList DriftStyle::windowLabels(const QList<DriftWindow>& windows) {
    QStringList labels;
    for (const DriftWindow& window : windows)
        labels << window.label;
    // Calendar labels start with their year ("2026-W10"); when all share it, it says nothing.
    const auto sharesYear = [&labels] {
        const QString year = labels.value(0).left(5);
        if (year.size() < 5 || year.at(4) != QLatin1Char('-'))
            return false;
        for (const QString& label : labels) {
            if (!label.startsWith(year) || label.size() <= 5)
                return false;
        }
        return true;
    };
    if (!labels.isEmpty() && sharesYear()) {
        for (QString& label : labels)
            label.remove(0, 5);
    }
    return labels;
}

} // namespace assay
