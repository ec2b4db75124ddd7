#pragma once

#include <QString>
#include <QWidget>

namespace assay {

// The line under the filter editor that says why a filter does not parse: a caret under the
// character where parsing failed, and the message beside it, moved left when it would not fit.
class RunFilterErrorView : public QWidget {
    Q_OBJECT

public:
    explicit RunFilterErrorView(QWidget* parent = nullptr);

    // caretX: the centre of the failing character, in this widget's coordinates.
    void setError(const QString& message, int caretX);
    void clearError();
    const QString& message() const { return m_message; }
    int caretX() const { return m_caretX; }
    // Where the message text starts; beside the caret unless that would clip it.
    int messageX() const;

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QColor errorColour() const;

    QString m_message;
    int m_caretX = 0;
};

} // namespace assay
