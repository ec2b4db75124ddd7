#include "ModelCards.h"

#include "core/base/AssayError.h"
#include "core/base/CanonicalJson.h"
#include "core/base/SqlQuery.h"
#include "core/base/VersionLock.h"
#include "core/identity/Identity.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <QJsonArray>
#include <QJsonObject>

namespace assay {
namespace {

struct VersionLabel {
    qint64 modelId = 0;
    QString entity; // "model:NAME/N"
    QString owner;
};

VersionLabel versionLabel(const QSqlDatabase& db, qint64 versionId) {
    QSqlQuery query =
        SqlQuery::run(db,
                      QStringLiteral("SELECT m.id, m.name, v.version, m.owner FROM model_versions v "
                                     "JOIN registered_models m ON m.id = v.model_id WHERE v.id = ?"),
                      {versionId});
    if (!query.next())
        throw AssayError(QStringLiteral("There is no model version with id %1.").arg(versionId));
    return {query.value(0).toLongLong(),
            QStringLiteral("model:%1/%2").arg(query.value(1).toString()).arg(query.value(2).toInt()),
            query.value(3).toString()};
}

QJsonObject toJson(const QMap<QString, QString>& fields) {
    QJsonObject object;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (!it.value().trimmed().isEmpty())
            object.insert(it.key(), it.value());
    }
    return object;
}

QMap<QString, QString> fromJson(const QJsonObject& object) {
    QMap<QString, QString> fields;
    for (auto it = object.begin(); it != object.end(); ++it)
        fields.insert(it.key(), it.value().toString());
    return fields;
}

void writeCard(WriteTransaction& tx, qint64 versionId, const QJsonObject& content) {
    tx.run(QStringLiteral("INSERT OR REPLACE INTO model_cards (version_id, content, updated_at, updated_by) "
                          "VALUES (?, ?, ?, ?)"),
           {versionId, QString::fromUtf8(CanonicalJson::serialize(content)), tx.now(), tx.actor()});
    tx.changes().add(EntityKind::ModelCard, versionId);
}

} // namespace

QStringList ModelCard::missingSections() const {
    QStringList missing;
    for (const ModelCardSection& section : ModelCards::sections()) {
        if (fields.value(section.key).trimmed().isEmpty())
            missing << section.label;
    }
    return missing;
}

const QList<ModelCardSection>& ModelCards::sections() {
    static const QList<ModelCardSection> all{
        {QStringLiteral("model_details"), QStringLiteral("Model details"),
         QStringLiteral("Who developed the model, when, which version and algorithm; licence; where to send "
                        "questions."),
         false},
        {QStringLiteral("intended_use"), QStringLiteral("Intended use"),
         QStringLiteral("The primary uses and users the model was built for."), false},
        {QStringLiteral("out_of_scope_use"), QStringLiteral("Out-of-scope uses"),
         QStringLiteral("Uses the model must not be put to, and users it was not built for."), false},
        {QStringLiteral("factors"), QStringLiteral("Factors"),
         QStringLiteral("Groups, instruments and environments whose performance may differ, and which "
                        "of them were evaluated."),
         false},
        {QStringLiteral("metrics"), QStringLiteral("Metrics and thresholds"),
         QStringLiteral("The performance measures, decision thresholds and why they were chosen; how "
                        "variation is measured."),
         false},
        {QStringLiteral("evaluation_data"), QStringLiteral("Evaluation data"),
         QStringLiteral("Datasets used to evaluate, why they were chosen, and how they were prepared."),
         false},
        {QStringLiteral("training_data"), QStringLiteral("Training data"),
         QStringLiteral("The training data, as far as can be shared: source, period, size, distribution."),
         false},
        {QStringLiteral("quantitative_analyses"), QStringLiteral("Quantitative analyses"),
         QStringLiteral("Results per factor and across factors, with confidence intervals."), false},
        {QStringLiteral("ethical_considerations"), QStringLiteral("Ethical considerations"),
         QStringLiteral("Sensitive data, risks to people, mitigations and the harms that remain."), false},
        {QStringLiteral("caveats"), QStringLiteral("Caveats and recommendations"),
         QStringLiteral("What the evaluation did not cover and what users of the model should know."), false},
        {QStringLiteral("consumers"), QStringLiteral("Consumers"),
         QStringLiteral("The systems, teams and processes that use the model's outputs."), true},
        {QStringLiteral("service_level"), QStringLiteral("Service level"),
         QStringLiteral("Availability, latency and the fallback when the model is unavailable."), true},
        {QStringLiteral("retraining_cadence"), QStringLiteral("Retraining cadence"),
         QStringLiteral("How often the model is retrained, and what triggers an early retraining."), true},
        {QStringLiteral("data_sensitivity"), QStringLiteral("Data sensitivity"),
         QStringLiteral("Classification of the input data: public, internal, personal or special category."),
         true},
    };
    return all;
}

const ModelCardSection* ModelCards::section(const QString& key) {
    for (const ModelCardSection& section : sections()) {
        if (section.key == key)
            return &section;
    }
    return nullptr;
}

void ModelCards::save(WriteTransaction& tx, qint64 versionId, const QMap<QString, QString>& fields) {
    const VersionLabel version = versionLabel(tx.database(), versionId);
    if (version.owner != tx.actor() && !Identity::actorHas(tx, Role::DataScientist))
        Identity::requireRole(tx, Role::DataScientist,
                              QStringLiteral("edit the model card of ") + version.entity);
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (!section(it.key()))
            throw AssayError(QStringLiteral("A model card has no section \"%1\".").arg(it.key()));
    }
    VersionLock::requireEditable(tx.database(), versionId, QStringLiteral("model card"));

    const ModelCard before = ModelCards(tx.workspace()).card(versionId);
    const QJsonObject content = toJson(fields);
    QJsonArray changed;
    for (const ModelCardSection& section : sections()) {
        if (before.value(section.key).trimmed() != content.value(section.key).toString().trimmed())
            changed.append(section.key);
    }
    if (changed.isEmpty())
        return;
    writeCard(tx, versionId, content);
    tx.audit(
        QStringLiteral("card.update"), version.entity,
        {{QStringLiteral("sections"), changed}, {QStringLiteral("sha256"), CanonicalJson::hash(content)}});
}

void ModelCards::copyFromPreviousVersion(WriteTransaction& tx, qint64 modelId, qint64 versionId) {
    QSqlQuery query =
        SqlQuery::run(tx.database(),
                      QStringLiteral("SELECT c.content, v.version FROM model_cards c JOIN model_versions v "
                                     "ON v.id = c.version_id WHERE v.model_id = ? AND v.id <> ? "
                                     "ORDER BY v.version DESC LIMIT 1"),
                      {modelId, versionId});
    if (!query.next())
        return;
    const QJsonObject content = CanonicalJson::parse(query.value(0).toString());
    const int fromVersion = query.value(1).toInt();
    query.finish();
    writeCard(tx, versionId, content);
    tx.audit(QStringLiteral("card.copy"), versionLabel(tx.database(), versionId).entity,
             {{QStringLiteral("from_version"), fromVersion},
              {QStringLiteral("sha256"), CanonicalJson::hash(content)}});
}

ModelCard ModelCards::card(qint64 versionId) const {
    ModelCard card;
    card.versionId = versionId;
    QSqlQuery query = SqlQuery::run(
        m_workspace.database(),
        QStringLiteral("SELECT content, updated_at, updated_by FROM model_cards WHERE version_id = ?"),
        {versionId});
    if (query.next()) {
        card.fields = fromJson(CanonicalJson::parse(query.value(0).toString()));
        card.updatedAt = query.value(1).toLongLong();
        card.updatedBy = query.value(2).toString();
    }
    return card;
}

} // namespace assay
