#include "DriftReport.h"

namespace assay {

QJsonObject DriftReport::toJson() const {
    QJsonObject columnsJson;
    for (const DriftColumnResult& c : columns) {
        QJsonObject o;
        o.insert(QStringLiteral("type"), c.type == CsvColumnType::Numerical ? QStringLiteral("numerical")
                                                                            : QStringLiteral("categorical"));
        o.insert(QStringLiteral("n_reference"), c.nReference);
        o.insert(QStringLiteral("n_current"), c.nCurrent);
        o.insert(QStringLiteral("bins"), c.bins);
        o.insert(QStringLiteral("psi"), c.psi);
        o.insert(QStringLiteral("kl"), c.kl);
        o.insert(QStringLiteral("jensen_shannon"), c.jensenShannon);
        if (c.ksStatistic)
            o.insert(QStringLiteral("ks_statistic"), *c.ksStatistic);
        if (c.ksP)
            o.insert(QStringLiteral("ks_p"), *c.ksP);
        if (c.ksExact)
            o.insert(QStringLiteral("ks_method"),
                     *c.ksExact ? QStringLiteral("exact") : QStringLiteral("asymptotic"));
        if (c.wasserstein)
            o.insert(QStringLiteral("wasserstein"), *c.wasserstein);
        if (c.wassersteinNorm)
            o.insert(QStringLiteral("wasserstein_norm"), *c.wassersteinNorm);
        if (c.chiSquareP)
            o.insert(QStringLiteral("chi_square_p"), *c.chiSquareP);
        // The fixtures list the Z-test only where it is the column's test.
        if (c.zP && c.defaultMethod == QLatin1String("z"))
            o.insert(QStringLiteral("z_p"), *c.zP);
        o.insert(QStringLiteral("default_method"), c.defaultMethod);
        o.insert(QStringLiteral("default_score"), c.defaultScore);
        o.insert(QStringLiteral("drifted"), c.drifted);
        columnsJson.insert(c.name, o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("columns"), columnsJson);
    root.insert(QStringLiteral("dataset_drift"), datasetDrift);
    root.insert(QStringLiteral("drifted_columns"), driftedColumns);
    return root;
}

} // namespace assay
