#pragma once

#include <QList>
#include <QPair>
#include <QString>

#include <functional>

class QWidget;

namespace assay {

// Asks which of several things the user means (a model, a drift monitor, a version), as a
// window-modal dialog that is opened, not exec()'d, so that tests can pick from it.
class ChoicePrompt {
public:
    // Calls pick with the id of what the user chose from choices (label → id), asking only when
    // there is more than one; says noneMessage when there is none.
    static void ask(QWidget* parent, const QString& title, const QString& label,
                    const QList<QPair<QString, qint64>>& choices, const QString& noneMessage,
                    const std::function<void(qint64)>& pick);
};

} // namespace assay
