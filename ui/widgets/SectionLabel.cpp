#include "SectionLabel.h"

#include <QLabel>

namespace assay {

QLabel* SectionLabel::create(const QString& text, const QMargins& margins) {
    auto* label = new QLabel(text);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    if (!margins.isNull())
        label->setContentsMargins(margins);
    return label;
}

} // namespace assay
