#pragma once

#include <QLabel>

namespace assay {

// A boxed line of text above a dialog's content that says why something cannot be done there:
// Info for what the user's roles allow, Warning for a state of the data (an approved version),
// Alert for something that needs action (drift recommends retraining), Success for a check that
// passed (the audit trail verified). Its colours follow the palette around it: a pale tint with
// dark text on a light one, a deep tint with light text on a dark one.
class BannerLabel : public QLabel {
    Q_OBJECT

public:
    enum class Kind { Info, Warning, Alert, Success };

    explicit BannerLabel(Kind kind, const QString& objectName, QWidget* parent = nullptr);

    Kind kind() const { return m_kind; }
    void setKind(Kind kind);

protected:
    void paintEvent(QPaintEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    // Palette, not a style sheet: a widget with a style sheet hears of no palette change.
    void applyColours();

    Kind m_kind;
    QColor m_border;
};

} // namespace assay
