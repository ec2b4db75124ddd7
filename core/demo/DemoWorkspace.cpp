#include "DemoWorkspace.h"

#include "DemoGovernance.h"
#include "core/base/AssayError.h"
#include "core/registry/Registry.h"
#include "core/tracking/MetricStore.h"
#include "core/tracking/Tracking.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <QCryptographicHash>
#include <QFileInfo>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

namespace assay {
namespace {

constexpr qint64 day = 24LL * 3600 * 1000;
constexpr qint64 hour = 3600LL * 1000;
constexpr qint64 historySpan = 120 * day;

enum class Task { Classification, Regression };

struct ExperimentPlan {
    const char* name;
    const char* description;
    const char* team;
    const char* dataset;
    const char* model;
    const char* owner; // the analyst who owns the model and signs as its owner
    Task task;
    int runs;
    double bestScore; // the best final AUC (classification) or RMSE (regression) a good run reaches
};

constexpr std::array plans{
    ExperimentPlan{"churn-prediction", "Which retail customers will leave within 90 days", "retention",
                   "customers_churn", "churn-classifier", "olivia", Task::Classification, 130, 0.93},
    ExperimentPlan{"credit-default-scoring", "Probability of default for consumer loan applications",
                   "credit-risk", "loan_applications", "credit-default-pd", "owen", Task::Classification, 110,
                   0.82},
    ExperimentPlan{"demand-forecasting", "Weekly unit demand per store and product family", "supply-chain",
                   "store_sales_weekly", "demand-forecaster", "nora", Task::Regression, 90, 11.5},
};

// The data scientists of DemoGovernance::dataScientists().
constexpr std::array users{"alice", "bmartin", "cchen", "dpatel", "ekim"};
struct ModelFamily {
    const char* name;
    const char* shortName; // prefix of run names
};

constexpr std::array families{ModelFamily{"xgboost", "xgb"}, ModelFamily{"lightgbm", "lgbm"},
                              ModelFamily{"logistic_regression", "logreg"}, ModelFamily{"mlp", "mlp"}};

QString latin1(const char* text) {
    return QString::fromLatin1(text);
}

QString digestOf(const QString& text) {
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex().left(12));
}

struct RunOutcome {
    qint64 id = 0;
    RunStatus status = RunStatus::Finished;
    double score = 0; // final primary metric
    qint64 endTime = 0;
};

// Generates one experiment's runs. Every random draw goes through one engine, so the same seed
// gives the same workspace.
class ExperimentGenerator {
public:
    ExperimentGenerator(const ExperimentPlan& plan, std::mt19937_64& rng, qint64 now)
        : m_plan(plan)
        , m_rng(rng)
        , m_now(now) {}

    std::vector<RunOutcome> generate(WriteTransaction& tx, const DemoWorkspace::Progress& progress,
                                     int& done) {
        tx.replayAs(latin1(m_plan.owner), m_now - historySpan - day);
        m_experimentId = Tracking::createExperiment(tx, latin1(m_plan.name), latin1(m_plan.description));
        std::vector<RunOutcome> outcomes;
        std::optional<qint64> sweepParent;
        for (int i = 0; i < m_plan.runs; ++i) {
            const qint64 start =
                m_now - historySpan + historySpan * i / m_plan.runs + between(0, 3600) * 1000;
            if (startsSweep(i)) {
                sweepParent = createSweepParent(tx, start, i / sweepPeriod + 1);
                reportProgress(progress, done);
            } else if (i % sweepPeriod == 25) {
                sweepParent.reset();
            }
            outcomes.push_back(createRun(tx, i, start, sweepParent));
            reportProgress(progress, done);
        }
        return outcomes;
    }

    qint64 experimentId() const { return m_experimentId; }

    // Every 40th run from the 6th starts a hyperparameter sweep whose parent run groups the
    // next 20.
    static constexpr int sweepPeriod = 40;
    static bool startsSweep(int index) { return index % sweepPeriod == 5; }
    static int runsCreated(const ExperimentPlan& plan) {
        return plan.runs + (plan.runs + sweepPeriod - 6) / sweepPeriod;
    }

private:
    static void reportProgress(const DemoWorkspace::Progress& progress, int& done) {
        if (progress && !progress(++done, DemoWorkspace::totalRuns()))
            throw AssayError(QStringLiteral("The demo fill was cancelled; nothing was written."));
    }

    double uniform(double low, double high) {
        return std::uniform_real_distribution<double>(low, high)(m_rng);
    }
    double normal(double sd) { return std::normal_distribution<double>(0.0, sd)(m_rng); }
    qint64 between(qint64 low, qint64 high) {
        return std::uniform_int_distribution<qint64>(low, high)(m_rng);
    }
    bool chance(double p) { return uniform(0, 1) < p; }
    template <class T, std::size_t N>
    T pick(const std::array<T, N>& items) {
        return items[static_cast<std::size_t>(between(0, N - 1))];
    }

    qint64 createSweepParent(WriteTransaction& tx, qint64 start, int number) {
        Run run;
        run.experimentId = m_experimentId;
        run.name = QStringLiteral("sweep-%1").arg(number);
        run.status = RunStatus::Finished;
        run.user = latin1(pick(users));
        run.startTime = start;
        run.endTime = start + 6 * 3600 * 1000;
        run.sourceName = QStringLiteral("pipelines/%1/sweep.py").arg(latin1(m_plan.name));
        run.sourceCommit = commitHash();
        tx.replayAs(run.user, start);
        const qint64 id = Tracking::createRun(tx, run);
        Tracking::logParams(tx, id,
                            {{QStringLiteral("search"), QStringLiteral("bayesian")},
                             {QStringLiteral("trials"), QStringLiteral("20")},
                             {QStringLiteral("objective"), primaryMetric()}});
        Tracking::setTags(tx, id,
                          {{QStringLiteral("team"), latin1(m_plan.team)},
                           {QStringLiteral("kind"), QStringLiteral("sweep")}});
        return id;
    }

    QString commitHash() {
        return digestOf(QString::number(between(0, std::numeric_limits<qint64>::max()))) +
               digestOf(QString::number(between(0, std::numeric_limits<qint64>::max()))).left(8) +
               digestOf(QString::number(between(0, std::numeric_limits<qint64>::max())));
    }

    QString primaryMetric() const {
        return m_plan.task == Task::Classification ? QStringLiteral("val_auc") : QStringLiteral("val_rmse");
    }

    QMap<QString, QString> params(const QString& family, double learningRate, int rounds) {
        QMap<QString, QString> result{
            {QStringLiteral("model"), family},
            {QStringLiteral("learning_rate"), QString::number(learningRate, 'g', 3)},
            {QStringLiteral("seed"), QString::number(between(1, 9999))},
            {QStringLiteral("feature_set"),
             chance(0.6) ? QStringLiteral("v4-extended") : QStringLiteral("v3-core")},
            {QStringLiteral("validation_split"), QStringLiteral("0.2")},
            {QStringLiteral("early_stopping_rounds"), QString::number(between(2, 6) * 10)},
            {QStringLiteral("class_weight"),
             chance(0.5) ? QStringLiteral("balanced") : QStringLiteral("none")},
            {QStringLiteral("n_estimators"), QString::number(rounds)},
        };
        if (family == QLatin1String("mlp")) {
            result.insert(QStringLiteral("hidden_layers"), QString::number(between(1, 4)));
            result.insert(QStringLiteral("hidden_units"), QString::number(32 << between(0, 4)));
            result.insert(QStringLiteral("dropout"), QString::number(uniform(0.0, 0.5), 'f', 2));
            result.insert(QStringLiteral("batch_size"), QString::number(64 << between(0, 4)));
            result.insert(QStringLiteral("optimizer"),
                          chance(0.7) ? QStringLiteral("adamw") : QStringLiteral("sgd"));
            result.insert(QStringLiteral("weight_decay"),
                          QString::number(std::pow(10.0, uniform(-6, -2)), 'g', 2));
        } else if (family == QLatin1String("logistic_regression")) {
            result.insert(QStringLiteral("penalty"),
                          chance(0.7) ? QStringLiteral("l2") : QStringLiteral("elasticnet"));
            result.insert(QStringLiteral("C"), QString::number(std::pow(10.0, uniform(-3, 1)), 'g', 3));
            result.insert(QStringLiteral("solver"), QStringLiteral("saga"));
        } else {
            result.insert(QStringLiteral("max_depth"), QString::number(between(3, 12)));
            result.insert(QStringLiteral("subsample"), QString::number(uniform(0.5, 1.0), 'f', 2));
            result.insert(QStringLiteral("colsample_bytree"), QString::number(uniform(0.4, 1.0), 'f', 2));
            result.insert(QStringLiteral("min_child_weight"), QString::number(between(1, 20)));
            result.insert(QStringLiteral("reg_lambda"),
                          QString::number(std::pow(10.0, uniform(-2, 2)), 'g', 3));
        }
        return result;
    }

    // Most runs finish; a diverged one fails, a few are killed, and the newest two still run.
    RunStatus statusOf(double roll, bool diverges, int index) const {
        if (diverges || roll > 0.96)
            return RunStatus::Failed;
        if (roll > 0.93)
            return RunStatus::Killed;
        if (index >= m_plan.runs - 2)
            return RunStatus::Running;
        return RunStatus::Finished;
    }

    QMap<QString, QString> runTags(bool diverges) {
        QMap<QString, QString> tags{
            {QStringLiteral("team"), latin1(m_plan.team)},
            {QStringLiteral("task"), m_plan.task == Task::Classification
                                         ? QStringLiteral("binary-classification")
                                         : QStringLiteral("regression")},
            {QStringLiteral("git.branch"),
             chance(0.7) ? QStringLiteral("main") : QStringLiteral("feature/new-features")}};
        if (diverges)
            tags.insert(QStringLiteral("note"), QStringLiteral("loss diverged; learning rate too high"));
        return tags;
    }

    RunOutcome createRun(WriteTransaction& tx, int index, qint64 start, std::optional<qint64> parent) {
        const ModelFamily& chosen = families[static_cast<std::size_t>(between(0, families.size() - 1))];
        const QString family = latin1(chosen.name);
        const double learningRate = std::pow(10.0, uniform(-3.3, -0.7));
        // Steps spread log-uniformly over 100..5,000.
        const int steps = static_cast<int>(std::round(std::exp(uniform(std::log(100.0), std::log(5000.0)))));
        const double roll = uniform(0, 1);
        const bool diverges = roll < 0.05 && learningRate > 0.02;
        const RunStatus status = statusOf(roll, diverges, index);

        // How good this run gets: best near a learning rate of 0.03, worse for the simplest models.
        const double lrPenalty = std::abs(std::log10(learningRate) + 1.5) * 0.25;
        const double familyPenalty = family == QLatin1String("logistic_regression") ? 0.35 : 0.0;
        const double quality = std::clamp(1.0 - lrPenalty - familyPenalty + normal(0.12), 0.0, 1.0);

        const double stepMs = uniform(40, 1500);
        const int logged = status == RunStatus::Finished ? steps
                           : diverges ? std::max(60, static_cast<int>(steps * uniform(0.2, 0.6)))
                                      : std::max(30, static_cast<int>(steps * uniform(0.1, 0.8)));
        Run run;
        run.experimentId = m_experimentId;
        run.name =
            QStringLiteral("%1-%2").arg(latin1(chosen.shortName)).arg(index + 1, 3, 10, QLatin1Char('0'));
        run.status = status;
        run.user = latin1(pick(users));
        run.startTime = start;
        if (status != RunStatus::Running)
            run.endTime = start + static_cast<qint64>(logged * stepMs) + between(5, 90) * 1000;
        run.sourceCommit = commitHash();
        run.sourceName = QStringLiteral("pipelines/%1/train.py").arg(latin1(m_plan.name));
        run.parentRunId = parent;
        tx.replayAs(run.user, start); // the run and everything logged with it
        const qint64 id = Tracking::createRun(tx, run);

        Tracking::logParams(tx, id, params(family, learningRate, steps));
        Tracking::setTags(tx, id, runTags(diverges));
        Tracking::logInputs(tx, id, datasetInputs(start));

        std::map<QString, MetricSeries> curves =
            m_plan.task == Task::Classification
                ? classificationCurves(steps, logged, quality, diverges, start, stepMs)
                : regressionCurves(steps, logged, quality, diverges, start, stepMs);
        const double score = curves[primaryMetric()].values.back();
        curves.insert(
            {QStringLiteral("learning_rate"), schedule(learningRate, steps, logged, start, stepMs)});
        MetricStore::log(tx, id, curves);
        return {id, status, score, run.endTime.value_or(start)};
    }

    QList<DatasetInput> datasetInputs(qint64 start) const {
        // A new monthly snapshot of the data every 30 days.
        const qint64 month = (start - (m_now - historySpan)) / (30 * day);
        const QString snapshot = QStringLiteral("2026-%1").arg(7 + month, 2, 10, QLatin1Char('0'));
        const QString name = latin1(m_plan.dataset);
        return {{name + QStringLiteral("_train"), digestOf(name + snapshot + QStringLiteral("train")),
                 QStringLiteral("s3://assay-demo/%1/%2/train.parquet").arg(name, snapshot),
                 QStringLiteral("training")},
                {name + QStringLiteral("_valid"), digestOf(name + snapshot + QStringLiteral("valid")),
                 QStringLiteral("s3://assay-demo/%1/%2/valid.parquet").arg(name, snapshot),
                 QStringLiteral("validation")}};
    }

    MetricSeries timeline(int logged, qint64 start, double stepMs) {
        MetricSeries series;
        series.reserve(static_cast<std::size_t>(logged));
        for (int step = 0; step < logged; ++step)
            series.append(step, start + static_cast<qint64>(step * stepMs) + between(0, 30), 0.0);
        return series;
    }

    // A loss that decays exponentially towards a floor with noise; after divergence it grows
    // without bound, overflows to +inf and ends in NaN, as real blown-up runs do.
    std::vector<double> decay(int steps, int logged, double from, double floor, double noise, bool diverges) {
        const double tau = steps * uniform(0.12, 0.3);
        const int blowUp = diverges ? logged - 25 : logged;
        std::vector<double> values(static_cast<std::size_t>(logged));
        for (int step = 0; step < logged; ++step) {
            double value = floor + (from - floor) * std::exp(-step / tau);
            value *= 1.0 + normal(noise);
            if (step >= blowUp) {
                const int k = step - blowUp;
                value = k < 20 ? value * std::pow(40.0, k)
                               : (k < 23 ? std::numeric_limits<double>::infinity()
                                         : std::numeric_limits<double>::quiet_NaN());
            }
            values[static_cast<std::size_t>(step)] = value;
        }
        return values;
    }

    std::vector<double> saturate(int steps, int logged, double from, double to, double noise, bool diverges) {
        const double tau = steps * uniform(0.08, 0.25);
        std::vector<double> values(static_cast<std::size_t>(logged));
        for (int step = 0; step < logged; ++step) {
            double value = to - (to - from) * std::exp(-step / tau) + normal(noise);
            if (diverges && step >= logged - 25)
                value = from + normal(noise);
            values[static_cast<std::size_t>(step)] = std::clamp(value, 0.0, 1.0);
        }
        return values;
    }

    MetricSeries withValues(MetricSeries series, std::vector<double> values) {
        series.values = std::move(values);
        return series;
    }

    std::map<QString, MetricSeries> classificationCurves(int steps, int logged, double quality, bool diverges,
                                                         qint64 start, double stepMs) {
        const MetricSeries time = timeline(logged, start, stepMs);
        const double auc = 0.62 + (m_plan.bestScore - 0.62) * quality;
        const double floor = 0.62 - 0.45 * quality;
        const double overfit = chance(0.3) ? uniform(0.05, 0.2) : 0.0;
        std::vector<double> validationLoss = decay(steps, logged, 0.72, floor + 0.04, 0.02, diverges);
        for (int step = 0; step < logged && !diverges; ++step)
            validationLoss[static_cast<std::size_t>(step)] += overfit * step / steps;
        return {
            {QStringLiteral("train_loss"),
             withValues(time, decay(steps, logged, 0.70, floor, 0.03, diverges))},
            {QStringLiteral("val_loss"), withValues(time, validationLoss)},
            {QStringLiteral("val_auc"), withValues(time, saturate(steps, logged, 0.5, auc, 0.004, diverges))},
            {QStringLiteral("val_accuracy"),
             withValues(time, saturate(steps, logged, 0.55, 0.7 + 0.25 * quality, 0.004, diverges))},
            {QStringLiteral("val_f1"),
             withValues(time, saturate(steps, logged, 0.2, 0.45 + 0.4 * quality, 0.008, diverges))},
            {QStringLiteral("val_recall"),
             withValues(time, saturate(steps, logged, 0.1, 0.4 + 0.45 * quality, 0.01, diverges))},
        };
    }

    std::map<QString, MetricSeries> regressionCurves(int steps, int logged, double quality, bool diverges,
                                                     qint64 start, double stepMs) {
        const MetricSeries time = timeline(logged, start, stepMs);
        const double rmse = m_plan.bestScore * (1.0 + 0.8 * (1.0 - quality));
        return {
            {QStringLiteral("train_loss"),
             withValues(time, decay(steps, logged, 900.0, rmse * rmse * 0.8, 0.03, diverges))},
            {QStringLiteral("val_loss"),
             withValues(time, decay(steps, logged, 950.0, rmse * rmse, 0.03, diverges))},
            {QStringLiteral("val_rmse"), withValues(time, decay(steps, logged, 30.0, rmse, 0.015, diverges))},
            {QStringLiteral("val_mae"),
             withValues(time, decay(steps, logged, 22.0, rmse * 0.72, 0.015, diverges))},
            {QStringLiteral("val_r2"),
             withValues(time, saturate(steps, logged, 0.0, 0.55 + 0.4 * quality, 0.005, diverges))},
        };
    }

    MetricSeries schedule(double learningRate, int steps, int logged, qint64 start, double stepMs) {
        MetricSeries series = timeline(logged, start, stepMs);
        const int warmup = std::max(1, steps / 20);
        for (int step = 0; step < logged; ++step) {
            const double cosine = 0.5 * (1.0 + std::cos(M_PI * step / steps));
            series.values[static_cast<std::size_t>(step)] =
                learningRate *
                (step < warmup ? double(step + 1) / warmup : 0.01 + 0.99 * cosine); // eta_min = 1%
        }
        return series;
    }

    const ExperimentPlan& m_plan;
    std::mt19937_64& m_rng;
    qint64 m_now;
    qint64 m_experimentId = 0;
};

// Registers the best finished runs as successive versions and moves `production` along them,
// so that the alias timeline has a history to show. The last two versions are left to
// DemoGovernance: the older becomes the signed-off champion, the newer the candidate.
DemoGovernance::Model registerModel(WriteTransaction& tx, const ExperimentPlan& plan,
                                    std::vector<RunOutcome> outcomes, qint64 now) {
    const bool higherIsBetter = plan.task == Task::Classification;
    std::erase_if(outcomes, [](const RunOutcome& o) {
        return o.status != RunStatus::Finished || !std::isfinite(o.score);
    });
    std::sort(outcomes.begin(), outcomes.end(),
              [](const RunOutcome& a, const RunOutcome& b) { return a.endTime < b.endTime; });
    // A version is registered whenever a run beats every earlier one, as a team would do.
    std::vector<RunOutcome> champions;
    for (const RunOutcome& outcome : outcomes) {
        if (champions.empty() || (higherIsBetter ? outcome.score > champions.back().score
                                                 : outcome.score < champions.back().score))
            champions.push_back(outcome);
    }
    if (champions.size() > 4)
        champions.erase(champions.begin(), champions.end() - 4);
    const QString registrar = QStringLiteral("alice");
    const auto count = static_cast<qint64>(champions.size());
    // Spaced so that each version's review fits before the next one arrives, but never before its
    // run ended: the trail lists events in time order, and a version cannot precede its run.
    const auto registeredAt = [&](qint64 i) {
        return std::max(std::min(now - (count - i) * 12 * day, champions[i].endTime + day),
                        champions[i].endTime + hour);
    };
    const qint64 createdAt = std::min(champions.front().endTime + day, registeredAt(0));
    tx.replayAs(registrar, createdAt);
    const qint64 modelId = Registry::createModel(tx, latin1(plan.model), latin1(plan.description), createdAt);
    DemoGovernance::Model model{modelId, latin1(plan.model), latin1(plan.owner), registrar, {}};
    for (qint64 i = 0; i < count; ++i) {
        const qint64 at = registeredAt(i);
        tx.replayAs(registrar, at);
        const int version = Registry::createVersion(
            tx, modelId, champions[i].id, QStringLiteral("Best %1 run so far").arg(latin1(plan.name)), at);
        model.versions.push_back({version, at});
        if (i + 2 < count) {
            tx.replayAs(registrar, at + 7 * day);
            Registry::setAlias(tx, modelId, QStringLiteral("production"), version,
                               QStringLiteral("Promoted before sign-off moved to Assay"), at + 7 * day);
        }
    }
    if (count > 1) {
        tx.replayAs(registrar, now - day / 2);
        Registry::setAlias(tx, modelId, QStringLiteral("staging"), model.versions.back().number,
                           QStringLiteral("Candidate for review"), now - day / 2);
    }
    return model;
}

} // namespace

int DemoWorkspace::totalRuns() {
    int total = 0;
    for (const ExperimentPlan& plan : plans)
        total += ExperimentGenerator::runsCreated(plan);
    return total;
}

WorkspaceOptions DemoWorkspace::newFileOptions() {
    WorkspaceOptions options;
    options.createIfMissing = true;
    options.createdAt = DemoGovernance::historyStart(systemClock()()) - day;
    return options;
}

QString DemoWorkspace::defaultPath() {
    return QFileInfo(Workspace::defaultPath()).absolutePath() + QStringLiteral("/demo.assay");
}

void DemoWorkspace::populate(Workspace& workspace, const Progress& progress, quint64 seed) {
    if (!Tracking(workspace).experiments().isEmpty())
        throw AssayError(
            QStringLiteral("%1 has experiments already; demo data goes into an empty workspace only.")
                .arg(workspace.path()));
    std::mt19937_64 rng(seed);
    const qint64 now = workspace.now();
    workspace.write([&](WriteTransaction& tx) {
        // Written experiment by experiment and model by model, recorded in the order it happened.
        tx.holdAuditForTimeOrder();
        int done = 0;
        std::vector<DemoGovernance::Model> models;
        for (const ExperimentPlan& plan : plans) {
            ExperimentGenerator generator(plan, rng, now);
            models.push_back(registerModel(tx, plan, generator.generate(tx, progress, done), now));
        }
        DemoGovernance::populate(tx, models, now);
    });
}

} // namespace assay
