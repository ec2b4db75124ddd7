#include "AliasTimelinePane.h"

#include "AliasHistoryModel.h"
#include "AliasTimeline.h"
#include "AliasTimelineChart.h"
#include "core/base/AssayError.h"
#include "core/registry/Registry.h"
#include "core/workspace/Workspace.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/GovernanceFormat.h"
#include "ui/widgets/ReadOnlyTableView.h"
#include "ui/widgets/SelectionKeeper.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace assay {

AliasTimelinePane::AliasTimelinePane(WorkspaceSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new AliasHistoryModel(session, this)) {
    m_chart = new AliasTimelineChart;
    m_chart->setToolTip(tr("Click a date to see which version each alias held then"));
    connect(m_chart, &AliasTimelineChart::dateClicked, this, &AliasTimelinePane::askAbout);

    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(AliasHistoryModel::SortRole);
    m_table = new ReadOnlyTableView(proxy, QStringLiteral("aliasHistoryTable"));
    m_table->setSortingEnabled(true);
    // Unsorted until the user asks: the model's order (production first, oldest move first) reads best.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    new SelectionKeeper(m_table, AliasHistoryModel::KeyRole);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 8);
    layout->setSpacing(8);
    layout->addWidget(createQueryRow());
    layout->addWidget(m_chart);
    layout->addWidget(m_table, 1);

    connect(m_model, &QAbstractItemModel::modelReset, this, &AliasTimelinePane::onHistoryReloaded);
}

QWidget* AliasTimelinePane::createQueryRow() {
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(tr("On &date…"));
    m_date = new QDateEdit;
    m_date->setObjectName(QStringLiteral("aliasDateEdit"));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    label->setBuddy(m_date);
    m_alias = new QComboBox;
    m_alias->setObjectName(QStringLiteral("aliasCombo"));
    m_alias->setToolTip(tr("The alias to ask about"));
    m_alias->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_answer = new QLabel;
    m_answer->setObjectName(QStringLiteral("aliasAnswer"));
    m_answer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_answer->setWordWrap(true); // a long answer takes two lines rather than widening the page
    QFont font = m_answer->font();
    font.setBold(true);
    m_answer->setFont(font);
    layout->addWidget(label);
    layout->addWidget(m_date);
    layout->addWidget(m_alias);
    layout->addSpacing(12);
    layout->addWidget(m_answer, 1);
    connect(m_date, &QDateEdit::dateChanged, this, &AliasTimelinePane::answer);
    connect(m_alias, &QComboBox::currentIndexChanged, this, &AliasTimelinePane::answer);
    return row;
}

void AliasTimelinePane::setModelId(qint64 modelId) {
    if (const Workspace* workspace = m_session.workspace(); workspace && modelId != m_model->modelId()) {
        // A new model: ask about today until the user picks another date.
        const QSignalBlocker blocker(m_date);
        m_date->setDate(QDateTime::fromMSecsSinceEpoch(workspace->now()).date());
    }
    m_model->setModelId(modelId);
}

void AliasTimelinePane::askAbout(const QDate& day) {
    m_date->setDate(day);
    answer();
}

void AliasTimelinePane::onHistoryReloaded() {
    const QString chosen = m_alias->currentText();
    {
        const QSignalBlocker blocker(m_alias);
        m_alias->clear();
        m_alias->addItems(m_model->aliases());
        m_alias->setCurrentIndex(std::max(0, m_alias->findText(chosen)));
    }
    QHash<QString, QList<AliasChange>> history;
    for (const QString& alias : m_model->aliases())
        history.insert(alias, m_model->history(alias));
    const Workspace* workspace = m_session.workspace();
    m_chart->setHistory(m_model->aliases(), history, workspace ? workspace->now() : 0);
    m_table->resizeColumnsToContents();
    answer();
}

void AliasTimelinePane::answer() {
    const Workspace* workspace = m_session.workspace();
    const QString alias = m_alias->currentText();
    const bool any = !alias.isEmpty();
    m_date->setEnabled(any);
    m_alias->setEnabled(any);
    if (!workspace || !any) {
        m_answer->setText(tr("No alias has been set for this model yet; a promotion that executes sets "
                             "production."));
        m_chart->setMarker(std::nullopt);
        return;
    }
    const qint64 at = GovernanceFormat::endOfDay(m_date->date());
    try {
        const std::optional<int> version = Registry(*workspace).aliasVersionAt(m_model->modelId(), alias, at);
        m_answer->setText(AliasTimeline::answer(alias, m_date->date(), version, m_model->history(alias)));
    } catch (const AssayError& error) {
        m_answer->setText(error.message());
    }
    m_chart->setMarker(at);
}

} // namespace assay
