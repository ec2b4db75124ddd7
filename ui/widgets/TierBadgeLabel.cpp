#include "TierBadgeLabel.h"

#include "PaletteTone.h"
#include "TierStyle.h"

#include <QEvent>
#include <QPainter>

namespace assay {

TierBadgeLabel::TierBadgeLabel(const QString& objectName, QWidget* parent)
    : QLabel(parent) {
    setObjectName(objectName);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setContentsMargins(9, 1, 9, 1);
    setAlignment(Qt::AlignCenter);
    setTier(std::nullopt);
}

void TierBadgeLabel::setTier(std::optional<int> tier, bool blocked, bool overridePending) {
    m_tier = tier;
    m_blocked = blocked;
    setText(TierStyle::fullLabel(tier, blocked, overridePending));
    applyColours();
    update();
    setToolTip(overridePending ? tr("A tier override waits for a risk officer's decision; until then the "
                                    "computed tier applies.")
                               : QString());
}

void TierBadgeLabel::applyColours() {
    m_fill = TierStyle::fill(m_tier, m_blocked);
    const QColor quiet = PaletteTone::surroundings(this).color(QPalette::PlaceholderText);
    m_border = m_fill.isValid() ? m_fill : quiet;
    QPalette badge = palette();
    badge.setColor(QPalette::WindowText, m_fill.isValid() ? TierStyle::text(m_tier, m_blocked) : quiet);
    // The same palette again sends no change event, so this ends the round that set it.
    setPalette(badge);
}

void TierBadgeLabel::paintEvent(QPaintEvent* event) {
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(m_border);
        painter.setBrush(m_fill.isValid() ? QBrush(m_fill) : QBrush(Qt::NoBrush));
        const QRectF pill = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
    }
    QLabel::paintEvent(event);
}

void TierBadgeLabel::changeEvent(QEvent* event) {
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ParentChange)
        applyColours();
}

} // namespace assay
