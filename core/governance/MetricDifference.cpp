#include "MetricDifference.h"

#include <cmath>

namespace assay {

MetricDifference MetricDifference::between(double candidate, double champion, bool higherIsBetter) {
    return {candidate - champion, higherIsBetter};
}

QString MetricDifference::number(double value) {
    QString text = QString::number(value, 'g', 4);
    if (text.startsWith(QLatin1Char('-')))
        text.replace(0, 1, QChar(0x2212)); // −, which no reader takes for a hyphen
    return text;
}

QString MetricDifference::signedText() const {
    if (value == 0)
        return QStringLiteral("0");
    return value > 0 ? QLatin1Char('+') + number(value) : number(value);
}

QString MetricDifference::verdict() const {
    if (value == 0)
        return QStringLiteral("the same");
    return QStringLiteral("%1 %2").arg(number(std::fabs(value)),
                                       isBetter() ? QStringLiteral("better") : QStringLiteral("worse"));
}

QString MetricDifference::describe() const {
    return value == 0 ? verdict() : QStringLiteral("%1, %2").arg(signedText(), verdict());
}

} // namespace assay
