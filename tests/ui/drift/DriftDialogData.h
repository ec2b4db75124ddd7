#pragma once

#include <QString>

class QWidget;

namespace assay::test {

// CSV files for the drift dialog tests, with columns date, age, tenure, plan, score, label and
// prediction (std::mt19937, fixed seed):
// - reference: 200 rows in February 2026;
// - current: the same 200 rows dated in week 2026-W10 (no drift), then 200 dated in 2026-W11 with
//   age 30 years older (age drifts, nothing else);
// - batch-03 and batch-04: the W10 and W11 rows as files of their own;
// - bad: a header that reads, and a row with a field missing on line 3;
// - big: two numerical columns over several megabytes, for a cancel while reading.
struct DriftCsvFiles {
    QString reference;
    QString current;
    QString batch03;
    QString batch04;
    QString bad;
    QString big;
};

DriftCsvFiles writeDriftCsvFiles(const QString& dir);

// Saves the widget as NAME.png in $ASSAY_SCREENSHOT_DIR, when that is set: a way to look at a
// dialog as the test left it.
void saveScreenshot(QWidget& widget, const QString& name);

} // namespace assay::test
