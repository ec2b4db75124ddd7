#pragma once

#include "core/drift/DriftThresholds.h"

#include <QHash>
#include <QWidget>

class QDoubleSpinBox;

namespace assay {

// A monitor's thresholds, one spin box per key DriftThresholds names (object names
// "threshold_<key>"), each labelled with its test and the side of it that drifts.
class DriftThresholdsForm : public QWidget {
    Q_OBJECT

public:
    explicit DriftThresholdsForm(QWidget* parent = nullptr);

    void setThresholds(const DriftThresholds& thresholds);
    DriftThresholds thresholds() const;
    QDoubleSpinBox* spinBox(const QString& key) const { return m_boxes.value(key); }

signals:
    void thresholdsChanged();

private:
    DriftThresholds m_base; // keeps what the form does not show (small_reference)
    QHash<QString, QDoubleSpinBox*> m_boxes;
};

} // namespace assay
