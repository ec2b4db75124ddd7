#include "EuCategoryPage.h"

#include "ChoiceButton.h"
#include "ui/widgets/PaletteTone.h"

#include <QButtonGroup>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace assay {
namespace {

QString choiceText(const EuAiActCategory& category) {
    if (category.blocked)
        return EuCategoryPage::tr("%1 — blocks promotion").arg(category.label);
    if (category.minimumTier)
        return EuCategoryPage::tr("%1 — Tier %2 at least").arg(category.label).arg(*category.minimumTier);
    return category.label;
}

} // namespace

EuCategoryPage::EuCategoryPage(const QList<EuAiActCategory>& categories, const QString& modelName,
                               QWidget* parent)
    : QWizardPage(parent)
    , m_categories(categories)
    , m_group(new QButtonGroup(this))
    , m_consequence(new QLabel) {
    setObjectName(QStringLiteral("euCategoryPage"));
    setTitle(tr("EU AI Act category"));
    setSubTitle(tr("Which category of the EU AI Act does the use of %1 fall in?").arg(modelName));
    auto* layout = new QVBoxLayout(this);
    for (qsizetype i = 0; i < categories.size(); ++i) {
        auto* choice = new ChoiceButton(choiceText(categories.at(i)));
        choice->setObjectName(QStringLiteral("eu_") + categories.at(i).key);
        m_group->addButton(choice->radio(), static_cast<int>(i));
        m_choices.append(choice);
        layout->addWidget(choice);
    }
    m_consequence->setObjectName(QStringLiteral("euConsequence"));
    m_consequence->setWordWrap(true);
    m_consequence->setContentsMargins(0, 12, 0, 0);
    layout->addWidget(m_consequence);
    layout->addStretch(1);
    connect(m_group, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (!checked)
            return;
        showConsequence();
        emit completeChanged();
        emit categoryChanged();
    });
    showConsequence();
}

QString EuCategoryPage::category() const {
    const int id = m_group->checkedId();
    return id >= 0 ? m_categories.at(id).key : QString();
}

void EuCategoryPage::setCategory(const QString& key) {
    for (qsizetype i = 0; i < m_categories.size(); ++i) {
        if (m_categories.at(i).key == key)
            m_group->button(static_cast<int>(i))->setChecked(true);
    }
}

ChoiceButton* EuCategoryPage::choice(const QString& key) const {
    for (qsizetype i = 0; i < m_categories.size(); ++i) {
        if (m_categories.at(i).key == key)
            return m_choices.at(i);
    }
    return nullptr;
}

bool EuCategoryPage::isComplete() const {
    return m_group->checkedId() >= 0;
}

void EuCategoryPage::showConsequence() {
    const int id = m_group->checkedId();
    const EuAiActCategory* chosen = id >= 0 ? &m_categories.at(id) : nullptr;
    QString text;
    QString style;
    if (chosen && chosen->blocked) {
        text = tr("The EU AI Act prohibits this practice. The assessment will be recorded, but promotion "
                  "of this model will be blocked whatever its scores, and no override can lift the block.");
        style = QStringLiteral("color: %1; font-weight: bold;")
                    .arg(PaletteTone::problem(PaletteTone::surroundings(m_consequence)).name());
    } else if (chosen && chosen->minimumTier) {
        text = tr("This category makes the model Tier %1 at least, whatever its scores.")
                   .arg(*chosen->minimumTier);
    }
    m_consequence->setText(text);
    m_consequence->setStyleSheet(style);
    m_consequence->setVisible(!text.isEmpty());
}

} // namespace assay
