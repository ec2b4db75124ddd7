#include "DriftThresholds.h"

#include "core/base/AssayError.h"

#include <QJsonValue>

#include <cmath>

namespace assay {

namespace {

struct Entry {
    const char* key;
    double DriftThresholds::*value;
};

constexpr Entry entries[] = {
    {"ks", &DriftThresholds::ksP},
    {"chi_square", &DriftThresholds::chiSquareP},
    {"z", &DriftThresholds::zP},
    {"wasserstein_norm", &DriftThresholds::wassersteinNorm},
    {"jensen_shannon", &DriftThresholds::jensenShannon},
    {"psi", &DriftThresholds::psi},
    {"dataset_share", &DriftThresholds::datasetShare},
};

} // namespace

QJsonObject DriftThresholds::toJson() const {
    QJsonObject json;
    for (const Entry& entry : entries)
        json.insert(QLatin1String(entry.key), this->*entry.value);
    json.insert(QStringLiteral("small_reference"), smallReference);
    return json;
}

void DriftThresholds::set(const QString& key, double value) {
    for (const Entry& entry : entries) {
        if (key == QLatin1String(entry.key)) {
            this->*entry.value = value;
            return;
        }
    }
    if (key == QLatin1String("small_reference")) {
        smallReference = static_cast<long long>(value);
        return;
    }
    throw AssayError(QStringLiteral("There is no drift threshold \"%1\"; the thresholds are ks, chi_square, "
                                    "z, wasserstein_norm, jensen_shannon, psi, dataset_share and "
                                    "small_reference.")
                         .arg(key));
}

DriftThresholds DriftThresholds::fromJson(const QJsonObject& json) {
    DriftThresholds thresholds;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (!it.value().isDouble())
            throw AssayError(QStringLiteral("Drift threshold \"%1\" must be a number.").arg(it.key()));
        thresholds.set(it.key(), it.value().toDouble());
    }
    thresholds.validate();
    return thresholds;
}

void DriftThresholds::validate() const {
    const auto check = [](bool ok, const char* key, const QString& rule) {
        if (!ok)
            throw AssayError(QStringLiteral("Drift threshold \"%1\" %2.").arg(QLatin1String(key), rule));
    };
    const QString probability = QStringLiteral("must be a p-value between 0 and 1");
    check(ksP > 0 && ksP < 1, "ks", probability);
    check(chiSquareP > 0 && chiSquareP < 1, "chi_square", probability);
    check(zP > 0 && zP < 1, "z", probability);
    const QString positive = QStringLiteral("must be a positive number");
    check(std::isfinite(wassersteinNorm) && wassersteinNorm > 0, "wasserstein_norm", positive);
    check(std::isfinite(jensenShannon) && jensenShannon > 0, "jensen_shannon", positive);
    check(std::isfinite(psi) && psi > 0, "psi", positive);
    check(datasetShare > 0 && datasetShare <= 1, "dataset_share",
          QStringLiteral("must be a share of the features, above 0 and at most 1"));
    check(smallReference >= 0, "small_reference", QStringLiteral("must be a row count, 0 or more"));
}

} // namespace assay
