#pragma once

#include "ModelCard.h"
#include "ModelCardSection.h"

#include <QList>

namespace assay {

class Workspace;
class WriteTransaction;

// Model cards, one per version. A data scientist or the model's owner writes them; a version
// that has been promoted keeps its card as approved (a new version carries the changes).
class ModelCards {
public:
    explicit ModelCards(const Workspace& workspace)
        : m_workspace(workspace) {}

    static const QList<ModelCardSection>& sections();
    static const ModelCardSection* section(const QString& key);

    // Replaces the card's fields (keys from sections(); empty text clears a section). Refuses
    // unknown keys and cards of promoted versions; records which sections changed.
    static void save(WriteTransaction& tx, qint64 versionId, const QMap<QString, QString>& fields);
    // Starts a new version's card as a copy of the latest earlier version's card, if any.
    static void copyFromPreviousVersion(WriteTransaction& tx, qint64 modelId, qint64 versionId);

    // An empty card (no fields) when the version has none yet.
    ModelCard card(qint64 versionId) const;

private:
    const Workspace& m_workspace;
};

} // namespace assay
