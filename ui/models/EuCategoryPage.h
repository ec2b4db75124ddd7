#pragma once

#include "core/governance/EuAiActCategory.h"

#include <QList>
#include <QWizardPage>

class QButtonGroup;
class QLabel;

namespace assay {

class ChoiceButton;

// The EU AI Act category of the model's use. A prohibited practice is said to block promotion
// as soon as it is chosen, not only on the summary.
class EuCategoryPage : public QWizardPage {
    Q_OBJECT

public:
    EuCategoryPage(const QList<EuAiActCategory>& categories, const QString& modelName,
                   QWidget* parent = nullptr);

    // Empty until one is chosen.
    QString category() const;
    void setCategory(const QString& key);
    ChoiceButton* choice(const QString& key) const;
    QLabel* consequenceLabel() const { return m_consequence; }

    bool isComplete() const override;

signals:
    void categoryChanged();

private:
    void showConsequence();

    QList<EuAiActCategory> m_categories;
    QButtonGroup* m_group = nullptr;
    QList<ChoiceButton*> m_choices;
    QLabel* m_consequence = nullptr;
};

} // namespace assay
