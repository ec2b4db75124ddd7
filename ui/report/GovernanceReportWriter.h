#pragma once

#include "ReportChart.h"
#include "core/report/GovernanceReportData.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

class QFont;
class QIODevice;
class QPainter;
class QPdfWriter;
class QSizeF;
class QTextDocument;

namespace assay {

// Renders a GovernanceReportData as HTML or as a PDF (A4, vector charts). Both carry the same
// content and, in the footer (every page of the PDF), its hash: the hex SHA-256 of the UTF-8
// bytes of contentHtml(). An HTML file holds those bytes verbatim between the begin and end
// markers, so anyone can check the footer: hash what lies between the markers. The generation
// time and user are in the footer, outside the hash: the same data always hashes the same.
class GovernanceReportWriter {
public:
    GovernanceReportWriter(GovernanceReportData data, QString generatedBy, qint64 generatedAt);

    static QString contentBegin() { return QStringLiteral("<!--assay-report-content-begin-->"); }
    static QString contentEnd() { return QStringLiteral("<!--assay-report-content-end-->"); }

    const QString& contentHtml() const { return m_content; }
    const QString& contentHash() const { return m_hash; }
    QByteArray html() const;
    QByteArray pdf() const;
    // .html / .htm write HTML, anything else a PDF; through QSaveFile, so a failed write leaves
    // nothing half written. Throws AssayError naming the path. proceed, when given, is asked once
    // the report is laid out: false (a cancel) writes nothing and throws.
    void write(const QString& path, const std::function<bool()>& proceed = {}) const;

private:
    QString buildContent();
    QString section(const QString& title, const QString& body) const;
    QString overview() const;
    QString card() const;
    QString assessment() const;
    QString evidence() const;
    QString requests() const;
    static QString gateTable(const QString& caption, const QList<Gate>& gates);
    QString conditions(const Decision& decision) const;
    QString findings(const QList<Finding>& raised) const;
    QString comparison();
    QString drift();
    QString audit() const;
    QString chartPlaceholder(ReportChart chart, const QString& caption);
    QString footerText() const;
    QString person(const QString& login) const;
    static QString placeholderText(int index);
    // Sets the page size and default font, and puts the charts in place of their placeholders.
    void layOutPdfDocument(QTextDocument& document, QPdfWriter& writer, const QSizeF& body) const;
    void drawPdfFooter(QPainter& painter, const QFont& font, const QSizeF& body, double line, int page,
                       int pages) const;

    GovernanceReportData m_data;
    QString m_generatedBy;
    qint64 m_generatedAt = 0;
    QList<ReportChart> m_charts;
    QString m_content;
    QString m_hash;
};

} // namespace assay
