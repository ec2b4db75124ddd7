#include "PolicyDocumentView.h"

#include "core/governance/PromotionGates.h"
#include "core/governance/SignOff.h"
#include "core/governance/TierPolicy.h"

#include <QLocale>

namespace assay {
namespace {

QString escaped(const QString& text) {
    return text.toHtmlEscaped();
}

QString cell(const QString& html, const QString& attributes = {}) {
    return QStringLiteral("<td %1>%2</td>").arg(attributes, html);
}

QString headerRow(const QStringList& titles) {
    QString row;
    for (const QString& title : titles)
        row += QStringLiteral("<th align='left'>%1</th>").arg(escaped(title));
    return QStringLiteral("<tr>%1</tr>").arg(row);
}

QString table(const QStringList& titles, const QString& rows) {
    return QStringLiteral("<table cellspacing='0' cellpadding='4' border='1' style='border-collapse: "
                          "collapse; border-color: #a0a0a0; border-style: solid;' width='100%'>%1%2</table>")
        .arg(headerRow(titles), rows);
}

QString dimensions(const TierPolicy& policy) {
    QString rows;
    for (const RiskDimension& dimension : policy.dimensions()) {
        QStringList guidance;
        for (qsizetype i = 0; i < dimension.guidance.size(); ++i)
            guidance << QStringLiteral("<b>%1</b> — %2").arg(i + 1).arg(escaped(dimension.guidance.at(i)));
        rows += QStringLiteral("<tr>%1%2%3</tr>")
                    .arg(cell(QStringLiteral("<b>%1</b><br><small>%2</small>")
                                  .arg(escaped(dimension.label), escaped(dimension.key))),
                         cell(QLocale().toString(dimension.weight * 100, 'g', 3) + QLatin1Char('%'),
                              QStringLiteral("align='right'")),
                         cell(guidance.join(QStringLiteral("<br>"))));
    }
    return table({PolicyDocumentView::tr("Dimension"), PolicyDocumentView::tr("Weight"),
                  PolicyDocumentView::tr("What each score means")},
                 rows);
}

QString bandOf(const QList<TierPolicy::Band>& bands, int tier, int decimals) {
    for (const TierPolicy::Band& band : bands) {
        if (band.tier == tier)
            return QStringLiteral("≥ %1").arg(QLocale().toString(band.minScore, 'f', decimals));
    }
    return QStringLiteral("—");
}

QString bands(const TierPolicy& policy) {
    QString rows;
    for (int tier = 1; tier <= 3; ++tier) {
        rows += QStringLiteral("<tr>%1%2%3</tr>")
                    .arg(cell(PolicyDocumentView::tr("Tier %1 — %2")
                                  .arg(tier)
                                  .arg(escaped(policy.requirements(tier).label))),
                         cell(bandOf(policy.weightedScoreBands(), tier, 2)),
                         cell(bandOf(policy.worstDimensionBands(), tier, 0)));
    }
    return table({PolicyDocumentView::tr("Tier"), PolicyDocumentView::tr("Weighted score"),
                  PolicyDocumentView::tr("Worst single dimension")},
                 rows);
}

QString euCategories(const TierPolicy& policy) {
    QString rows;
    for (const EuAiActCategory& category : policy.euCategories()) {
        QString effect = PolicyDocumentView::tr("none beyond the scores");
        if (category.blocked)
            effect = PolicyDocumentView::tr("<b>blocked</b>: cannot be promoted, no override");
        else if (category.minimumTier)
            effect = PolicyDocumentView::tr("Tier %1 at least").arg(*category.minimumTier);
        rows += QStringLiteral("<tr>%1%2</tr>")
                    .arg(cell(QStringLiteral("%1<br><small>%2</small>")
                                  .arg(escaped(category.label), escaped(category.key))),
                         cell(effect));
    }
    return table({PolicyDocumentView::tr("Category"), PolicyDocumentView::tr("Effect")}, rows);
}

QString tiers(const TierPolicy& policy) {
    QString rows;
    for (int tier = 1; tier <= 3; ++tier) {
        const TierRequirements& requirements = policy.requirements(tier);
        QStringList signOffs;
        for (const QString& key : requirements.signOffs)
            signOffs << escaped(SignOff::labelOf(key));
        QStringList evidence;
        for (const QString& key : requirements.evidence)
            evidence << escaped(PromotionGates::evidenceLabel(key));
        rows +=
            QStringLiteral("<tr>%1%2%3%4</tr>")
                .arg(cell(PolicyDocumentView::tr("Tier %1 — %2").arg(tier).arg(escaped(requirements.label))),
                     cell(signOffs.join(QStringLiteral("<br>"))), cell(evidence.join(QStringLiteral("<br>"))),
                     cell(PolicyDocumentView::tr("every %1 months").arg(requirements.reviewMonths)));
    }
    return table({PolicyDocumentView::tr("Tier"), PolicyDocumentView::tr("Sign-offs"),
                  PolicyDocumentView::tr("Evidence"), PolicyDocumentView::tr("Periodic review")},
                 rows);
}

} // namespace

PolicyDocumentView::PolicyDocumentView(QWidget* parent)
    : QTextBrowser(parent) {
    setObjectName(QStringLiteral("policyDocument"));
    setOpenLinks(false);
}

void PolicyDocumentView::showPolicy(const TierPolicy& policy, const QString& caption) {
    setHtml(html(policy, caption));
}

QString PolicyDocumentView::html(const TierPolicy& policy, const QString& caption) {
    QString html = QStringLiteral("<h3>%1</h3><p>%2</p>").arg(escaped(policy.name()), escaped(caption));
    html += tr("<p>The tier is the more severe of the band of the weighted score and the band of the worst "
               "single dimension; an EU AI Act category may raise it or block the use. An override needs "
               "a written reason and a risk officer's approval.</p>");
    html += tr("<h4>Dimensions, scored 1 (low) to 4 (high)</h4>") + dimensions(policy);
    html += tr("<h4>Score bands</h4>") + bands(policy);
    html += tr("<h4>EU AI Act categories</h4>") + euCategories(policy);
    html += tr("<h4>What each tier requires</h4>") + tiers(policy);
    html += tr("<h4>Promotion gate</h4><p>A challenger's primary metric may trail the champion's by at most "
               "%1.</p>")
                .arg(QLocale().toString(policy.primaryMetricTolerance(), 'g', 6));
    return html;
}

} // namespace assay
