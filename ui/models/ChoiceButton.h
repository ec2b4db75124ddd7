#pragma once

#include <QWidget>

class QLabel;
class QRadioButton;

namespace assay {

// A radio button whose text wraps: QRadioButton keeps its text on one line, which a sentence
// of policy guidance overflows. Clicking the text checks the button, as with a plain radio.
class ChoiceButton : public QWidget {
    Q_OBJECT

public:
    explicit ChoiceButton(const QString& text, QWidget* parent = nullptr);

    QRadioButton* radio() const { return m_radio; }
    QString text() const;
    bool isChecked() const;
    void setChecked(bool checked);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QRadioButton* m_radio = nullptr;
    QLabel* m_label = nullptr;
};

} // namespace assay
