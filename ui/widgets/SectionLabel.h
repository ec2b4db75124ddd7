#pragma once

#include <QMargins>
#include <QString>

class QLabel;

namespace assay {

// The bold heading over a section of a page (Datasets, Sign-offs, Risk history…).
class SectionLabel {
public:
    // With margins (left, top, right, bottom) where the page's layout wants air around it.
    static QLabel* create(const QString& text, const QMargins& margins = {});
};

} // namespace assay
