#pragma once

#include "core/governance/RiskDimension.h"

#include <QList>
#include <QWizardPage>

#include <optional>

class QButtonGroup;

namespace assay {

class ChoiceButton;

// One dimension of the tier policy as a wizard page: its four guidance sentences as choices,
// so that the assessor picks the sentence that fits rather than a bare number.
class RiskDimensionPage : public QWizardPage {
    Q_OBJECT

public:
    RiskDimensionPage(const RiskDimension& dimension, int index, int count, const QString& modelName,
                      QWidget* parent = nullptr);

    const RiskDimension& dimension() const { return m_dimension; }
    std::optional<int> score() const;
    void setScore(int score);
    // The choice for score 1..4.
    ChoiceButton* choice(int score) const { return m_choices.value(score - 1); }

    bool isComplete() const override;

signals:
    void scoreChanged();

private:
    RiskDimension m_dimension;
    QButtonGroup* m_group = nullptr;
    QList<ChoiceButton*> m_choices;
};

} // namespace assay
