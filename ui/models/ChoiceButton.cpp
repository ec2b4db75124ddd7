#include "ChoiceButton.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QRadioButton>

namespace assay {

ChoiceButton::ChoiceButton(const QString& text, QWidget* parent)
    : QWidget(parent)
    , m_radio(new QRadioButton)
    , m_label(new QLabel(text)) {
    m_radio->setAccessibleName(text);
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    m_label->installEventFilter(this);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 2);
    layout->addWidget(m_radio, 0, Qt::AlignTop);
    layout->addWidget(m_label, 1);
}

QString ChoiceButton::text() const {
    return m_label->text();
}

bool ChoiceButton::isChecked() const {
    return m_radio->isChecked();
}

void ChoiceButton::setChecked(bool checked) {
    m_radio->setChecked(checked);
}

bool ChoiceButton::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_label && event->type() == QEvent::MouseButtonRelease && m_radio->isEnabled() &&
        static_cast<QMouseEvent*>(event)->button() == Qt::LeftButton) {
        // click(), not setChecked(): the button group and its listeners hear about it as a click.
        m_radio->click();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace assay
