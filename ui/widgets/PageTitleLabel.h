#pragma once

#include <QLabel>

namespace assay {

// The bold, slightly enlarged heading at the top of a page ("340 runs in churn-prediction"),
// selectable so that names and ids can be copied. One class so that every page looks the same.
class PageTitleLabel : public QLabel {
    Q_OBJECT

public:
    explicit PageTitleLabel(const QString& objectName, double scale = 1.15, QWidget* parent = nullptr);
};

} // namespace assay
