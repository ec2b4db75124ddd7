#include "CompareChartFrame.h"

#include <QChart>
#include <QChartView>

namespace assay {

void CompareChartFrame::setUp(QChartView* view) {
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(260);
    auto* chart = new QChart;
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 8, 4));
    chart->setBackgroundRoundness(0);
    view->setChart(chart);
}

} // namespace assay
