#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace assay {

class Workspace;
struct DecisionSnapshot;
struct PromotionRequest;

// The candidate's evidence beside the champion's (the version the alias points at now, or
// as a decision recorded them when it was signed): metric latest values with the model's
// primary metric first and highlighted and a difference column, params, model card
// completeness and evidence files by SHA-256 prefix. Rows whose candidate value changed since
// the request was submitted carry ChangedRole and say what it was.
class EvidenceComparisonModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { ItemColumn, CandidateColumn, ChampionColumn, DifferenceColumn, ColumnCount };
    enum class RowKind { Section, PrimaryMetric, Metric, Param, Card, File };
    enum Role { RowKindRole = Qt::UserRole + 1, ChangedRole };

    explicit EvidenceComparisonModel(QObject* parent = nullptr);

    // liveEvidence: PromotionRequests::liveEvidence(request), the candidate as it is now, beside
    // the version the alias points at now.
    void setComparison(const Workspace& workspace, const PromotionRequest& request,
                       const QJsonObject& liveEvidence);
    // The candidate and champion as a decision's snapshot recorded them when it was signed.
    void setSnapshot(const PromotionRequest& request, const DecisionSnapshot& snapshot,
                     const QString& primaryMetric, bool higherIsBetter);
    void clear();
    std::optional<int> championVersion() const { return m_championVersion; }
    // The row whose item column reads text, or -1.
    int rowOf(const QString& item) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        RowKind kind = RowKind::Section;
        QString item;
        QString candidate;
        QString champion;
        QString difference;
        QColor differenceColor;
        QString candidateToolTip;
        QString championToolTip;
        QString changedDetail; // non-empty when the candidate's value changed since submission
    };

    void addMetrics(const QJsonObject& candidate, const QJsonObject& champion, const QJsonObject& submitted,
                    const QString& primary, bool higherIsBetter);
    void addParams(const QJsonObject& candidate, const QJsonObject& champion, const QJsonObject& submitted);
    void addCard(const QStringList& candidateMissing, const std::optional<QStringList>& championMissing,
                 bool changed);
    void addFiles(const QJsonObject& candidate, const QJsonObject& champion, const QJsonObject& submitted);
    void addSection(const QString& title);

    QList<Row> m_rows;
    int m_candidateVersion = 0;
    std::optional<int> m_championVersion;
    QString m_alias;
    bool m_review = false;
};

} // namespace assay
