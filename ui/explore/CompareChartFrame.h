#pragma once

class QChartView;

namespace assay {

// The frame the Compare page's charts share: antialiased, at least 260 px high, a chart without
// legend (the page's legend names the runs once for all charts) and with tight margins.
class CompareChartFrame {
public:
    static void setUp(QChartView* view);
};

} // namespace assay
