#pragma once

#include <QLayout>
#include <QList>

#include <initializer_list>

namespace assay {

// Lays its items out left to right and starts a new line when the next one would not fit, so
// that a bar of filters stays readable in a narrow window instead of squeezing its fields on
// top of each other. An item with a horizontal stretch factor set through addWidget() takes
// the width left over on its line.
class FlowLayout : public QLayout {
public:
    // spacing: between items on a line; lineSpacing: between lines.
    explicit FlowLayout(QWidget* parent = nullptr, int spacing = 6, int lineSpacing = 4);
    ~FlowLayout() override;
    FlowLayout(const FlowLayout&) = delete;
    FlowLayout& operator=(const FlowLayout&) = delete;

    void addWidget(QWidget* widget, bool stretch = false);
    // Widgets that stay together on one line (a label and its field, a pair of buttons); the
    // last one takes the width the group gains when it stretches.
    void addGroup(std::initializer_list<QWidget*> widgets, bool stretch = false);
    void addItem(QLayoutItem* item) override;
    int count() const override;
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;

private:
    int arrange(const QRect& rect, bool apply) const; // the height the items need in rect
    QList<QLayoutItem*> m_items;
    QList<bool> m_stretch;
    int m_spacing;
    int m_lineSpacing;
};

} // namespace assay
