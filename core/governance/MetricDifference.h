#pragma once

#include <QString>

namespace assay {

// A candidate's metric beside the champion's, with the one sign convention Assay shows
// everywhere: candidate minus champion. Whether that is better depends on the metric's
// direction, so the verdict is spelled out ("0.812 better") rather than left to the sign.
struct MetricDifference {
    double value = 0;           // candidate − champion
    bool higherIsBetter = true; // the metric's direction

    static MetricDifference between(double candidate, double champion, bool higherIsBetter);

    // How much better the candidate is: positive when better, negative when worse, whatever the
    // metric's direction.
    double gain() const { return higherIsBetter ? value : -value; }
    bool isBetter() const { return gain() > 0; }
    bool isWorse() const { return gain() < 0; }
    // "+0.05", "−0.812", "0", to four significant digits.
    QString signedText() const;
    // "0.812 better", "0.05 worse", "the same".
    QString verdict() const;
    // "−0.812, 0.812 better": the signed difference and what it means.
    QString describe() const;

    static QString number(double value); // four significant digits, a real minus sign
};

} // namespace assay
