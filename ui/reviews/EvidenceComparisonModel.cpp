#include "EvidenceComparisonModel.h"

#include "ReviewStatusStyle.h"
#include "core/governance/DecisionSnapshot.h"
#include "core/governance/EvidenceBundle.h"
#include "core/governance/EvidenceFiles.h"
#include "core/governance/MetricDifference.h"
#include "core/governance/PromotionGates.h"
#include "core/governance/PromotionRequest.h"
#include "core/registry/ModelCards.h"
#include "core/registry/Registry.h"
#include "ui/widgets/PaletteTone.h"
#include "ui/widgets/RunValueFormat.h"

#include <QFont>
#include <QGuiApplication>
#include <QJsonArray>
#include <QPalette>

#include <cmath>
#include <set>

namespace assay {
namespace {

constexpr int hashPrefix = 12;

std::optional<double> metricValue(const QJsonObject& metrics, const QString& key) {
    if (!metrics.contains(key))
        return std::nullopt;
    const QString text = metrics.value(key).toObject().value(QStringLiteral("latest")).toString();
    if (text == QLatin1String("NaN"))
        return std::nan("");
    if (text == QLatin1String("inf"))
        return INFINITY;
    if (text == QLatin1String("-inf"))
        return -INFINITY;
    return text.toDouble();
}

QString metricText(const std::optional<double>& value) {
    return value ? RunValueFormat::metric(*value) : QStringLiteral("—");
}

QString metricToolTip(const std::optional<double>& value) {
    return value ? RunValueFormat::metricExact(*value) : QString();
}

// Evidence files by "Kind: name" → SHA-256.
std::map<QString, QString> filesOf(const QJsonObject& bundle) {
    std::map<QString, QString> files;
    for (const QJsonValue& value : bundle.value(QStringLiteral("evidence_files")).toArray()) {
        const QJsonObject file = value.toObject();
        files[QStringLiteral("%1: %2").arg(
            EvidenceFiles::kindLabel(file.value(QStringLiteral("kind")).toString()),
            file.value(QStringLiteral("name")).toString())] = file.value(QStringLiteral("sha256")).toString();
    }
    return files;
}

QString shortHash(const QString& sha256) {
    return sha256.isEmpty() ? QStringLiteral("—") : sha256.left(hashPrefix);
}

std::set<QString> keysOf(std::initializer_list<QJsonObject> objects) {
    std::set<QString> keys;
    for (const QJsonObject& object : objects) {
        for (auto it = object.begin(); it != object.end(); ++it)
            keys.insert(it.key());
    }
    return keys;
}

// The sections of a bundle's model card that are still empty.
QStringList missingSections(const QJsonObject& bundle) {
    ModelCard card;
    const QJsonObject fields = bundle.value(QStringLiteral("card")).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it)
        card.fields.insert(it.key(), it.value().toString());
    return card.missingSections();
}

} // namespace

EvidenceComparisonModel::EvidenceComparisonModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void EvidenceComparisonModel::clear() {
    beginResetModel();
    m_rows.clear();
    m_championVersion.reset();
    m_candidateVersion = 0;
    m_review = false;
    endResetModel();
}

void EvidenceComparisonModel::setComparison(const Workspace& workspace, const PromotionRequest& request,
                                            const QJsonObject& liveEvidence) {
    DecisionSnapshot now;
    now.evidence = liveEvidence;
    if (const std::optional<ModelVersion> champion = PromotionGates::champion(workspace, request)) {
        now.championVersion = champion->version;
        now.championEvidence =
            EvidenceBundle::build(workspace, champion->id, request.policyVersion, request.tier);
    }
    const std::optional<RegisteredModel> model = Registry(workspace).model(request.modelId);
    setSnapshot(request, now, model ? model->primaryMetric : QString(), model ? model->higherIsBetter : true);
}

void EvidenceComparisonModel::setSnapshot(const PromotionRequest& request, const DecisionSnapshot& snapshot,
                                          const QString& primaryMetric, bool higherIsBetter) {
    const QJsonObject& candidate = snapshot.evidence;
    const QJsonObject& champion = snapshot.championEvidence;
    const QJsonObject& submitted = request.evidence;
    beginResetModel();
    m_rows.clear();
    m_candidateVersion = request.version;
    m_championVersion = snapshot.championVersion;
    m_alias = request.alias;
    m_review = request.kind == PromotionRequest::Kind::Review;
    const auto part = [](const QJsonObject& bundle, const char* key) {
        return bundle.value(QLatin1String(key)).toObject();
    };
    addMetrics(part(candidate, "metrics"), part(champion, "metrics"), part(submitted, "metrics"),
               primaryMetric, higherIsBetter);
    addParams(part(candidate, "params"), part(champion, "params"), part(submitted, "params"));
    addCard(missingSections(candidate),
            m_championVersion ? std::optional<QStringList>(missingSections(champion)) : std::nullopt,
            submitted.value(QStringLiteral("card")) != candidate.value(QStringLiteral("card")));
    addFiles(candidate, champion, submitted);
    endResetModel();
}

void EvidenceComparisonModel::addSection(const QString& title) {
    Row row;
    row.kind = RowKind::Section;
    row.item = title;
    m_rows.append(row);
}

void EvidenceComparisonModel::addMetrics(const QJsonObject& candidate, const QJsonObject& champion,
                                         const QJsonObject& submitted, const QString& primary,
                                         bool higherIsBetter) {
    addSection(tr("Metrics (latest value)"));
    QList<QString> keys;
    if (!primary.isEmpty())
        keys.append(primary);
    for (const QString& key : keysOf({candidate, champion})) {
        if (key != primary)
            keys.append(key);
    }
    for (const QString& key : keys) {
        const std::optional<double> mine = metricValue(candidate, key);
        const std::optional<double> theirs = metricValue(champion, key);
        Row row;
        row.kind = key == primary ? RowKind::PrimaryMetric : RowKind::Metric;
        row.item = key == primary ? tr("%1 (primary)").arg(key) : key;
        row.candidate = metricText(mine);
        row.champion = m_championVersion ? metricText(theirs) : QString();
        row.candidateToolTip = metricToolTip(mine);
        row.championToolTip = metricToolTip(theirs);
        if (mine && theirs && std::isfinite(*mine) && std::isfinite(*theirs)) {
            const MetricDifference difference = MetricDifference::between(*mine, *theirs, higherIsBetter);
            // Only the primary metric has a known direction, so only it says better or worse.
            row.difference =
                row.kind == RowKind::PrimaryMetric ? difference.describe() : difference.signedText();
            if (row.kind == RowKind::PrimaryMetric && difference.value != 0)
                row.differenceColor =
                    difference.isBetter() ? ReviewStatusStyle::good() : ReviewStatusStyle::bad();
        }
        const std::optional<double> before = metricValue(submitted, key);
        if (before != mine && !(before && mine && std::isnan(*before) && std::isnan(*mine)))
            row.changedDetail =
                tr("Changed since the request was submitted: it was %1.").arg(metricText(before));
        m_rows.append(row);
    }
}

void EvidenceComparisonModel::addParams(const QJsonObject& candidate, const QJsonObject& champion,
                                        const QJsonObject& submitted) {
    addSection(tr("Params"));
    for (const QString& key : keysOf({candidate, champion})) {
        Row row;
        row.kind = RowKind::Param;
        row.item = key;
        row.candidate = candidate.value(key).toString(QStringLiteral("—"));
        row.champion = m_championVersion ? champion.value(key).toString(QStringLiteral("—")) : QString();
        row.candidateToolTip = row.candidate;
        row.championToolTip = row.champion;
        if (m_championVersion && row.candidate != row.champion)
            row.difference = tr("differs");
        if (submitted.value(key) != candidate.value(key))
            row.changedDetail = tr("Changed since the request was submitted: it was %1.")
                                    .arg(submitted.value(key).toString(QStringLiteral("—")));
        m_rows.append(row);
    }
}

void EvidenceComparisonModel::addCard(const QStringList& candidateMissing,
                                      const std::optional<QStringList>& championMissing, bool changed) {
    addSection(tr("Model card"));
    const auto completeness = [](const QStringList& missing, QString* toolTip) {
        const qsizetype total = ModelCards::sections().size();
        *toolTip = missing.isEmpty() ? tr("Every section is written.")
                                     : tr("Missing: %1").arg(missing.join(QStringLiteral(", ")));
        return missing.isEmpty() ? tr("Complete")
                                 : tr("%1 of %2 sections").arg(total - missing.size()).arg(total);
    };
    Row row;
    row.kind = RowKind::Card;
    row.item = tr("Completeness");
    row.candidate = completeness(candidateMissing, &row.candidateToolTip);
    if (championMissing)
        row.champion = completeness(*championMissing, &row.championToolTip);
    if (changed)
        row.changedDetail = tr("The model card changed since the request was submitted.");
    m_rows.append(row);
}

void EvidenceComparisonModel::addFiles(const QJsonObject& candidate, const QJsonObject& champion,
                                       const QJsonObject& submitted) {
    addSection(tr("Evidence files (SHA-256)"));
    const std::map<QString, QString> mine = filesOf(candidate);
    const std::map<QString, QString> theirs = filesOf(champion);
    const std::map<QString, QString> before = filesOf(submitted);
    std::set<QString> names;
    for (const auto& files : {mine, theirs}) {
        for (const auto& [name, hash] : files)
            names.insert(name);
    }
    if (names.empty()) {
        Row row;
        row.kind = RowKind::File;
        row.item = tr("No evidence files");
        m_rows.append(row);
    }
    for (const QString& name : names) {
        const auto value = [&name](const std::map<QString, QString>& files) {
            const auto found = files.find(name);
            return found == files.end() ? QString() : found->second;
        };
        Row row;
        row.kind = RowKind::File;
        row.item = name;
        row.candidate = shortHash(value(mine));
        row.candidateToolTip = value(mine);
        if (m_championVersion) {
            row.champion = shortHash(value(theirs));
            row.championToolTip = value(theirs);
            if (!value(mine).isEmpty() && !value(theirs).isEmpty())
                row.difference = value(mine) == value(theirs) ? tr("same file") : tr("differs");
        }
        if (value(before) != value(mine))
            row.changedDetail =
                value(before).isEmpty()
                    ? tr("Added since the request was submitted.")
                    : tr("Changed since the request was submitted: it was %1.").arg(shortHash(value(before)));
        m_rows.append(row);
    }
}

int EvidenceComparisonModel::rowOf(const QString& item) const {
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).item == item)
            return static_cast<int>(i);
    }
    return -1;
}

int EvidenceComparisonModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int EvidenceComparisonModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EvidenceComparisonModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case ItemColumn:
            return row.item;
        case CandidateColumn:
            return row.candidate;
        case ChampionColumn:
            return row.champion;
        case DifferenceColumn:
            return row.difference;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (column == CandidateColumn)
            return row.changedDetail.isEmpty() ? row.candidateToolTip
                                               : tr("%1\n%2").arg(row.candidateToolTip, row.changedDetail);
        if (column == ChampionColumn)
            return row.championToolTip;
        return {};
    case Qt::DecorationRole:
        if (column == CandidateColumn && !row.changedDetail.isEmpty())
            return ReviewStatusStyle::dot(ReviewStatusStyle::warning());
        return {};
    case Qt::FontRole:
        if (row.kind == RowKind::Section || row.kind == RowKind::PrimaryMetric) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        if (row.kind == RowKind::PrimaryMetric) {
            QColor highlight = QGuiApplication::palette().color(QPalette::Highlight);
            highlight.setAlpha(40);
            return highlight;
        }
        if (row.kind == RowKind::Section)
            return QGuiApplication::palette().color(QPalette::AlternateBase);
        return {};
    case Qt::ForegroundRole:
        if (column == DifferenceColumn && row.differenceColor.isValid())
            return PaletteTone::asText(row.differenceColor);
        return {};
    case Qt::TextAlignmentRole:
        if ((row.kind == RowKind::Metric || row.kind == RowKind::PrimaryMetric) && column != ItemColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RowKindRole:
        return static_cast<int>(row.kind);
    case ChangedRole:
        return !row.changedDetail.isEmpty();
    default:
        return {};
    }
}

QVariant EvidenceComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ItemColumn:
        return tr("Evidence");
    case CandidateColumn:
        if (m_candidateVersion == 0)
            return tr("Candidate");
        return m_review ? tr("v%1 (%2)").arg(m_candidateVersion).arg(m_alias)
                        : tr("Candidate v%1").arg(m_candidateVersion);
    case ChampionColumn:
        return m_championVersion ? tr("Champion v%1 (%2)").arg(*m_championVersion).arg(m_alias)
                                 : tr("No champion");
    case DifferenceColumn:
        return tr("Difference");
    default:
        return {};
    }
}

} // namespace assay
