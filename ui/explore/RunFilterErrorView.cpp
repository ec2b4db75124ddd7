#include "RunFilterErrorView.h"

#include "ui/widgets/PaletteTone.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace assay {
namespace {

constexpr int caretHeight = 6;
constexpr int caretHalfWidth = 5;
constexpr int gap = 6;

} // namespace

RunFilterErrorView::RunFilterErrorView(QWidget* parent)
    : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setVisible(false);
}

void RunFilterErrorView::setError(const QString& message, int caretX) {
    m_message = message;
    m_caretX = caretX;
    setToolTip(message);
    setVisible(true);
    update();
}

void RunFilterErrorView::clearError() {
    m_message.clear();
    setToolTip({});
    setVisible(false);
}

int RunFilterErrorView::messageX() const {
    const int textWidth = fontMetrics().horizontalAdvance(m_message);
    // Under the caret, starting a little to its left, so that the eye goes from the mark to the
    // words; pulled left as far as needed to stay inside the widget.
    const int preferred = m_caretX - caretHalfWidth;
    return std::max(0, std::min(preferred, width() - textWidth - gap));
}

QSize RunFilterErrorView::sizeHint() const {
    return {fontMetrics().horizontalAdvance(m_message) + 2 * gap, caretHeight + fontMetrics().height() + 4};
}

QColor RunFilterErrorView::errorColour() const {
    return PaletteTone::problem(palette());
}

void RunFilterErrorView::paintEvent(QPaintEvent*) {
    if (m_message.isEmpty())
        return;
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(errorColour());
    QPainterPath caret;
    caret.moveTo(m_caretX, 0);
    caret.lineTo(m_caretX + caretHalfWidth, caretHeight);
    caret.lineTo(m_caretX - caretHalfWidth, caretHeight);
    caret.closeSubpath();
    painter.drawPath(caret);
    painter.setPen(errorColour());
    const QRect textRect(messageX(), caretHeight + 1, width() - messageX(), fontMetrics().height() + 2);
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                     fontMetrics().elidedText(m_message, Qt::ElideRight, textRect.width()));
}

} // namespace assay
