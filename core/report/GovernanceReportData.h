#pragma once

#include "core/drift/DriftMonitor.h"
#include "core/drift/DriftStatus.h"
#include "core/drift/DriftWindow.h"
#include "core/governance/Decision.h"
#include "core/governance/EvidenceFile.h"
#include "core/governance/Finding.h"
#include "core/governance/Gate.h"
#include "core/governance/PromotionRequest.h"
#include "core/governance/RiskAssessment.h"
#include "core/governance/SignOff.h"
#include "core/governance/TierRequirements.h"
#include "core/registry/ModelCard.h"
#include "core/registry/ModelVersion.h"
#include "core/registry/RegisteredModel.h"
#include "core/tracking/MetricSeries.h"
#include "core/workspace/AuditEvent.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>
#include <utility>

namespace assay {

// Everything the governance report of one model version shows (issue 7), gathered from the
// workspace by GovernanceReportReader; the ui renders it to HTML and PDF without reading more.
struct GovernanceReportData {
    struct CardSection {
        QString label;
        QString text; // empty: the section is still to be written
    };
    struct Score {
        QString dimension;
        double weight = 0;
        int score = 0;
    };
    // One request about the version: its gates as computed now (what an open request is decided
    // on; a closed one shows the gates each decision recorded, PromotionGates::recorded), the
    // evidence its tier requires today, every decision with its signature status and conditions,
    // and the findings those conditions raised, as they stand now.
    struct Request {
        PromotionRequest request;
        QList<Gate> gates;
        QList<std::pair<QString, bool>> evidence; // label, present
        QList<SignOff> signOffs;
        QList<Decision> decisions;
        QList<Finding> findings;
    };
    struct ComparisonRow {
        QString metric;
        bool primary = false;
        std::optional<double> candidate;
        std::optional<double> champion;
    };
    struct Monitor {
        DriftMonitor monitor;
        QList<DriftWindow> windows; // oldest first
    };

    RegisteredModel model;
    ModelVersion version;
    QList<CardSection> card;
    QString cardUpdatedBy;
    qint64 cardUpdatedAt = 0;

    std::optional<RiskAssessment> assessment;
    QString euCategoryLabel;
    QList<Score> scores;
    std::optional<TierRequirements> requirements; // of the effective tier, under the assessment's policy

    QList<EvidenceFile> evidenceFiles;
    QList<Request> requests; // newest first

    // The champion the version was (or is) measured against: the holder of the alias its latest
    // promotion request asked for, when it was submitted; else the version in production now.
    std::optional<ModelVersion> champion;
    QString championAlias;
    QList<ComparisonRow> comparison; // the primary metric first
    MetricSeries primarySeries;      // of the version's run
    MetricSeries championSeries;     // of the champion's run, same metric

    DriftStatus drift;
    QList<Monitor> monitors;

    QList<AuditEvent> audit;             // the model's and this version's events, oldest first
    QMap<QString, QString> displayNames; // login → name, for the people the report names
};

} // namespace assay
