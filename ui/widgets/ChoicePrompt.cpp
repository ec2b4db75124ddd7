#include "ChoicePrompt.h"

#include <QInputDialog>
#include <QMessageBox>

namespace assay {

void ChoicePrompt::ask(QWidget* parent, const QString& title, const QString& label,
                       const QList<QPair<QString, qint64>>& choices, const QString& noneMessage,
                       const std::function<void(qint64)>& pick) {
    // The object names are the drift menu's, where the prompt was first used; tests find it by them.
    if (choices.isEmpty()) {
        auto* box = new QMessageBox(QMessageBox::Information, title, noneMessage, QMessageBox::Ok, parent);
        box->setObjectName(QStringLiteral("driftChoiceNone"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    if (choices.size() == 1) {
        pick(choices.first().second);
        return;
    }
    auto* dialog = new QInputDialog(parent);
    dialog->setObjectName(QStringLiteral("driftChoice"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    QStringList labels;
    for (const auto& choice : choices)
        labels << choice.first;
    dialog->setComboBoxItems(labels);
    QObject::connect(dialog, &QInputDialog::textValueSelected, dialog, [choices, pick](const QString& text) {
        for (const auto& choice : choices) {
            if (choice.first == text)
                pick(choice.second);
        }
    });
    dialog->open();
}

} // namespace assay
