#include "FlowLayout.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QWidget>

#include <algorithm>

namespace assay {
namespace {

// What an item is given: its preferred size, but never less than it needs.
QSize wanted(const QLayoutItem* item) {
    return item->sizeHint().expandedTo(item->minimumSize());
}

} // namespace

FlowLayout::FlowLayout(QWidget* parent, int spacing, int lineSpacing)
    : QLayout(parent)
    , m_spacing(spacing)
    , m_lineSpacing(lineSpacing) {}

FlowLayout::~FlowLayout() {
    while (QLayoutItem* item = takeAt(0))
        delete item;
}

void FlowLayout::addWidget(QWidget* widget, bool stretch) {
    QLayout::addWidget(widget);
    m_stretch.last() = stretch;
}

void FlowLayout::addGroup(std::initializer_list<QWidget*> widgets, bool stretch) {
    auto* group = new QWidget;
    auto* layout = new QHBoxLayout(group);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    for (QWidget* widget : widgets) {
        // A label keeps its whole text. Two pixels more than its size hint: a kerned pair with a
        // mnemonic ("&To") measures narrower than it is drawn, and lost its last letter.
        if (auto* label = qobject_cast<QLabel*>(widget))
            label->setMinimumWidth(label->sizeHint().width() + 2);
        layout->addWidget(widget);
    }
    if (stretch && widgets.size() > 0)
        layout->setStretch(static_cast<int>(widgets.size()) - 1, 1);
    addWidget(group, stretch);
}

void FlowLayout::addItem(QLayoutItem* item) {
    m_items.append(item);
    m_stretch.append(false);
}

int FlowLayout::count() const {
    return static_cast<int>(m_items.size());
}

QLayoutItem* FlowLayout::itemAt(int index) const {
    return m_items.value(index);
}

QLayoutItem* FlowLayout::takeAt(int index) {
    if (index < 0 || index >= m_items.size())
        return nullptr;
    m_stretch.removeAt(index);
    return m_items.takeAt(index);
}

int FlowLayout::heightForWidth(int width) const {
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const {
    QSize size;
    for (const QLayoutItem* item : m_items)
        size = size.expandedTo(item->minimumSize());
    const QMargins margins = contentsMargins();
    return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom());
}

QSize FlowLayout::sizeHint() const {
    int width = 0;
    int height = 0;
    for (const QLayoutItem* item : m_items) {
        width += wanted(item).width() + (width > 0 ? m_spacing : 0);
        height = std::max(height, wanted(item).height());
    }
    const QMargins margins = contentsMargins();
    return {width + margins.left() + margins.right(), height + margins.top() + margins.bottom()};
}

void FlowLayout::setGeometry(const QRect& rect) {
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect& rect, bool apply) const {
    const QRect area = rect.marginsRemoved(contentsMargins());
    int y = area.y();
    qsizetype first = 0;
    while (first < m_items.size()) {
        // Take as many items as fit on this line, at their preferred widths (at least one).
        qsizetype last = first;
        int used = wanted(m_items[first]).width();
        int lineHeight = wanted(m_items[first]).height();
        while (last + 1 < m_items.size() &&
               used + m_spacing + wanted(m_items[last + 1]).width() <= area.width()) {
            ++last;
            used += m_spacing + wanted(m_items[last]).width();
            lineHeight = std::max(lineHeight, wanted(m_items[last]).height());
        }
        if (apply) {
            const qsizetype stretching =
                std::count(m_stretch.begin() + first, m_stretch.begin() + last + 1, true);
            const int spare = std::max(0, area.width() - used);
            int x = area.x();
            for (qsizetype i = first; i <= last; ++i) {
                int width = std::min(wanted(m_items[i]).width(), area.width());
                if (m_stretch[i])
                    width += spare / static_cast<int>(stretching);
                const int height = wanted(m_items[i]).height();
                m_items[i]->setGeometry(QRect(x, y + (lineHeight - height) / 2, width, height));
                x += width + m_spacing;
            }
        }
        y += lineHeight + m_lineSpacing;
        first = last + 1;
    }
    const QMargins margins = contentsMargins();
    return y - area.y() - (m_items.isEmpty() ? 0 : m_lineSpacing) + margins.top() + margins.bottom();
}

} // namespace assay
