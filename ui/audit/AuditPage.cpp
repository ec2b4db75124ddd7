#include "AuditPage.h"

#include "AuditChangeModel.h"
#include "AuditEventModel.h"
#include "IntegrityProblemModel.h"
#include "core/audit/AuditExport.h"
#include "core/audit/AuditTrail.h"
#include "core/audit/WorkspaceIntegrity.h"
#include "core/base/AssayError.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WorkspaceOptions.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/BannerLabel.h"
#include "ui/widgets/ErrorBox.h"
#include "ui/widgets/FlowLayout.h"
#include "ui/widgets/GovernanceFormat.h"
#include "ui/widgets/PageTitleLabel.h"
#include "ui/widgets/ReadOnlyTableView.h"
#include "ui/widgets/SelectionKeeper.h"
#include "ui/widgets/WorkspaceJobDialog.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <utility>

namespace assay {
namespace {

constexpr int typingDelayMs = 250;
// Events read per query by an export, between two looks at its Cancel.
constexpr int exportPageSize = 2000;
constexpr int problemRowsShown = 4;
// The date edits' minimum stands for "no bound"; they show it as "any".
const QDate noDate(2000, 1, 1);

void selectData(QComboBox* combo, const QString& data) {
    combo->setCurrentIndex(std::max(0, combo->findData(data)));
}

QDateEdit* dateEdit(const QString& objectName) {
    auto* edit = new QDateEdit;
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setMinimumDate(noDate);
    edit->setSpecialValueText(AuditPage::tr("any"));
    edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00")) + 40);
    edit->setDate(noDate);
    return edit;
}

std::optional<QDate> dateOf(const QDateEdit* edit) {
    return edit->date() == noDate ? std::nullopt : std::optional<QDate>(edit->date());
}

} // namespace

AuditPage::AuditPage(WorkspaceSession& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_events(new AuditEventModel(session, this))
    , m_changes(new AuditChangeModel(this))
    , m_problems(new IntegrityProblemModel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(createHeader());
    layout->addWidget(createIntegrityViews());
    layout->addWidget(m_problemView);
    QSplitter* events = createEventSplitter();
    layout->addWidget(createFilterBar());
    layout->addWidget(events, 1);
    connectWorkspace();
    onWorkspaceChanged();
}

QHBoxLayout* AuditPage::createHeader() {
    m_title = new PageTitleLabel(QStringLiteral("auditTitle"));
    m_exportCsv = new QPushButton(tr("Export CSV…"));
    m_exportCsv->setObjectName(QStringLiteral("exportCsvButton"));
    m_exportCsv->setToolTip(tr("Save the events the filter shows, with their hashes, as CSV"));
    m_exportJson = new QPushButton(tr("Export JSON…"));
    m_exportJson->setObjectName(QStringLiteral("exportJsonButton"));
    m_exportJson->setToolTip(tr("Save the events the filter shows, with their hashes, as JSON"));
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { chooseExport(ExportFormat::Csv); });
    connect(m_exportJson, &QPushButton::clicked, this, [this] { chooseExport(ExportFormat::Json); });
    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_exportCsv);
    header->addWidget(m_exportJson);
    return header;
}

// The banner says whether the trail verifies; the list under it (laid out by the caller) names
// each problem and selects its event on a click.
BannerLabel* AuditPage::createIntegrityViews() {
    m_banner = new BannerLabel(BannerLabel::Kind::Info, QStringLiteral("integrityBanner"));
    m_problemView = new QListView;
    m_problemView->setObjectName(QStringLiteral("integrityProblems"));
    m_problemView->setModel(m_problems);
    m_problemView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    connect(m_problemView, &QListView::clicked, this, [this](const QModelIndex& index) {
        if (const qint64 seq = index.data(IntegrityProblemModel::SeqRole).toLongLong())
            selectEvent(seq);
    });
    return m_banner;
}

QSplitter* AuditPage::createEventSplitter() {
    m_eventView = new ReadOnlyTableView(m_events, QStringLiteral("auditEvents"));
    m_eventView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_eventView->verticalHeader()->setDefaultSectionSize(m_eventView->fontMetrics().height() + 8);
    // Narrow enough that the summary keeps room beside the detail pane.
    m_eventView->horizontalHeader()->resizeSection(AuditEventModel::SeqColumn, 50);
    m_eventView->horizontalHeader()->resizeSection(AuditEventModel::TimeColumn, 140);
    m_eventView->horizontalHeader()->resizeSection(AuditEventModel::ActorColumn, 70);
    m_eventView->horizontalHeader()->resizeSection(AuditEventModel::ActionColumn, 130);
    m_eventView->horizontalHeader()->resizeSection(AuditEventModel::EntityColumn, 150);
    new SelectionKeeper(m_eventView, AuditEventModel::SeqRole);
    // Selection, not the current row: a mouse press moves the current row before it selects,
    // so a click would find nothing selected yet; keys and clicks both end in a selection change.
    connect(m_eventView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AuditPage::showSelected);
    connect(m_events, &QAbstractItemModel::modelReset, this, [this] {
        updateTitle();
        showSelected();
    });
    connect(m_events, &AuditEventModel::loadFailed, this, &AuditPage::loadFailed);

    auto* splitter = new QSplitter(Qt::Horizontal);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_eventView);
    splitter->addWidget(createDetail());
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({760, 340});
    return splitter;
}

void AuditPage::connectWorkspace() {
    connect(&m_integrityWatcher, &QFutureWatcher<IntegrityReport>::finished, this, [this] {
        // A result that commits or another workspace overtook is not shown: the next check is.
        if (m_integrityAgain) {
            m_integrityAgain = false;
            checkIntegrity();
            return;
        }
        m_report = m_integrityWatcher.result();
        showIntegrity();
    });
    connect(&m_session, &WorkspaceSession::workspaceChanged, this, &AuditPage::onWorkspaceChanged);
    connect(&m_session, &WorkspaceSession::changed, this, [this] {
        if (m_events->isParked())
            m_choicesStale = true;
        else
            reloadChoices();
        if (isVisible())
            checkIntegrity();
        else
            m_integrityStale = true;
    });
}

QWidget* AuditPage::createFilterBar() {
    m_actor = new QComboBox;
    m_actor->setObjectName(QStringLiteral("actorFilter"));
    m_actor->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_action = new QComboBox;
    m_action->setObjectName(QStringLiteral("actionFilter"));
    m_action->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_action->setMinimumContentsLength(14);
    m_entity = new QLineEdit;
    m_entity->setObjectName(QStringLiteral("entityFilter"));
    m_entity->setPlaceholderText(tr("e.g. model:churn"));
    m_entity->setMinimumWidth(100);
    m_entity->setClearButtonEnabled(true);
    m_from = dateEdit(QStringLiteral("fromFilter"));
    m_to = dateEdit(QStringLiteral("toFilter"));
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("auditSearch"));
    m_search->setPlaceholderText(tr("Search all fields"));
    m_search->setToolTip(tr("Finds the text in the actor, action, entity or payload, in any case"));
    m_search->setMinimumWidth(110);
    m_search->setClearButtonEnabled(true);
    m_clear = new QPushButton(tr("Clear"));
    m_clear->setObjectName(QStringLiteral("clearAuditFilter"));
    m_typing = new QTimer(this);
    m_typing->setSingleShot(true);
    m_typing->setInterval(typingDelayMs);

    connect(m_actor, &QComboBox::currentIndexChanged, this, &AuditPage::applyFilter);
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditPage::applyFilter);
    connect(m_from, &QDateEdit::dateChanged, this, &AuditPage::applyFilter);
    connect(m_to, &QDateEdit::dateChanged, this, &AuditPage::applyFilter);
    for (QLineEdit* edit : {m_entity, m_search})
        connect(edit, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_typing, &QTimer::timeout, this, &AuditPage::applyFilter);
    connect(m_clear, &QPushButton::clicked, this, &AuditPage::clearFilter);

    // Each label stays beside its field; a window too narrow for one line wraps the bar onto two
    // instead of laying the fields over each other.
    auto* bar = new QWidget;
    bar->setObjectName(QStringLiteral("auditFilterBar"));
    auto* layout = new FlowLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    const auto labelled = [layout](const QString& text, QWidget* widget, bool stretch = false) {
        auto* label = new QLabel(text);
        label->setBuddy(widget);
        layout->addGroup({label, widget}, stretch);
    };
    labelled(tr("&Actor"), m_actor);
    labelled(tr("A&ction"), m_action);
    labelled(tr("&Entity"), m_entity, true);
    labelled(tr("&From"), m_from);
    labelled(tr("&To"), m_to);
    layout->addWidget(m_search, true);
    layout->addWidget(m_clear);
    return bar;
}

QWidget* AuditPage::createDetail() {
    m_detailHeader = new QLabel;
    m_detailHeader->setObjectName(QStringLiteral("auditDetailHeader"));
    m_detailHeader->setWordWrap(true);
    m_detailHeader->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_changeView = new ReadOnlyTableView(m_changes, QStringLiteral("auditChanges"));
    m_changeView->horizontalHeader()->resizeSection(AuditChangeModel::FieldColumn, 130);
    m_changeView->horizontalHeader()->resizeSection(AuditChangeModel::BeforeColumn, 150);
    m_changeView->setWordWrap(true);
    m_hashes = new QLabel;
    m_hashes->setObjectName(QStringLiteral("auditHashes"));
    m_hashes->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hashes->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_hashes->setWordWrap(true);
    // Grouped hashes wrap, so the detail pane does not claim the width of a 64-digit line and
    // squeeze the event list in a narrow window; the tooltip has them whole.
    m_hashes->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto* note = new QLabel(tr("Before: the value the field had in the previous event on the same entity."));
    note->setWordWrap(true);
    note->setEnabled(false);

    auto* detail = new QWidget;
    auto* layout = new QVBoxLayout(detail);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_detailHeader);
    layout->addWidget(m_changeView, 1);
    layout->addWidget(note);
    layout->addWidget(m_hashes);
    return detail;
}

void AuditPage::onWorkspaceChanged() {
    {
        const QSignalBlocker actor(m_actor), action(m_action), entity(m_entity), from(m_from), to(m_to),
            search(m_search);
        m_actor->setCurrentIndex(0);
        m_action->setCurrentIndex(0);
        m_entity->clear();
        m_from->setDate(noDate);
        m_to->setDate(noDate);
        m_search->clear();
    }
    if (m_events->isParked())
        m_choicesStale = true;
    else
        reloadChoices();
    checkIntegrity();
    applyFilter();
    const bool open = m_session.isOpen();
    for (QWidget* widget : std::initializer_list<QWidget*>{m_exportCsv, m_exportJson, m_actor, m_action,
                                                           m_entity, m_from, m_to, m_search, m_clear})
        widget->setEnabled(open);
}

void AuditPage::reloadChoices() {
    QStringList actors;
    QStringList actions;
    try {
        if (const Workspace* workspace = m_session.workspace()) {
            const AuditTrail trail(*workspace);
            actors = trail.actors();
            actions = trail.actions();
        }
    } catch (const AssayError& error) {
        emit loadFailed(error.message());
    }
    const QSignalBlocker actorBlocker(m_actor), actionBlocker(m_action);
    const QString actor = m_actor->currentData().toString();
    const QString action = m_action->currentData().toString();
    m_actor->clear();
    m_actor->addItem(tr("Anyone"), QString());
    for (const QString& login : actors)
        m_actor->addItem(login, login);
    selectData(m_actor, actor);

    m_action->clear();
    m_action->addItem(tr("Any action"), QString());
    // "drift.*" before the drift actions picks all of them at once.
    QString group;
    for (const QString& name : actions) {
        const QString prefix = name.section(QLatin1Char('.'), 0, 0) + QLatin1Char('.');
        if (prefix != group && name.contains(QLatin1Char('.'))) {
            group = prefix;
            m_action->addItem(tr("%1* (all)").arg(prefix), prefix);
        }
        m_action->addItem(QStringLiteral("    ") + name, name);
    }
    selectData(m_action, action);
}

AuditFilter AuditPage::filter() const {
    AuditFilter filter;
    filter.actor = m_actor->currentData().toString();
    filter.action = m_action->currentData().toString();
    filter.entity = m_entity->text().trimmed();
    if (const auto from = dateOf(m_from))
        filter.from = QDateTime(*from, QTime(0, 0)).toMSecsSinceEpoch();
    if (const auto to = dateOf(m_to))
        filter.to = GovernanceFormat::endOfDay(*to);
    filter.text = m_search->text().trimmed();
    return filter;
}

void AuditPage::setFilter(const AuditFilter& filter) {
    {
        const QSignalBlocker actor(m_actor), action(m_action), entity(m_entity), from(m_from), to(m_to),
            search(m_search);
        // A filter naming an actor or action the trail does not have yet still shows as itself.
        if (m_actor->findData(filter.actor) < 0)
            m_actor->addItem(filter.actor, filter.actor);
        selectData(m_actor, filter.actor);
        if (m_action->findData(filter.action) < 0)
            m_action->addItem(filter.action, filter.action);
        selectData(m_action, filter.action);
        m_entity->setText(filter.entity);
        m_from->setDate(filter.from ? QDateTime::fromMSecsSinceEpoch(*filter.from).date() : noDate);
        m_to->setDate(filter.to ? QDateTime::fromMSecsSinceEpoch(*filter.to).date() : noDate);
        m_search->setText(filter.text);
    }
    applyFilter();
}

void AuditPage::clearFilter() {
    setFilter({});
}

void AuditPage::applyFilter() {
    m_typing->stop();
    m_events->setFilter(filter());
}

void AuditPage::updateTitle() {
    // Until the list is read again, on showing; its reset brings the title up to date.
    if (m_events->isStale())
        return;
    // Without a filter every event matches: the list has counted them already.
    qint64 total = m_events->matchCount();
    try {
        if (const Workspace* workspace = m_session.workspace(); workspace && !m_events->filter().isEmpty())
            total = AuditTrail(*workspace).count({});
    } catch (const AssayError&) {
        // The list reported the failure already.
    }
    const QLocale locale;
    if (!m_session.isOpen())
        m_title->setText(tr("Audit trail"));
    else if (m_events->filter().isEmpty())
        m_title->setText(tr("Audit trail · %1 events").arg(locale.toString(total)));
    else
        m_title->setText(tr("Audit trail · %1 of %2 events match")
                             .arg(locale.toString(m_events->matchCount()), locale.toString(total)));
}

bool AuditPage::event(QEvent* event) {
    // The main window's stack hides every page but the current one, and shows a page as it
    // becomes current, whether or not the window is on screen yet.
    if (event->type() == QEvent::HideToParent) {
        m_events->setParked(true);
    } else if (event->type() == QEvent::ShowToParent) {
        if (std::exchange(m_choicesStale, false))
            reloadChoices();
        m_events->setParked(false);
    }
    return QWidget::event(event);
}

void AuditPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_integrityStale)
        checkIntegrity();
}

void AuditPage::checkIntegrity() {
    m_integrityStale = false;
    if (isCheckingIntegrity()) {
        m_integrityAgain = true;
        return;
    }
    const Workspace* workspace = m_session.workspace();
    if (!workspace) {
        m_report = {};
        showIntegrity();
        return;
    }
    m_banner->setKind(BannerLabel::Kind::Info);
    m_banner->setText(tr("Checking the audit trail and the signatures…"));
    m_banner->setVisible(true);
    WorkspaceOptions options;
    options.actor = workspace->actor();
    options.memoryMapped = false;
    m_integrityWatcher.setFuture(QtConcurrent::run([path = workspace->path(), options]() {
        try {
            return WorkspaceIntegrity::check(*Workspace::open(path, options));
        } catch (const AssayError& error) {
            IntegrityReport report;
            IntegrityProblem problem;
            problem.entity = QCoreApplication::translate("AuditPage", "The workspace");
            problem.message =
                QCoreApplication::translate("AuditPage", "cannot be checked: %1").arg(error.message());
            report.problems.append(problem);
            return report;
        }
    }));
}

void AuditPage::showIntegrity() {
    m_problems->setProblems(m_report.problems);
    // As tall as its problems, up to a few rows; it scrolls beyond.
    const auto rows = std::clamp<qsizetype>(m_report.problems.size(), 1, problemRowsShown);
    m_problemView->setFixedHeight(static_cast<int>(rows) * (m_problemView->fontMetrics().height() + 4) +
                                  2 * m_problemView->frameWidth() + 4);
    m_banner->setVisible(m_session.isOpen());
    m_problemView->setVisible(!m_report.isIntact());
    if (m_report.isIntact()) {
        m_banner->setKind(BannerLabel::Kind::Success);
        m_banner->setText(tr("✔ Audit trail intact. %1").arg(m_report.summary()));
    } else {
        m_banner->setKind(BannerLabel::Kind::Alert);
        QString summary = m_report.summary();
        if (!summary.endsWith(QLatin1Char('.')))
            summary += QLatin1Char('.');
        m_banner->setText(
            tr("✘ This workspace was altered outside Assay. %1 Click a problem below that has a "
               "sequence number to see its event.")
                .arg(summary));
    }
    emit integrityChecked();
}

qint64 AuditPage::selectedSeq() const {
    const QModelIndex current = m_eventView->selectionModel()->currentIndex();
    return current.isValid() && m_eventView->selectionModel()->isRowSelected(current.row())
               ? current.data(AuditEventModel::SeqRole).toLongLong()
               : 0;
}

bool AuditPage::selectEvent(qint64 seq) {
    int row = m_events->rowOf(seq);
    if (row < 0 && !m_events->filter().isEmpty()) {
        clearFilter();
        row = m_events->rowOf(seq);
    }
    const bool found = row >= 0;
    // A removed event: the one before the gap, which is where the chain breaks.
    for (int r = 0; row < 0 && r < m_events->rowCount(); ++r) {
        if (m_events->event(r).seq < seq)
            row = r;
    }
    if (row < 0)
        return false;
    const QModelIndex index = m_events->index(row, 0);
    m_eventView->setCurrentIndex(index);
    m_eventView->selectRow(row);
    m_eventView->scrollTo(index, QAbstractItemView::PositionAtCenter);
    return found;
}

void AuditPage::showSelected() {
    const qint64 seq = selectedSeq();
    std::optional<AuditEvent> event;
    QList<AuditFieldChange> changes;
    try {
        if (const Workspace* workspace = m_session.workspace(); workspace && seq > 0) {
            const AuditTrail trail(*workspace);
            event = trail.event(seq);
            if (event)
                changes = trail.changes(*event);
        }
    } catch (const AssayError& error) {
        emit loadFailed(error.message());
    }
    m_changes->setChanges(changes);
    if (!event) {
        m_detailHeader->setText(tr("Select an event to see what it changed."));
        m_hashes->clear();
        m_hashes->setToolTip(QString());
        return;
    }
    m_detailHeader->setText(
        tr("<b>Event %1</b> · %2<br>%3 · <b>%4</b> · %5")
            .arg(event->seq)
            .arg(QDateTime::fromMSecsSinceEpoch(event->at).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                 event->actor.toHtmlEscaped(), event->action.toHtmlEscaped(), event->entity.toHtmlEscaped()));
    // In groups of 16 digits, as fingerprints are shown: they wrap, and read more easily.
    const auto grouped = [](const QByteArray& hash) {
        QString text = QString::fromLatin1(hash);
        for (qsizetype at = 16; at < text.size(); at += 17)
            text.insert(at, QLatin1Char(' '));
        return text;
    };
    m_hashes->setText(
        tr("Hash:\n%1\nChained to (previous hash):\n%2").arg(grouped(event->hash), grouped(event->prevHash)));
    m_hashes->setToolTip(tr("Hash: %1\nChained to: %2")
                             .arg(QString::fromLatin1(event->hash), QString::fromLatin1(event->prevHash)));
}

void AuditPage::chooseExport(ExportFormat format) {
    if (!m_session.isOpen())
        return;
    const bool csv = format == ExportFormat::Csv;
    const QString suggested = QDir(QFileInfo(m_session.workspace()->path()).absolutePath())
                                  .filePath(csv ? QStringLiteral("audit.csv") : QStringLiteral("audit.json"));
    const QString path = QFileDialog::getSaveFileName(
        this, csv ? tr("Export Audit Events as CSV") : tr("Export Audit Events as JSON"), suggested,
        csv ? tr("CSV files (*.csv)") : tr("JSON files (*.json)"));
    if (!path.isEmpty())
        exportTo(path, format);
}

void AuditPage::exportTo(const QString& path, ExportFormat format) {
    const Workspace* workspace = m_session.workspace();
    if (!workspace || m_export)
        return;
    if (m_typing->isActive())
        applyFilter();
    m_export = new WorkspaceJobDialog(tr("Export Audit Events"),
                                      tr("Reading audit events for %1…").arg(QDir::toNativeSeparators(path)),
                                      tr("Writing the file…"), workspace->path(), workspace->actor(),
                                      exportJob(m_events->filter(), format, path), this);
    connect(m_export, &WorkspaceJobDialog::succeeded, this,
            [this, path](const QString&, const WorkspaceJobResult& result) {
                emit exportFinished(path, true, result.summary);
            });
    connect(m_export, &WorkspaceJobDialog::failed, this,
            [this, path](const QString& message, bool cancelled) {
                if (!cancelled)
                    ErrorBox::show(this, tr("Cannot export the audit events"), message);
                emit exportFinished(path, false, message);
            });
}

WorkspaceJob::Job AuditPage::exportJob(const AuditFilter& filter, ExportFormat format, const QString& path) {
    return [filter, format, path](Workspace& workspace, const WorkspaceJob::Progress& progress) {
        const auto goOn = [&progress](qsizetype done, qint64 total) {
            if (!progress(static_cast<int>(done), static_cast<int>(total)))
                throw AssayError(tr("The export was cancelled; nothing was written."));
        };
        const AuditTrail trail(workspace);
        const qint64 total = trail.count(filter);
        QList<AuditEvent> events;
        for (qint64 before = 0;;) {
            const QList<AuditEvent> page = trail.events(filter, exportPageSize, before);
            events += page;
            goOn(events.size(), std::max<qint64>(total, events.size()));
            if (page.size() < exportPageSize)
                break;
            before = page.last().seq;
        }
        const QByteArray bytes =
            format == ExportFormat::Csv ? AuditExport::csv(events) : AuditExport::json(events);
        // QSaveFile: the file appears whole or not at all, and not at all after a cancel.
        QSaveFile file(path);
        if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size()) {
            goOn(events.size(), std::max<qint64>(total, events.size()));
            if (file.commit())
                return WorkspaceJobResult{
                    tr("%n audit events written.", nullptr, static_cast<int>(events.size())), {}};
        }
        throw AssayError(
            tr("%1 could not be written: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    };
}

} // namespace assay
