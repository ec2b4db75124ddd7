#include "DriftThresholdsForm.h"

#include "core/drift/DriftMethod.h"

#include <QDoubleSpinBox>
#include <QFormLayout>

namespace assay {

namespace {
const QString datasetShare = QStringLiteral("dataset_share");
}

DriftThresholdsForm::DriftThresholdsForm(QWidget* parent)
    : QWidget(parent) {
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    QStringList keys = DriftMethod::monitorable();
    keys << datasetShare;
    for (const QString& key : keys) {
        auto* box = new QDoubleSpinBox;
        box->setObjectName(QStringLiteral("threshold_") + key);
        box->setDecimals(4);
        box->setSingleStep(0.01);
        QString label;
        if (key == datasetShare) {
            box->setRange(0.01, 1);
            label = tr("Dataset drift when this share of features drifts:");
        } else if (DriftMethod::isPValue(key)) {
            // Core refuses 0 and 1 themselves.
            box->setRange(0.0001, 0.9999);
            label = (key == QLatin1String("ks") ? tr("%1 at most:") : tr("%1 below:"))
                        .arg(DriftMethod::label(key));
        } else {
            box->setRange(0.0001, 100);
            label = tr("%1 at least:").arg(DriftMethod::label(key));
        }
        connect(box, &QDoubleSpinBox::valueChanged, this, &DriftThresholdsForm::thresholdsChanged);
        form->addRow(label, box);
        m_boxes.insert(key, box);
    }
    setThresholds(DriftThresholds{});
}

void DriftThresholdsForm::setThresholds(const DriftThresholds& thresholds) {
    m_base = thresholds;
    const QJsonObject json = thresholds.toJson();
    for (auto it = m_boxes.cbegin(); it != m_boxes.cend(); ++it) {
        const QSignalBlocker blocker(it.value());
        it.value()->setValue(json.value(it.key()).toDouble());
    }
    emit thresholdsChanged();
}

DriftThresholds DriftThresholdsForm::thresholds() const {
    DriftThresholds thresholds = m_base;
    for (auto it = m_boxes.cbegin(); it != m_boxes.cend(); ++it)
        thresholds.set(it.key(), it.value()->value());
    return thresholds;
}

} // namespace assay
