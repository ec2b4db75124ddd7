#include "WorkspaceSchema.h"

#include "core/base/AssayError.h"
#include "core/base/SqlQuery.h"

#include <vector>

namespace assay {
namespace {

// Version 1: tracking data and the audit trail.
// This list is longer than 60 lines on purpose: a migration's DDL reads best as one list in the
// order it runs, and splitting it would hide that order.
QStringList trackingAndAudit() {
    return {
        QStringLiteral(R"(CREATE TABLE experiments (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            description TEXT NOT NULL DEFAULT '',
            lifecycle TEXT NOT NULL DEFAULT 'active' CHECK (lifecycle IN ('active', 'deleted')),
            created_at INTEGER NOT NULL,
            created_by TEXT NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE experiment_tags (
            experiment_id INTEGER NOT NULL REFERENCES experiments(id),
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (experiment_id, key)) WITHOUT ROWID)"),
        QStringLiteral(R"(CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            experiment_id INTEGER NOT NULL REFERENCES experiments(id),
            name TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL CHECK (status IN ('RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED')),
            user TEXT NOT NULL DEFAULT '',
            start_time INTEGER,
            end_time INTEGER,
            source_commit TEXT NOT NULL DEFAULT '',
            source_name TEXT NOT NULL DEFAULT '',
            parent_run_id INTEGER REFERENCES runs(id),
            lifecycle TEXT NOT NULL DEFAULT 'active' CHECK (lifecycle IN ('active', 'deleted'))))"),
        QStringLiteral("CREATE INDEX runs_by_experiment_start ON runs(experiment_id, start_time DESC)"),
        QStringLiteral(R"(CREATE TABLE params (
            run_id INTEGER NOT NULL REFERENCES runs(id),
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (run_id, key)) WITHOUT ROWID)"),
        QStringLiteral("CREATE INDEX params_by_key_value ON params(key, value)"),
        QStringLiteral(R"(CREATE TABLE tags (
            run_id INTEGER NOT NULL REFERENCES runs(id),
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (run_id, key)) WITHOUT ROWID)"),
        QStringLiteral("CREATE INDEX tags_by_key_value ON tags(key, value)"),
        QStringLiteral(R"(CREATE TABLE datasets (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            digest TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            UNIQUE (name, digest)))"),
        QStringLiteral(R"(CREATE TABLE run_inputs (
            run_id INTEGER NOT NULL REFERENCES runs(id),
            dataset_id INTEGER NOT NULL REFERENCES datasets(id),
            context TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (run_id, dataset_id)) WITHOUT ROWID)"),
        QStringLiteral(R"(CREATE TABLE attachments (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES runs(id),
            name TEXT NOT NULL,
            media_type TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            content BLOB NOT NULL,
            created_at INTEGER NOT NULL,
            UNIQUE (run_id, name)))"),
        // A metric series is stored as chunks of encoded points (MetricChunkCodec); the step
        // range and the value extremes let readers skip chunks outside a zoomed range.
        QStringLiteral(R"(CREATE TABLE metric_chunks (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES runs(id),
            key TEXT NOT NULL,
            seq INTEGER NOT NULL,
            point_count INTEGER NOT NULL,
            min_step INTEGER NOT NULL,
            max_step INTEGER NOT NULL,
            min_value REAL,
            max_value REAL,
            data BLOB NOT NULL,
            UNIQUE (run_id, key, seq)))"),
        // SQLite stores a NaN REAL as NULL, hence the latest_is_nan flag.
        QStringLiteral(R"(CREATE TABLE metric_summaries (
            run_id INTEGER NOT NULL REFERENCES runs(id),
            key TEXT NOT NULL,
            latest_value REAL,
            latest_is_nan INTEGER NOT NULL DEFAULT 0,
            latest_step INTEGER NOT NULL,
            latest_timestamp INTEGER NOT NULL,
            min_value REAL,
            max_value REAL,
            point_count INTEGER NOT NULL,
            PRIMARY KEY (run_id, key)) WITHOUT ROWID)"),
        QStringLiteral("CREATE INDEX metric_summaries_by_key_latest ON metric_summaries(key, latest_value)"),
        QStringLiteral(R"(CREATE TABLE audit_log (
            seq INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            payload TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL))"),
        QStringLiteral(R"(CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END)"),
        QStringLiteral(R"(CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END)"),
    };
}

// Version 2: the model registry.
QStringList registry() {
    return {
        QStringLiteral(R"(CREATE TABLE registered_models (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            description TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL,
            created_by TEXT NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE registered_model_tags (
            model_id INTEGER NOT NULL REFERENCES registered_models(id),
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (model_id, key)) WITHOUT ROWID)"),
        QStringLiteral(R"(CREATE TABLE model_versions (
            id INTEGER PRIMARY KEY,
            model_id INTEGER NOT NULL REFERENCES registered_models(id),
            version INTEGER NOT NULL,
            run_id INTEGER REFERENCES runs(id),
            description TEXT NOT NULL DEFAULT '',
            stage TEXT NOT NULL DEFAULT 'None',
            created_at INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            UNIQUE (model_id, version)))"),
        QStringLiteral(R"(CREATE TABLE model_aliases (
            model_id INTEGER NOT NULL REFERENCES registered_models(id),
            alias TEXT NOT NULL,
            version_id INTEGER NOT NULL REFERENCES model_versions(id),
            PRIMARY KEY (model_id, alias)) WITHOUT ROWID)"),
        // One row per move of an alias; version_id is NULL when the alias was removed.
        QStringLiteral(R"(CREATE TABLE alias_history (
            id INTEGER PRIMARY KEY,
            model_id INTEGER NOT NULL REFERENCES registered_models(id),
            alias TEXT NOT NULL,
            version_id INTEGER REFERENCES model_versions(id),
            previous_version_id INTEGER REFERENCES model_versions(id),
            changed_at INTEGER NOT NULL,
            changed_by TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT ''))"),
        QStringLiteral("CREATE INDEX alias_history_by_alias ON alias_history(model_id, alias, changed_at)"),
    };
}

// Version 3: the provenance of imports from MLflow, so that importing a store again adds only
// what is new there.
QStringList mlflowImports() {
    return {
        // Which Assay experiment each experiment of a source (the canonical path of an mlruns
        // folder or an MLflow database) went to. created: the import made the experiment, so its
        // lifecycle follows MLflow's; an experiment merged by name keeps its own.
        QStringLiteral(R"(CREATE TABLE mlflow_experiment_imports (
            source TEXT NOT NULL,
            mlflow_experiment_id TEXT NOT NULL,
            experiment_id INTEGER NOT NULL REFERENCES experiments(id),
            created INTEGER NOT NULL,
            PRIMARY KEY (source, mlflow_experiment_id)) WITHOUT ROWID)"),
        // How many points of each (run, key) history came over from MLflow. A history is
        // append-only in the source's order (file lines, table rows) and may hold legitimate
        // duplicates, so the next import takes exactly the points after these.
        QStringLiteral(R"(CREATE TABLE mlflow_metric_imports (
            run_id INTEGER NOT NULL REFERENCES runs(id),
            key TEXT NOT NULL,
            points INTEGER NOT NULL,
            PRIMARY KEY (run_id, key)) WITHOUT ROWID)"),
    };
}

// Version 4: users and their roles. A workspace from before users existed gets its creator,
// the actor of its first audit event, as its admin; a new workspace gets one through
// Identity::bootstrapAdmin once that event exists.
QStringList identity() {
    return {
        QStringLiteral(R"(CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            login TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE user_roles (
            user_id INTEGER NOT NULL REFERENCES users(id),
            role TEXT NOT NULL CHECK (role IN ('admin', 'data_scientist', 'analyst', 'validator', 'risk_officer')),
            PRIMARY KEY (user_id, role)) WITHOUT ROWID)"),
        QStringLiteral("INSERT INTO users (login, created_at) SELECT actor, at FROM audit_log WHERE seq = 1"),
        QStringLiteral("INSERT INTO user_roles (user_id, role) SELECT id, 'admin' FROM users"),
    };
}

// Version 5: saved views of the runs table, shared by everyone who opens the workspace. scope
// is the sorted, comma-separated experiment ids ('' for all experiments) rather than a foreign
// key, since a view may span several experiments; columns is a JSON array of column keys.
QStringList savedViews() {
    return {
        QStringLiteral(R"(CREATE TABLE saved_views (
            id INTEGER PRIMARY KEY,
            scope TEXT NOT NULL,
            name TEXT NOT NULL,
            filter TEXT NOT NULL DEFAULT '',
            columns TEXT NOT NULL DEFAULT '[]',
            sort TEXT NOT NULL DEFAULT '',
            updated_at INTEGER NOT NULL,
            updated_by TEXT NOT NULL,
            UNIQUE (scope, name)))"),
    };
}

// Version 6: the runs table's default order, newest first, read from an index: the first page
// of 100,000 runs costs 200 index steps instead of sorting them all. (A descending walk puts
// runs without a start time last, and the rowid every index ends with breaks ties.)
QStringList runSearch() {
    return {
        QStringLiteral("CREATE INDEX runs_by_start_time ON runs(start_time)"),
    };
}

// Version 7: signing keys (DESIGN §5). workspace_meta holds the workspace's own random uuid,
// which names its entries in the OS keychain: a private key belongs to one user in one workspace,
// so revoking it here cannot affect another workspace. A user has at most one active key;
// revoked keys stay, so that signatures made before the revocation can still be checked.
QStringList signingKeys() {
    return {
        QStringLiteral(R"(CREATE TABLE workspace_meta (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL) WITHOUT ROWID)"),
        QStringLiteral("INSERT INTO workspace_meta (key, value) VALUES ('uuid', lower(hex(randomblob(16))))"),
        QStringLiteral(R"(CREATE TABLE signing_keys (
            id INTEGER PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id),
            public_key TEXT NOT NULL UNIQUE,
            created_at INTEGER NOT NULL,
            revoked_at INTEGER))"),
        QStringLiteral("CREATE UNIQUE INDEX signing_keys_one_active_per_user ON signing_keys(user_id) "
                       "WHERE revoked_at IS NULL"),
    };
}

// Version 8: governance (DESIGN §5). A model has an owner (a user who signs as model owner), a
// business owner and a primary metric; each version has a model card (JSON object of sections)
// and evidence files. Policies are versioned JSON documents; risk assessments, promotion and
// review requests, signed decisions, findings and the review schedule complete the picture.
// Decisions keep the evidence hash and the signature they were made with, so that a later change
// to either shows; revision counts a request's changes for optimistic concurrency.
// This list is longer than 60 lines on purpose: a migration's DDL reads best as one list in the
// order it runs, and splitting it would hide that order.
QStringList governance() {
    return {
        QStringLiteral("ALTER TABLE registered_models ADD COLUMN owner TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE registered_models ADD COLUMN business_owner TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE registered_models ADD COLUMN primary_metric TEXT NOT NULL DEFAULT ''"),
        QStringLiteral(
            "ALTER TABLE registered_models ADD COLUMN higher_is_better INTEGER NOT NULL DEFAULT 1"),
        QStringLiteral(R"(CREATE TABLE model_cards (
            version_id INTEGER PRIMARY KEY REFERENCES model_versions(id),
            content TEXT NOT NULL,
            updated_at INTEGER NOT NULL,
            updated_by TEXT NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE version_evidence (
            id INTEGER PRIMARY KEY,
            version_id INTEGER NOT NULL REFERENCES model_versions(id),
            kind TEXT NOT NULL CHECK (kind IN ('validation_report', 'fairness_metrics', 'other')),
            name TEXT NOT NULL,
            media_type TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            content BLOB NOT NULL,
            added_at INTEGER NOT NULL,
            added_by TEXT NOT NULL,
            UNIQUE (version_id, name)))"),
        QStringLiteral(R"(CREATE TABLE policies (
            version INTEGER PRIMARY KEY,
            document TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL,
            created_by TEXT NOT NULL))"),
        QStringLiteral(R"(CREATE TABLE risk_assessments (
            id INTEGER PRIMARY KEY,
            model_id INTEGER NOT NULL REFERENCES registered_models(id),
            policy_version INTEGER NOT NULL REFERENCES policies(version),
            scores TEXT NOT NULL,
            eu_category TEXT NOT NULL,
            computed_tier INTEGER NOT NULL,
            blocked INTEGER NOT NULL DEFAULT 0,
            rule TEXT NOT NULL,
            rationale TEXT NOT NULL DEFAULT '',
            override_tier INTEGER,
            override_reason TEXT NOT NULL DEFAULT '',
            override_status TEXT NOT NULL DEFAULT 'none'
                CHECK (override_status IN ('none', 'pending', 'approved', 'rejected')),
            override_decided_by TEXT NOT NULL DEFAULT '',
            override_decided_at INTEGER,
            override_comment TEXT NOT NULL DEFAULT '',
            assessed_at INTEGER NOT NULL,
            assessed_by TEXT NOT NULL))"),
        QStringLiteral("CREATE INDEX risk_assessments_by_model ON risk_assessments(model_id, id)"),
        QStringLiteral(R"(CREATE TABLE promotion_requests (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('promotion', 'review')),
            model_id INTEGER NOT NULL REFERENCES registered_models(id),
            version_id INTEGER NOT NULL REFERENCES model_versions(id),
            alias TEXT NOT NULL,
            tier INTEGER NOT NULL,
            policy_version INTEGER NOT NULL REFERENCES policies(version),
            evidence TEXT NOT NULL,
            evidence_hash TEXT NOT NULL,
            justification TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL CHECK (status IN ('open', 'executed', 'rejected', 'withdrawn')),
            submitted_at INTEGER NOT NULL,
            submitted_by TEXT NOT NULL,
            closed_at INTEGER,
            revision INTEGER NOT NULL DEFAULT 1))"),
        QStringLiteral("CREATE INDEX promotion_requests_by_model ON promotion_requests(model_id, status)"),
        QStringLiteral(R"(CREATE TABLE decisions (
            id INTEGER PRIMARY KEY,
            request_id INTEGER NOT NULL REFERENCES promotion_requests(id),
            sign_off TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('approve', 'approve_with_conditions', 'reject')),
            comment TEXT NOT NULL,
            evidence_hash TEXT NOT NULL,
            decided_at INTEGER NOT NULL,
            decided_by TEXT NOT NULL,
            gates TEXT NOT NULL,
            key_id INTEGER NOT NULL REFERENCES signing_keys(id),
            signature TEXT NOT NULL))"),
        QStringLiteral("CREATE INDEX decisions_by_request ON decisions(request_id)"),
        QStringLiteral(R"(CREATE TABLE findings (
            id INTEGER PRIMARY KEY,
            model_id INTEGER NOT NULL REFERENCES registered_models(id),
            version_id INTEGER REFERENCES model_versions(id),
            decision_id INTEGER REFERENCES decisions(id),
            description TEXT NOT NULL,
            severity TEXT NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
            owner TEXT NOT NULL,
            due_date TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
            resolution TEXT NOT NULL DEFAULT '',
            closed_at INTEGER,
            closed_by TEXT NOT NULL DEFAULT '',
            created_at INTEGER NOT NULL,
            created_by TEXT NOT NULL))"),
        QStringLiteral("CREATE INDEX findings_by_model ON findings(model_id, status)"),
        QStringLiteral(R"(CREATE TABLE review_schedule (
            model_id INTEGER PRIMARY KEY REFERENCES registered_models(id),
            next_review_at INTEGER NOT NULL,
            last_reviewed_at INTEGER,
            scheduled_by_request INTEGER REFERENCES promotion_requests(id)))"),
    };
}

// Version 9: drift monitors (DESIGN §6). A monitor belongs to a model version and keeps its
// reference data (numerical features as sorted doubles, categorical ones as counts per label), so
// that windows added later, from any machine, compare against the same numbers. Each window keeps
// every statistic per feature and the bins it used, for the charts; the verdicts are stored, and
// re-judged when thresholds change.
// This list is longer than 60 lines on purpose: a migration's DDL reads best as one list in the
// order it runs, and splitting it would hide that order.
QStringList driftMonitors() {
    return {
        QStringLiteral(R"(CREATE TABLE drift_monitors (
            id INTEGER PRIMARY KEY,
            version_id INTEGER NOT NULL REFERENCES model_versions(id),
            name TEXT NOT NULL,
            reference_name TEXT NOT NULL,
            reference_sha256 TEXT NOT NULL,
            reference_rows INTEGER NOT NULL,
            timestamp_column TEXT NOT NULL DEFAULT '',
            period TEXT NOT NULL CHECK (period IN ('file', 'day', 'week', 'month')),
            label_column TEXT NOT NULL DEFAULT '',
            prediction_column TEXT NOT NULL DEFAULT '',
            performance_metric TEXT NOT NULL DEFAULT ''
                CHECK (performance_metric IN ('', 'accuracy', 'mae', 'rmse')),
            reference_performance REAL,
            thresholds TEXT NOT NULL,
            after_approval INTEGER NOT NULL,
            created_at INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            UNIQUE (version_id, name)))"),
        QStringLiteral(R"(CREATE TABLE drift_features (
            monitor_id INTEGER NOT NULL REFERENCES drift_monitors(id),
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            type TEXT NOT NULL CHECK (type IN ('numerical', 'categorical')),
            method TEXT NOT NULL,
            threshold REAL,
            is_key INTEGER NOT NULL DEFAULT 0,
            reference_count INTEGER NOT NULL,
            reference_distinct INTEGER NOT NULL,
            reference_values BLOB NOT NULL,
            PRIMARY KEY (monitor_id, name)))"),
        QStringLiteral(R"(CREATE TABLE drift_windows (
            id INTEGER PRIMARY KEY,
            monitor_id INTEGER NOT NULL REFERENCES drift_monitors(id),
            label TEXT NOT NULL,
            first_day TEXT,
            last_day TEXT,
            rows INTEGER NOT NULL,
            source_name TEXT NOT NULL,
            source_sha256 TEXT NOT NULL,
            performance REAL,
            feature_count INTEGER NOT NULL,
            drifted_features INTEGER NOT NULL,
            dataset_drift INTEGER NOT NULL,
            drifted_key_features TEXT NOT NULL DEFAULT '[]',
            retraining INTEGER NOT NULL,
            added_at INTEGER NOT NULL,
            added_by TEXT NOT NULL,
            UNIQUE (monitor_id, label)))"),
        QStringLiteral(R"(CREATE TABLE drift_results (
            window_id INTEGER NOT NULL REFERENCES drift_windows(id),
            feature TEXT NOT NULL,
            method TEXT NOT NULL,
            statistic REAL,
            p_value REAL,
            threshold REAL,
            drifted INTEGER,
            monitored INTEGER NOT NULL,
            PRIMARY KEY (window_id, feature, method)))"),
        QStringLiteral(R"(CREATE TABLE drift_distributions (
            window_id INTEGER NOT NULL REFERENCES drift_windows(id),
            feature TEXT NOT NULL,
            bins TEXT NOT NULL,
            PRIMARY KEY (window_id, feature)))"),
    };
}

// Version 10: the audit trail's head (its last sequence number and hash) recorded beside it in
// workspace_meta, updated by every write, so that events cut from the end of the chain, which
// leave the rest of it intact, still show.
QStringList auditHead() {
    return {
        QStringLiteral(
            "INSERT OR REPLACE INTO workspace_meta (key, value) SELECT 'audit_head', seq || ' ' || hash "
            "FROM audit_log ORDER BY seq DESC LIMIT 1"),
    };
}

// Version 11: the deleted runs by experiment. The counts that every opening of a workspace shows
// (the runs in scope, each experiment's runs) are all runs, from an index, less these: counting
// `lifecycle = 'active'` reads every row of the runs table, scattered through the file (190 ms
// for 100,000 runs out of the page cache, 47 ms so). Partial, so that no query of active runs
// can pick it over the indexes that serve their order.
QStringList deletedRuns() {
    return {
        QStringLiteral(
            "CREATE INDEX runs_deleted_by_experiment ON runs(experiment_id) WHERE lifecycle = 'deleted'"),
    };
}

// Version 12: what a reviewer saw when signing (DecisionSnapshot: the gates with their details,
// the candidate's and the champion's evidence), kept with each decision and signed with it, so
// that a closed request shows the gates and evidence as they stood, not as they are today.
// Decisions made before it keep NULL: they signed the gates' statuses alone.
QStringList decisionSnapshots() {
    return {QStringLiteral("ALTER TABLE decisions ADD COLUMN snapshot TEXT")};
}

const std::vector<QStringList>& migrations() {
    static const std::vector<QStringList> all{
        trackingAndAudit(), registry(),   mlflowImports(), identity(),  savedViews(),  runSearch(),
        signingKeys(),      governance(), driftMonitors(), auditHead(), deletedRuns(), decisionSnapshots()};
    return all;
}

} // namespace

int WorkspaceSchema::currentVersion() {
    return static_cast<int>(migrations().size());
}

QStringList WorkspaceSchema::migrationStatements(int toVersion) {
    if (toVersion < 1 || toVersion > currentVersion())
        throw AssayError(QStringLiteral("There is no workspace schema version %1.").arg(toVersion));
    return migrations()[static_cast<std::size_t>(toVersion - 1)];
}

void WorkspaceSchema::migrate(const QSqlDatabase& db, int fromVersion, int toVersion) {
    for (int version = fromVersion + 1; version <= toVersion; ++version) {
        for (const QString& statement : migrationStatements(version))
            SqlQuery::run(db, statement);
    }
    SqlQuery::run(db, QStringLiteral("PRAGMA user_version = %1").arg(toVersion));
}

} // namespace assay
