#pragma once

namespace assay {

// What a committed write touched; item models use it to decide what to reload.
enum class EntityKind {
    Workspace,
    Experiment,
    Run,
    Param,
    Tag,
    Metric,
    Dataset,
    Attachment,
    RegisteredModel,
    ModelVersion,
    Alias,
    SavedView,
    User, // a user or a role grant; ids are user ids
};

} // namespace assay
