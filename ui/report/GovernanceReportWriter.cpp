#include "GovernanceReportWriter.h"

#include "ReportChartObject.h"
#include "core/base/AssayError.h"
#include "core/governance/MetricDifference.h"
#include "core/governance/PromotionGates.h"
#include "ui/widgets/TierStyle.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextCursor>
#include <QTextDocument>

namespace assay {

namespace {

QString esc(const QString& text) {
    return text.toHtmlEscaped();
}

QString when(qint64 ms) {
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
                        .toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                  : QStringLiteral("—");
}

QString number(std::optional<double> value) {
    return value ? QString::number(*value, 'g', 6) : QStringLiteral("—");
}

// A table with a header row; cells are HTML already.
QString table(const QStringList& header, const QList<QStringList>& rows) {
    QString html =
        QStringLiteral("<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\"><thead><tr>");
    for (const QString& cell : header)
        html += QStringLiteral("<th align=\"left\">%1</th>").arg(cell);
    html += QStringLiteral("</tr></thead><tbody>");
    for (const QStringList& row : rows) {
        html += QStringLiteral("<tr>");
        for (const QString& cell : row)
            html += QStringLiteral("<td>%1</td>").arg(cell);
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</tbody></table>");
}

QString signatureStatus(const Decision& decision) {
    const QString label = Decision::statusLabel(decision.status);
    QString html = QStringLiteral("<b>%1</b>").arg(esc(label));
    if (!decision.statusDetail.isEmpty())
        html += QStringLiteral("<br>") + esc(decision.statusDetail);
    return html;
}

QString styleSheet() {
    return QStringLiteral(
        "body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; }"
        "h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 14px; } h3 { font-size: 10pt; }"
        "table { border-collapse: collapse; margin-bottom: 6px; } th { background-color: #eeeeee; }"
        "td, th { border: 1px solid #999999; vertical-align: top; }"
        ".hash { font-family: 'DejaVu Sans Mono', monospace; font-size: 7pt; } .note { color: #555555; }");
}

void setUpPdfWriter(QPdfWriter& writer, const QString& title) {
    writer.setResolution(300);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(16, 14, 16, 12), QPageLayout::Millimeter);
    writer.setTitle(title);
    writer.setCreator(QStringLiteral("Assay"));
}

QFont footerFont() {
    QFont font(QStringLiteral("DejaVu Sans"), 6);
    font.setStyleStrategy(QFont::PreferNoShaping);
    return font;
}

} // namespace

GovernanceReportWriter::GovernanceReportWriter(GovernanceReportData data, QString generatedBy,
                                               qint64 generatedAt)
    : m_data(std::move(data))
    , m_generatedBy(std::move(generatedBy))
    , m_generatedAt(generatedAt) {
    m_content = buildContent();
    m_hash =
        QString::fromLatin1(QCryptographicHash::hash(m_content.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString GovernanceReportWriter::buildContent() {
    QString html = QStringLiteral("<h1>Governance report: %1 v%2</h1>")
                       .arg(esc(m_data.model.name))
                       .arg(m_data.version.version);
    html += overview();
    html += section(QStringLiteral("Model card"), card());
    html += section(QStringLiteral("Risk tier and assessment"), assessment());
    html += section(QStringLiteral("Evidence files"), evidence());
    html += section(QStringLiteral("Requests, gates and decisions"), requests());
    html += section(QStringLiteral("Comparison with the champion"), comparison());
    html += section(QStringLiteral("Drift monitoring"), drift());
    html += section(QStringLiteral("Audit excerpt"), audit());
    return html;
}

QString GovernanceReportWriter::section(const QString& title, const QString& body) const {
    return QStringLiteral("<h2>%1</h2>%2").arg(esc(title), body);
}

QString GovernanceReportWriter::overview() const {
    const RegisteredModel& model = m_data.model;
    const ModelVersion& version = m_data.version;
    const QString tier =
        m_data.assessment ? TierStyle::label(m_data.assessment->effectiveTier(), m_data.assessment->blocked)
                          : QStringLiteral("not assessed");
    return table(
               {QStringLiteral("Model"), QStringLiteral("Version"), QStringLiteral("Tier"),
                QStringLiteral("Aliases"), QStringLiteral("Owner"), QStringLiteral("Business owner"),
                QStringLiteral("Primary metric")},
               {{esc(model.name),
                 QStringLiteral("v%1, registered %2 by %3")
                     .arg(version.version)
                     .arg(when(version.createdAt), person(version.createdBy)),
                 esc(tier),
                 esc(version.aliases.isEmpty() ? QStringLiteral("—")
                                               : version.aliases.join(QStringLiteral(", "))),
                 person(model.owner), esc(model.businessOwner),
                 model.primaryMetric.isEmpty()
                     ? QStringLiteral("—")
                     : QStringLiteral("%1 (%2 is better)")
                           .arg(esc(model.primaryMetric), model.higherIsBetter ? QStringLiteral("higher")
                                                                               : QStringLiteral("lower"))}}) +
           QStringLiteral("<p>Run %1, created by %2. %3</p>")
               .arg(esc(version.runUid.isEmpty() ? QStringLiteral("—") : version.runUid),
                    esc(version.runUser), esc(version.description));
}

QString GovernanceReportWriter::card() const {
    QList<QStringList> rows;
    for (const GovernanceReportData::CardSection& s : m_data.card)
        rows.append({QStringLiteral("<b>%1</b>").arg(esc(s.label)),
                     s.text.isEmpty() ? QStringLiteral("<i>not written</i>")
                                      : esc(s.text).replace(QLatin1Char('\n'), QStringLiteral("<br>"))});
    return table({QStringLiteral("Section"), QStringLiteral("Text")}, rows) +
           QStringLiteral("<p class=\"note\">Last edited %1 by %2.</p>")
               .arg(when(m_data.cardUpdatedAt), esc(m_data.cardUpdatedBy));
}

QString GovernanceReportWriter::assessment() const {
    if (!m_data.assessment)
        return QStringLiteral("<p>The model has not been assessed.</p>");
    const RiskAssessment& a = *m_data.assessment;
    QString html = QStringLiteral("<p><b>%1</b> (policy version %2, assessed %3 by %4). %5</p>")
                       .arg(esc(TierStyle::label(a.effectiveTier(), a.blocked)))
                       .arg(a.policyVersion)
                       .arg(when(a.assessedAt), person(a.assessedBy), esc(a.rule));
    html += QStringLiteral("<p>EU AI Act: %1. Rationale: %2</p>")
                .arg(esc(m_data.euCategoryLabel), esc(a.rationale));
    if (a.overrideTier)
        html +=
            QStringLiteral("<p>Override to Tier %1 (%2): %3 — decided by %4 %5.</p>")
                .arg(*a.overrideTier)
                .arg(esc(RiskAssessment::statusName(a.overrideStatus)), esc(a.overrideReason),
                     esc(a.overrideDecidedBy), a.overrideDecidedAt ? when(*a.overrideDecidedAt) : QString());
    QList<QStringList> rows;
    for (const GovernanceReportData::Score& s : m_data.scores)
        rows.append({esc(s.dimension), QString::number(s.weight, 'g', 4), QString::number(s.score)});
    html +=
        table({QStringLiteral("Dimension"), QStringLiteral("Weight"), QStringLiteral("Score (1–4)")}, rows);
    if (m_data.requirements) {
        QStringList signOffs;
        for (const QString& key : m_data.requirements->signOffs)
            signOffs << SignOff::labelOf(key);
        QStringList evidence;
        for (const QString& key : m_data.requirements->evidence)
            evidence << PromotionGates::evidenceLabel(key);
        html += QStringLiteral("<p>%1 requires sign-offs by: %2; evidence: %3; a review every %4 months.</p>")
                    .arg(esc(TierStyle::label(m_data.requirements->tier)),
                         esc(signOffs.join(QStringLiteral("; "))), esc(evidence.join(QStringLiteral("; "))))
                    .arg(m_data.requirements->reviewMonths);
    }
    return html;
}

QString GovernanceReportWriter::evidence() const {
    if (m_data.evidenceFiles.isEmpty())
        return QStringLiteral("<p>No evidence files are filed for this version.</p>");
    QList<QStringList> rows;
    for (const EvidenceFile& file : m_data.evidenceFiles)
        rows.append({esc(file.name), esc(file.kind),
                     QStringLiteral("%1 by %2").arg(when(file.addedAt), esc(file.addedBy)),
                     QStringLiteral("<span class=\"hash\">%1</span>").arg(esc(file.sha256))});
    return table(
        {QStringLiteral("File"), QStringLiteral("Kind"), QStringLiteral("Added"), QStringLiteral("SHA-256")},
        rows);
}

QString GovernanceReportWriter::requests() const {
    if (m_data.requests.isEmpty())
        return QStringLiteral("<p>No promotion request or review names this version.</p>");
    QString html;
    for (const GovernanceReportData::Request& entry : m_data.requests) {
        const PromotionRequest& r = entry.request;
        html += QStringLiteral("<h3>Request %1: %2 — %3</h3>")
                    .arg(r.id)
                    .arg(esc(r.title()), esc(PromotionRequest::statusLabel(r.status)));
        html +=
            QStringLiteral("<p>Submitted %1 by %2 under policy version %3 as Tier %4%5. %6<br>Evidence hash "
                           "<span class=\"hash\">%7</span></p>")
                .arg(when(r.submittedAt), person(r.submittedBy))
                .arg(r.policyVersion)
                .arg(r.tier)
                .arg(r.closedAt ? QStringLiteral(", closed %1").arg(when(*r.closedAt)) : QString(),
                     esc(r.justification), esc(r.evidenceHash));
        // An open request is decided on today's data; a closed one shows what each signer saw.
        if (r.isOpen() || entry.decisions.isEmpty()) {
            html += gateTable(r.isOpen() ? QStringLiteral("Gate (as computed now)")
                                         : QStringLiteral("Gate (today; no decision recorded them)"),
                              entry.gates);
        } else {
            for (const Decision& d : entry.decisions)
                html += gateTable(
                    d.status == Decision::Status::Invalid
                        ? QStringLiteral("Gate recorded with %1's decision of %2 (signature invalid: "
                                         "not what anyone signed)")
                              .arg(person(d.decidedBy), when(d.decidedAt))
                        : QStringLiteral("Gate as %1 saw it when signing, %2")
                              .arg(person(d.decidedBy), when(d.decidedAt)),
                    PromotionGates::recorded(d));
        }
        QList<QStringList> evidence;
        for (const auto& [label, present] : entry.evidence)
            evidence.append(
                {esc(label), present ? QStringLiteral("present") : QStringLiteral("<b>missing</b>")});
        html += table({r.isOpen() ? QStringLiteral("Evidence the tier requires")
                                  : QStringLiteral("Evidence the tier requires (today)"),
                       QStringLiteral("Status")},
                      evidence);
        QList<QStringList> decisions;
        for (const Decision& d : entry.decisions)
            decisions.append({esc(d.signOff), esc(Decision::outcomeLabel(d.outcome)), person(d.decidedBy),
                              when(d.decidedAt), signatureStatus(d), esc(d.comment), conditions(d)});
        html += decisions.isEmpty()
                    ? QStringLiteral("<p>No decision yet.</p>")
                    : table({QStringLiteral("Sign-off"), QStringLiteral("Outcome"), QStringLiteral("Signer"),
                             QStringLiteral("Time"), QStringLiteral("Signature"), QStringLiteral("Comment"),
                             QStringLiteral("Conditions")},
                            decisions);
        html += findings(entry.findings);
    }
    return html;
}

QString GovernanceReportWriter::gateTable(const QString& caption, const QList<Gate>& gates) {
    QList<QStringList> rows;
    for (const Gate& gate : gates)
        rows.append({esc(gate.label), esc(Gate::statusName(gate.status)), esc(gate.detail)});
    return table({caption, QStringLiteral("Status"), QStringLiteral("Detail")}, rows);
}

QString GovernanceReportWriter::conditions(const Decision& decision) const {
    QStringList lines;
    for (const DecisionCondition& c : decision.conditions)
        lines << QStringLiteral("%1 (owner %2, due %3, %4)")
                     .arg(esc(c.description), person(c.owner), c.dueDate.toString(Qt::ISODate),
                          esc(c.severity));
    return lines.isEmpty() ? QStringLiteral("—") : lines.join(QStringLiteral("<br>"));
}

QString GovernanceReportWriter::findings(const QList<Finding>& raised) const {
    if (raised.isEmpty())
        return {};
    QList<QStringList> rows;
    for (const Finding& f : raised)
        rows.append({QString::number(f.id), esc(f.description), esc(f.severity), person(f.owner),
                     f.dueDate.toString(Qt::ISODate),
                     f.open ? QStringLiteral("<b>open</b>")
                            : QStringLiteral("closed %1 by %2: %3")
                                  .arg(f.closedAt ? when(*f.closedAt) : QString(), person(f.closedBy),
                                       esc(f.resolution))});
    return table({QStringLiteral("Finding raised by a condition"), QStringLiteral("Description"),
                  QStringLiteral("Severity"), QStringLiteral("Owner"), QStringLiteral("Due"),
                  QStringLiteral("Status")},
                 rows);
}

QString GovernanceReportWriter::comparison() {
    QString html;
    if (m_data.champion)
        html += QStringLiteral(
                    "<p>Champion: v%1, the holder of %2 when this version was put forward (or now).</p>")
                    .arg(m_data.champion->version)
                    .arg(esc(m_data.championAlias));
    else
        html += QStringLiteral("<p>There was no other version in %1 to compare with.</p>")
                    .arg(esc(m_data.championAlias));
    QList<QStringList> rows;
    for (const GovernanceReportData::ComparisonRow& row : m_data.comparison) {
        QString difference = QStringLiteral("—");
        if (row.candidate && row.champion) {
            const MetricDifference d =
                MetricDifference::between(*row.candidate, *row.champion, m_data.model.higherIsBetter);
            // Only the primary metric has a known direction, so only it says better or worse.
            difference = row.primary ? d.describe() : d.signedText();
        }
        const QString name =
            row.primary ? QStringLiteral("<b>%1 (primary)</b>").arg(esc(row.metric)) : esc(row.metric);
        rows.append({name, number(row.candidate), number(row.champion), difference});
    }
    if (!rows.isEmpty())
        html +=
            table({QStringLiteral("Metric (latest value)"), QStringLiteral("v%1").arg(m_data.version.version),
                   m_data.champion ? QStringLiteral("Champion v%1").arg(m_data.champion->version)
                                   : QStringLiteral("Champion"),
                   QStringLiteral("Difference")},
                  rows);
    if (m_data.model.primaryMetric.isEmpty() || m_data.primarySeries.empty())
        return html + QStringLiteral("<p>No primary metric series to chart.</p>");
    ReportChart chart;
    chart.title = QStringLiteral("%1 by step").arg(m_data.model.primaryMetric);
    chart.xLabel = QStringLiteral("step");
    chart.yLabel = m_data.model.primaryMetric;
    auto points = [](const MetricSeries& series) {
        QList<QPointF> list;
        for (std::size_t i = 0; i < series.size(); ++i)
            list.append(QPointF(double(series.steps[i]), series.values[i]));
        return list;
    };
    chart.series.append({QStringLiteral("v%1").arg(m_data.version.version), QColor(0x1f, 0x77, 0xb4),
                         points(m_data.primarySeries)});
    if (m_data.champion && !m_data.championSeries.empty())
        chart.series.append({QStringLiteral("champion v%1").arg(m_data.champion->version),
                             QColor(0x99, 0x99, 0x99), points(m_data.championSeries)});
    return html + chartPlaceholder(chart, QStringLiteral("%1 points of v%2's run")
                                              .arg(m_data.primarySeries.size())
                                              .arg(m_data.version.version));
}

QString GovernanceReportWriter::drift() {
    if (m_data.monitors.isEmpty())
        return QStringLiteral("<p>No drift monitor watches this version.</p>");
    QString html = QStringLiteral("<p>%1</p>").arg(esc(m_data.drift.summary()));
    for (const GovernanceReportData::Monitor& entry : m_data.monitors) {
        html += QStringLiteral("<h3>Monitor %1</h3><p>Reference %2 (%3 rows), %4 features.</p>")
                    .arg(esc(entry.monitor.name), esc(entry.monitor.referenceName))
                    .arg(entry.monitor.referenceRows)
                    .arg(entry.monitor.features.size());
        QList<QStringList> rows;
        ReportChart chart;
        chart.title = QStringLiteral("Share of features drifted per window — %1").arg(entry.monitor.name);
        chart.xLabel = QStringLiteral("window");
        chart.yLabel = QStringLiteral("drifted share");
        chart.threshold = 0.5;
        chart.thresholdLabel = QStringLiteral("dataset drift (half the features)");
        ReportChart::Series share{
            QStringLiteral("drifted features / features"), QColor(0xd6, 0x27, 0x28), {}};
        for (const DriftWindow& w : entry.windows) {
            rows.append({esc(w.label), QString::number(w.rows),
                         QStringLiteral("%1 / %2").arg(w.driftedFeatures).arg(w.featureCount),
                         w.datasetDrift ? QStringLiteral("<b>yes</b>") : QStringLiteral("no"),
                         esc(w.driftedKeyFeatures.join(QStringLiteral(", "))),
                         w.retrainingRecommended ? QStringLiteral("<b>yes</b>") : QStringLiteral("no")});
            chart.xCategories.append(w.label);
            share.points.append(
                QPointF(double(chart.xCategories.size() - 1),
                        w.featureCount > 0 ? double(w.driftedFeatures) / w.featureCount : 0.0));
        }
        chart.series.append(share);
        html += rows.isEmpty()
                    ? QStringLiteral("<p>No window of current data yet.</p>")
                    : table({QStringLiteral("Window"), QStringLiteral("Rows"), QStringLiteral("Drifted"),
                             QStringLiteral("Dataset drift"), QStringLiteral("Key features drifted"),
                             QStringLiteral("Retrain")},
                            rows) +
                          chartPlaceholder(chart, QStringLiteral("%1 windows").arg(entry.windows.size()));
    }
    return html;
}

QString GovernanceReportWriter::audit() const {
    if (m_data.audit.isEmpty())
        return QStringLiteral("<p>No audit event names this model.</p>");
    QList<QStringList> rows;
    for (const AuditEvent& e : m_data.audit)
        rows.append({QString::number(e.seq), when(e.at), esc(e.actor), esc(e.action), esc(e.entity)});
    return QStringLiteral("<p>The events whose entity is the model or this version, oldest first.</p>") +
           table({QStringLiteral("Seq"), QStringLiteral("Time"), QStringLiteral("Actor"),
                  QStringLiteral("Action"), QStringLiteral("Entity")},
                 rows);
}

QString GovernanceReportWriter::placeholderText(int index) {
    return QStringLiteral("[chart %1]").arg(index + 1);
}

// The chart's place in the content: a paragraph of its own, which the PDF replaces by the chart
// drawn as vectors and the HTML covers with the chart's picture. The caption stays text.
QString GovernanceReportWriter::chartPlaceholder(ReportChart chart, const QString& caption) {
    // The caption carries a digest of the points drawn, so that the content hash covers them.
    QCryptographicHash points(QCryptographicHash::Sha256);
    for (const ReportChart::Series& series : std::as_const(chart.series)) {
        points.addData(series.name.toUtf8() + '\n');
        for (const QPointF& point : series.points)
            points.addData(QByteArray::number(point.x(), 'g', 17) + ',' +
                           QByteArray::number(point.y(), 'g', 17) + '\n');
    }
    m_charts.append(std::move(chart));
    const int index = int(m_charts.size()) - 1;
    return QStringLiteral("<p class=\"chart\" id=\"chart-%1\">%2</p><p class=\"note\">%3: %4; points SHA-256 "
                          "<span class=\"hash\">%5</span>.</p>")
        .arg(index)
        .arg(placeholderText(index), esc(m_charts.last().title), esc(caption),
             QString::fromLatin1(points.result().toHex()));
}

QString GovernanceReportWriter::footerText() const {
    return QStringLiteral("%1 v%2 · generated %3 by %4 · content SHA-256 %5")
        .arg(m_data.model.name)
        .arg(m_data.version.version)
        .arg(when(m_generatedAt), m_generatedBy, m_hash);
}

// "Priya Shah (priya)": auditors know people by name, the records by login.
QString GovernanceReportWriter::person(const QString& login) const {
    const QString name = m_data.displayNames.value(login);
    return esc(name.isEmpty() || name == login ? login : QStringLiteral("%1 (%2)").arg(name, login));
}

QByteArray GovernanceReportWriter::html() const {
    QString css =
        styleSheet() +
        QStringLiteral(".chart { color: transparent; height: 0; padding-bottom: 42%; "
                       "background-size: contain; background-repeat: no-repeat; max-width: 900px; }");
    for (int i = 0; i < m_charts.size(); ++i) {
        // Twice the CSS size, so that the picture is sharp on a high-density screen too.
        // 1800 pixels across the 6.4 inches a chart takes on the page: its fonts keep their size.
        QImage image(1800, 756, QImage::Format_RGB32);
        image.setDotsPerMeterX(int(1800 / 6.4 / 0.0254));
        image.setDotsPerMeterY(image.dotsPerMeterX());
        image.fill(Qt::white);
        QPainter painter(&image);
        m_charts.at(i).paint(painter, QRectF(12, 12, 1776, 732));
        painter.end();
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        css += QStringLiteral("#chart-%1 { background-image: url(data:image/png;base64,%2); }")
                   .arg(i)
                   .arg(QString::fromLatin1(png.toBase64()));
    }
    const QString document =
        QStringLiteral("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Governance report: %1 "
                       "v%2</title><style>%3</style></head><body>\n")
            .arg(esc(m_data.model.name))
            .arg(m_data.version.version)
            .arg(css) +
        contentBegin() + m_content + contentEnd() +
        QStringLiteral("\n<hr><footer class=\"note\">%1</footer>\n</body></html>\n").arg(esc(footerText()));
    return document.toUtf8();
}

QByteArray GovernanceReportWriter::pdf() const {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    setUpPdfWriter(
        writer,
        QStringLiteral("Governance report: %1 v%2").arg(m_data.model.name).arg(m_data.version.version));

    const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
    const QFont footer = footerFont();
    const double footerHeight = QFontMetricsF(footer, &writer).height() * 2.2;
    const QSizeF body(page.width(), page.height() - footerHeight);

    QTextDocument document;
    layOutPdfDocument(document, writer, body);

    QPainter painter(&writer);
    const int pages = document.pageCount();
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            writer.newPage();
        painter.save();
        painter.translate(0, -i * body.height());
        document.drawContents(&painter, QRectF(0, i * body.height(), body.width(), body.height()));
        painter.restore();
        drawPdfFooter(painter, footer, body, footerHeight / 2.2, i, pages);
    }
    painter.end();
    return bytes;
}

void GovernanceReportWriter::layOutPdfDocument(QTextDocument& document, QPdfWriter& writer,
                                               const QSizeF& body) const {
    document.documentLayout()->setPaintDevice(&writer);
    // No shaping, hence no "fi" ligature: the PDF's text is then searchable and copies as typed.
    QFont font(QStringLiteral("DejaVu Sans"), 9);
    font.setStyleStrategy(QFont::PreferNoShaping);
    document.setDefaultFont(font);
    document.setDefaultStyleSheet(styleSheet());
    document.setDocumentMargin(0);
    document.setPageSize(body);
    auto* charts = new ReportChartObject(m_charts, body.width() * 0.97, &document);
    document.documentLayout()->registerHandler(ReportChartObject::type, charts);
    document.setHtml(m_content);
    for (int i = 0; i < m_charts.size(); ++i) {
        QTextCursor found = document.find(placeholderText(i));
        if (!found.isNull())
            found.insertText(QString(QChar::ObjectReplacementCharacter), ReportChartObject::format(i));
    }
}

void GovernanceReportWriter::drawPdfFooter(QPainter& painter, const QFont& font, const QSizeF& body,
                                           double line, int page, int pages) const {
    painter.setFont(font);
    painter.setPen(QColor(0x55, 0x55, 0x55));
    // The hash alone on the first line, so that it never wraps; who and when under it.
    const QRectF first(0, body.height() + line * 0.2, body.width(), line);
    const QRectF second = first.translated(0, line);
    painter.drawLine(first.topLeft(), first.topRight());
    painter.drawText(first, Qt::AlignLeft | Qt::AlignBottom,
                     QStringLiteral("content SHA-256 %1").arg(m_hash));
    painter.drawText(first, Qt::AlignRight | Qt::AlignBottom,
                     QStringLiteral("page %1 of %2").arg(page + 1).arg(pages));
    painter.drawText(second, Qt::AlignLeft | Qt::AlignBottom,
                     QStringLiteral("Assay governance report · %1 v%2 · generated %3 by %4")
                         .arg(m_data.model.name)
                         .arg(m_data.version.version)
                         .arg(when(m_generatedAt), m_generatedBy));
}

void GovernanceReportWriter::write(const QString& path, const std::function<bool()>& proceed) const {
    const QString suffix = QFileInfo(path).suffix().toLower();
    const bool asHtml = suffix == QLatin1String("html") || suffix == QLatin1String("htm");
    const QByteArray bytes = asHtml ? html() : pdf();
    if (proceed && !proceed())
        throw AssayError(QStringLiteral("The report was cancelled; nothing was written."));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw AssayError(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    file.write(bytes);
    if (!file.commit())
        throw AssayError(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
}

} // namespace assay
