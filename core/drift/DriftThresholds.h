#pragma once

#include <QJsonObject>

namespace assay {

// When a column counts as drifted, and how the default test is chosen (DESIGN §6). p-value tests
// drift when p is below their threshold (KS at or below); distances when at or above theirs.
struct DriftThresholds {
    double ksP = 0.05;               // drift when p <= this
    double chiSquareP = 0.05;        // drift when p < this
    double zP = 0.05;                // drift when p < this
    double wassersteinNorm = 0.1;    // drift when >= this
    double jensenShannon = 0.1;      // drift when >= this
    double psi = 0.1;                // drift when >= this
    double datasetShare = 0.5;       // dataset drift when drifted columns / columns >= this
    long long smallReference = 1000; // reference sizes up to this use the p-value tests

    // Keys as DriftMethod names them (ks, chi_square, z, wasserstein_norm, jensen_shannon, psi),
    // plus dataset_share and small_reference.
    QJsonObject toJson() const;
    // Missing keys keep their defaults; a bad value throws AssayError naming the key.
    static DriftThresholds fromJson(const QJsonObject& json);
    // Throws AssayError naming the first threshold out of range.
    void validate() const;
    // Sets one threshold by its key; throws AssayError on an unknown key.
    void set(const QString& key, double value);
};

} // namespace assay
