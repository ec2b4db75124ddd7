#pragma once

#include <QList>
#include <QPointF>

namespace assay {

// TensorBoard's (and MLflow's) curve smoothing: an exponential moving average with weight w in
// [0, 1), debiased so that the first points are not pulled towards zero:
//   last = w·last + (1−w)·y,  smoothed = last / (1 − w^n)  after n finite points.
// Non-finite values pass through unchanged and do not enter the average. x is untouched.
class EmaSmoothing {
public:
    static QList<QPointF> apply(const QList<QPointF>& points, double weight);
};

} // namespace assay
