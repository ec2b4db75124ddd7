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
    ModelCard,
    Evidence,
    Policy,
    RiskAssessment,
    PromotionRequest,
    Decision,
    Finding,
    ReviewSchedule,
    DriftMonitor, // a monitor, its windows or rules; ids are model ids
    User,         // a user or a role grant; ids are user ids
    // Keep User last, or move this: ChangeSet::everything() walks the kinds up to it.
    LastKind = User,
};

} // namespace assay
