#include "EmaSmoothing.h"

#include <cmath>

namespace assay {

QList<QPointF> EmaSmoothing::apply(const QList<QPointF>& points, double weight) {
    if (weight <= 0.0 || points.isEmpty())
        return points;
    QList<QPointF> result;
    result.reserve(points.size());
    double last = 0.0;
    double decay = 1.0; // w^n, kept as a product rather than pow() per point
    for (const QPointF& point : points) {
        const double y = point.y();
        if (!std::isfinite(y)) {
            result.append(point);
            continue;
        }
        last = last * weight + (1.0 - weight) * y;
        decay *= weight;
        result.append(QPointF(point.x(), last / (1.0 - decay)));
    }
    return result;
}

} // namespace assay
