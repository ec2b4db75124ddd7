#pragma once

#include <QLabel>

#include <optional>

namespace assay {

// A tier as a badge beside a heading or in a form: the same words and colours as the tables'
// TierBadgeDelegate. Not assessed is an outline in the placeholder colour of the palette around.
class TierBadgeLabel : public QLabel {
    Q_OBJECT

public:
    explicit TierBadgeLabel(const QString& objectName, QWidget* parent = nullptr);

    void setTier(std::optional<int> tier, bool blocked = false, bool overridePending = false);

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    // Palette, not a style sheet: a widget with a style sheet hears of no palette change.
    void applyColours();

    std::optional<int> m_tier;
    bool m_blocked = false;
    QColor m_fill;
    QColor m_border;
};

} // namespace assay
