#include "RiskDimensionPage.h"

#include "ChoiceButton.h"

#include <QButtonGroup>
#include <QLocale>
#include <QRadioButton>
#include <QVBoxLayout>

namespace assay {

RiskDimensionPage::RiskDimensionPage(const RiskDimension& dimension, int index, int count,
                                     const QString& modelName, QWidget* parent)
    : QWizardPage(parent)
    , m_dimension(dimension)
    , m_group(new QButtonGroup(this)) {
    setObjectName(QStringLiteral("dimension_") + dimension.key);
    setTitle(dimension.label);
    setSubTitle(tr("Dimension %1 of %2, weighing %3 in the weighted score. Choose the sentence that "
                   "describes %4 best.")
                    .arg(index + 1)
                    .arg(count)
                    .arg(QLocale().toString(dimension.weight * 100, 'g', 3) + QLatin1Char('%'), modelName));
    auto* layout = new QVBoxLayout(this);
    for (qsizetype i = 0; i < dimension.guidance.size(); ++i) {
        const int score = static_cast<int>(i) + 1;
        auto* choice = new ChoiceButton(QStringLiteral("%1 — %2").arg(score).arg(dimension.guidance.at(i)));
        choice->setObjectName(QStringLiteral("score%1").arg(score));
        m_group->addButton(choice->radio(), score);
        m_choices.append(choice);
        layout->addWidget(choice);
    }
    layout->addStretch(1);
    connect(m_group, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (!checked)
            return;
        emit completeChanged();
        emit scoreChanged();
    });
}

std::optional<int> RiskDimensionPage::score() const {
    const int id = m_group->checkedId();
    return id > 0 ? std::optional<int>(id) : std::nullopt;
}

void RiskDimensionPage::setScore(int score) {
    if (QAbstractButton* button = m_group->button(score))
        button->setChecked(true);
}

bool RiskDimensionPage::isComplete() const {
    return score().has_value();
}

} // namespace assay
