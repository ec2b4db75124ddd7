#include "TierBadgeLabel.h"

#include "TierStyle.h"

namespace assay {

TierBadgeLabel::TierBadgeLabel(const QString& objectName, QWidget* parent)
    : QLabel(parent) {
    setObjectName(objectName);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setTier(std::nullopt);
}

void TierBadgeLabel::setTier(std::optional<int> tier, bool blocked, bool overridePending) {
    setText(TierStyle::fullLabel(tier, blocked, overridePending));
    const QColor fill = TierStyle::fill(tier, blocked);
    const QString border = fill.isValid() ? fill.name() : palette().color(QPalette::PlaceholderText).name();
    setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; border: 1px solid %3; "
                                 "border-radius: 9px; padding: 1px 9px; }")
                      .arg(fill.isValid() ? fill.name() : QStringLiteral("transparent"),
                           fill.isValid() ? TierStyle::text(tier, blocked).name()
                                          : palette().color(QPalette::PlaceholderText).name(),
                           border));
    setToolTip(overridePending ? tr("A tier override waits for a risk officer's decision; until then the "
                                    "computed tier applies.")
                               : QString());
}

} // namespace assay
