#include "NewDriftMonitorDialog.h"

#include "ChoiceDelegate.h"
#include "DriftColumnChoiceModel.h"
#include "DriftTask.h"
#include "DriftThresholdsForm.h"
#include "core/base/AssayError.h"
#include "core/drift/CsvReader.h"
#include "core/drift/DriftComputation.h"
#include "core/drift/DriftMonitors.h"
#include "core/registry/Registry.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "ui/session/WorkspaceSession.h"
#include "ui/widgets/ErrorBox.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <memory>

namespace assay {

namespace {

// Column choosers start with "none"; the column names follow with themselves as data.
void fillColumnCombo(QComboBox* combo, const QString& none, const QStringList& columns) {
    const QString current = combo->currentData().toString();
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(none, QString());
    for (const QString& column : columns)
        combo->addItem(column, column);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
}

// A column whose name says it holds dates, for a first guess when windows go by the calendar.
QString dateColumn(const QStringList& columns) {
    for (const QString& column : columns) {
        const QString name = column.toLower();
        if (name.contains(QLatin1String("date")) || name.contains(QLatin1String("time")) ||
            name == QLatin1String("day"))
            return column;
    }
    return {};
}

} // namespace

NewDriftMonitorDialog::NewDriftMonitorDialog(WorkspaceSession& session, qint64 modelId, QWidget* parent)
    : QDialog(parent)
    , m_session(session) {
    setObjectName(QStringLiteral("newDriftMonitorDialog"));
    const std::optional<RegisteredModel> model = Registry(*m_session.workspace()).model(modelId);
    if (!model)
        throw AssayError(tr("There is no model with id %1.").arg(modelId));
    if (Registry(*m_session.workspace()).versions(modelId).isEmpty())
        throw AssayError(
            tr("%1 has no version to monitor yet; register one from a run first.").arg(model->name));
    setWindowTitle(tr("New Drift Monitor for %1").arg(model->name));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createSourceForm(modelId));

    auto* middle = new QHBoxLayout;
    middle->addWidget(createFeaturesBox(), 1);
    middle->addLayout(createSideColumn());
    layout->addLayout(middle, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    okButton()->setText(tr("Create Monitor"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewDriftMonitorDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &NewDriftMonitorDialog::reject);
    layout->addWidget(m_buttons);
    connect(m_columns, &QAbstractItemModel::dataChanged, this, &NewDriftMonitorDialog::updateOkButton);
    connect(m_columns, &QAbstractItemModel::modelReset, this, &NewDriftMonitorDialog::updateOkButton);
    connect(m_name, &QLineEdit::textChanged, this, &NewDriftMonitorDialog::updateOkButton);

    m_task = new DriftTask(tr("New Drift Monitor"), this);
    connect(m_task, &DriftTask::failed, this, [this](const QString& message, bool cancelled) {
        setBusy(false);
        if (!cancelled)
            ErrorBox::show(this, tr("Cannot read the reference data"), message);
    });
    updateOkButton();
    resize(980, 640);
}

NewDriftMonitorDialog::~NewDriftMonitorDialog() = default;

// The reference file's columns, each ticked to be compared or not, its type, and whether it is a
// key feature.
QGroupBox* NewDriftMonitorDialog::createFeaturesBox() {
    m_columns = new DriftColumnChoiceModel(this);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("columnTable"));
    m_table->setModel(m_columns);
    m_table->setItemDelegate(new ChoiceDelegate(m_table));
    m_table->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(DriftColumnChoiceModel::FeatureColumn,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(DriftColumnChoiceModel::TypeColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(DriftColumnChoiceModel::KeyColumn,
                                                      QHeaderView::ResizeToContents);
    auto* featuresBox = new QGroupBox(tr("Features"));
    auto* featuresLayout = new QVBoxLayout(featuresBox);
    auto* hint = new QLabel(tr("Ticked columns are compared with current data. A key feature's drift alone "
                               "recommends retraining; a numeric code can be compared as categories."));
    hint->setWordWrap(true);
    featuresLayout->addWidget(hint);
    featuresLayout->addWidget(m_table, 1);
    auto* allNone = new QHBoxLayout;
    auto* all = new QPushButton(tr("Select All"));
    auto* none = new QPushButton(tr("Select None"));
    connect(all, &QPushButton::clicked, this, [this] { m_columns->setAllIncluded(true); });
    connect(none, &QPushButton::clicked, this, [this] { m_columns->setAllIncluded(false); });
    allNone->addWidget(all);
    allNone->addWidget(none);
    allNone->addStretch(1);
    featuresLayout->addLayout(allNone);

    return featuresBox;
}

// When windows start and how they are told apart, then the thresholds.
QVBoxLayout* NewDriftMonitorDialog::createSideColumn() {
    auto* side = new QVBoxLayout;
    side->addWidget(createWindowsBox());
    auto* thresholdsBox = new QGroupBox(tr("Thresholds"));
    auto* thresholdsLayout = new QVBoxLayout(thresholdsBox);
    m_thresholds = new DriftThresholdsForm;
    thresholdsLayout->addWidget(m_thresholds);
    side->addWidget(thresholdsBox);
    side->addStretch(1);

    return side;
}

QWidget* NewDriftMonitorDialog::createSourceForm(qint64 modelId) {
    auto* widget = new QWidget;
    auto* form = new QFormLayout(widget);
    form->setContentsMargins(0, 0, 0, 0);
    m_version = new QComboBox;
    m_version->setObjectName(QStringLiteral("versionCombo"));
    const QList<ModelVersion> versions = Registry(*m_session.workspace()).versions(modelId);
    int production = 0;
    for (const ModelVersion& version : versions) {
        const QString aliases = version.aliases.join(QStringLiteral(", "));
        m_version->addItem(aliases.isEmpty() ? tr("Version %1").arg(version.version)
                                             : tr("Version %1 (%2)").arg(version.version).arg(aliases),
                           version.id);
        if (version.aliases.contains(QStringLiteral("production")))
            production = m_version->count() - 1;
    }
    m_version->setCurrentIndex(production); // else the newest, listed first
    form->addRow(tr("Model version:"), m_version);

    m_name = new QLineEdit(QStringLiteral("production"));
    m_name->setObjectName(QStringLiteral("nameEdit"));
    form->addRow(tr("Monitor name:"), m_name);

    m_reference = new QLineEdit;
    m_reference->setObjectName(QStringLiteral("referenceEdit"));
    m_reference->setPlaceholderText(tr("A CSV file with a header row: the data the model was trained on"));
    connect(m_reference, &QLineEdit::editingFinished, this, [this] {
        if (m_reference->text() != m_referenceStatus->property("path").toString())
            setReferencePath(m_reference->text());
    });
    auto* choose = new QPushButton(tr("Choose…"));
    choose->setObjectName(QStringLiteral("chooseReferenceButton"));
    connect(choose, &QPushButton::clicked, this, &NewDriftMonitorDialog::chooseReference);
    auto* row = new QHBoxLayout;
    row->addWidget(m_reference, 1);
    row->addWidget(choose);
    form->addRow(tr("Reference data:"), row);
    m_referenceStatus = new QLabel(tr("Choose the reference file to see its columns."));
    m_referenceStatus->setObjectName(QStringLiteral("referenceStatus"));
    m_referenceStatus->setWordWrap(true);
    form->addRow(QString(), m_referenceStatus);
    return widget;
}

QWidget* NewDriftMonitorDialog::createWindowsBox() {
    auto* box = new QGroupBox(tr("Windows and performance"));
    auto* form = new QFormLayout(box);
    m_period = new QComboBox;
    m_period->setObjectName(QStringLiteral("periodCombo"));
    m_period->addItem(tr("One per added file"), static_cast<int>(DriftPeriod::File));
    m_period->addItem(tr("By day"), static_cast<int>(DriftPeriod::Day));
    m_period->addItem(tr("By week"), static_cast<int>(DriftPeriod::Week));
    m_period->addItem(tr("By month"), static_cast<int>(DriftPeriod::Month));
    form->addRow(tr("Windows:"), m_period);
    m_timestamp = new QComboBox;
    m_timestamp->setObjectName(QStringLiteral("timestampCombo"));
    form->addRow(tr("Timestamp column:"), m_timestamp);
    m_label = new QComboBox;
    m_label->setObjectName(QStringLiteral("labelCombo"));
    form->addRow(tr("Label column:"), m_label);
    m_prediction = new QComboBox;
    m_prediction->setObjectName(QStringLiteral("predictionCombo"));
    form->addRow(tr("Prediction column:"), m_prediction);
    m_metric = new QComboBox;
    m_metric->setObjectName(QStringLiteral("metricCombo"));
    for (const PerformanceMetric metric :
         {PerformanceMetric::None, PerformanceMetric::Accuracy, PerformanceMetric::MeanAbsoluteError,
          PerformanceMetric::RootMeanSquaredError})
        m_metric->addItem(metric == PerformanceMetric::None ? tr("None") : performanceMetricLabel(metric),
                          static_cast<int>(metric));
    form->addRow(tr("Performance metric:"), m_metric);
    for (QComboBox* combo : {m_timestamp, m_label, m_prediction})
        fillColumnCombo(combo, tr("None"), {});

    connect(m_period, &QComboBox::currentIndexChanged, this, [this] {
        // Calendar windows need dates: guess the column that has them.
        if (m_period->currentIndex() > 0 && m_timestamp->currentIndex() == 0)
            m_timestamp->setCurrentIndex(std::max(0, m_timestamp->findData(dateColumn(m_headerColumns))));
        if (m_period->currentIndex() == 0)
            m_timestamp->setCurrentIndex(0);
        updateColumnRoles();
    });
    connect(m_timestamp, &QComboBox::currentIndexChanged, this, [this] {
        if (m_timestamp->currentIndex() > 0 && m_period->currentIndex() == 0)
            m_period->setCurrentIndex(m_period->findData(static_cast<int>(DriftPeriod::Week)));
        if (m_timestamp->currentIndex() == 0)
            m_period->setCurrentIndex(0);
        updateColumnRoles();
    });
    for (QComboBox* combo : {m_label, m_prediction})
        connect(combo, &QComboBox::currentIndexChanged, this, &NewDriftMonitorDialog::updateColumnRoles);
    return box;
}

QPushButton* NewDriftMonitorDialog::okButton() const {
    return m_buttons->button(QDialogButtonBox::Ok);
}

void NewDriftMonitorDialog::chooseReference() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose the Reference Data"),
                                                      QFileInfo(m_reference->text()).path(),
                                                      tr("CSV files (*.csv *.tsv *.txt);;All files (*)"));
    if (!path.isEmpty())
        setReferencePath(path);
}

bool NewDriftMonitorDialog::setReferencePath(const QString& path) {
    m_reference->setText(path);
    m_referenceStatus->setProperty("path", path);
    QStringList columns;
    try {
        columns = CsvReader::readHeader(path);
        m_referenceStatus->setText(
            (columns.size() == 1 ? tr("1 column: %1") : tr("%1 columns: %2").arg(columns.size()))
                .arg(columns.join(QStringLiteral(", "))));
    } catch (const AssayError& error) {
        m_referenceStatus->setText(error.message());
    }
    m_headerColumns = columns;
    m_columns->setColumns(columns);
    for (QComboBox* combo : {m_timestamp, m_label, m_prediction})
        fillColumnCombo(combo, tr("None"), columns);
    updateColumnRoles();
    return !columns.isEmpty();
}

void NewDriftMonitorDialog::updateColumnRoles() {
    QHash<QString, QString> reserved;
    const auto reserve = [&](QComboBox* combo, const QString& what) {
        const QString column = combo->currentData().toString();
        if (!column.isEmpty())
            reserved.insert(column, what);
    };
    reserve(m_timestamp, tr("timestamp"));
    reserve(m_label, tr("label"));
    reserve(m_prediction, tr("prediction"));
    m_columns->setReserved(reserved);
    updateOkButton();
}

void NewDriftMonitorDialog::updateOkButton() {
    const bool busy = m_task && m_task->isRunning();
    okButton()->setEnabled(!busy && !m_name->text().trimmed().isEmpty() && !m_columns->features().isEmpty());
}

DriftMonitorSpec NewDriftMonitorDialog::spec() const {
    DriftMonitorSpec spec;
    spec.versionId = m_version->currentData().toLongLong();
    spec.name = m_name->text().trimmed();
    spec.referencePath = m_reference->text();
    spec.features = m_columns->features();
    spec.keyFeatures = m_columns->keyFeatures();
    spec.typeOverrides = m_columns->typeOverrides();
    spec.timestampColumn = m_timestamp->currentData().toString();
    spec.period = static_cast<DriftPeriod>(m_period->currentData().toInt());
    spec.labelColumn = m_label->currentData().toString();
    spec.predictionColumn = m_prediction->currentData().toString();
    spec.metric = static_cast<PerformanceMetric>(m_metric->currentData().toInt());
    spec.thresholds = m_thresholds->thresholds();
    return spec;
}

void NewDriftMonitorDialog::setBusy(bool busy) {
    for (QWidget* widget : {static_cast<QWidget*>(m_version), static_cast<QWidget*>(m_name),
                            static_cast<QWidget*>(m_reference), static_cast<QWidget*>(m_table)})
        widget->setEnabled(!busy);
    updateOkButton();
}

void NewDriftMonitorDialog::accept() {
    if (!m_session.workspace() || m_task->isRunning())
        return;
    const DriftMonitorSpec spec = this->spec();
    // Core's own checks of the spec come with the write; a bad threshold need not wait for the file.
    try {
        spec.thresholds.validate();
    } catch (const AssayError& error) {
        ErrorBox::show(this, tr("Cannot create the monitor"), error.message());
        return;
    }
    auto reference = std::make_shared<DriftReference>();
    // One connection per result: the task is reused when a first attempt fails.
    auto* context = new QObject(this);
    connect(m_task, &DriftTask::succeeded, context, [this, context, spec, reference] {
        context->deleteLater();
        setBusy(false);
        create(spec, *reference);
    });
    connect(m_task, &DriftTask::failed, context, [context] { context->deleteLater(); });
    m_task->start(tr("Reading %1…").arg(QFileInfo(spec.referencePath).fileName()),
                  [spec, reference](const CsvReadOptions& options) {
                      *reference = DriftComputation::readReference(spec, options);
                  });
    setBusy(true);
}

void NewDriftMonitorDialog::create(const DriftMonitorSpec& spec, const DriftReference& reference) {
    if (!m_session.workspace())
        return;
    try {
        m_session.workspace()->write(
            [&](WriteTransaction& tx) { m_monitorId = DriftMonitors::create(tx, spec, reference); });
    } catch (const AssayError& error) {
        ErrorBox::show(this, tr("Cannot create the monitor"), error.message());
        return;
    }
    emit created(m_monitorId);
    QDialog::accept();
}

void NewDriftMonitorDialog::reject() {
    // Escape while reading cancels the reading, not the dialog.
    if (m_task->isRunning()) {
        m_task->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace assay
