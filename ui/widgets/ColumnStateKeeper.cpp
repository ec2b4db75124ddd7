#include "ColumnStateKeeper.h"

#include "ui/session/UiSettings.h"

#include <QDataStream>
#include <QIODevice>

namespace assay {
namespace {

// Coalesces the resizes of one drag into one write.
constexpr int saveDelayMs = 300;

} // namespace

ColumnStateKeeper::ColumnStateKeeper(QHeaderView* header, const QString& tableName, UiSettings& settings,
                                     QObject* parent)
    : QObject(parent)
    , m_header(header)
    , m_tableName(tableName)
    , m_settings(settings) {
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(saveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &ColumnStateKeeper::save);
    connect(header, &QHeaderView::sectionCountChanged, this, &ColumnStateKeeper::restore);
    connect(header, &QHeaderView::sectionResized, this, &ColumnStateKeeper::scheduleSave);
    connect(header, &QHeaderView::sectionMoved, this, &ColumnStateKeeper::scheduleSave);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &ColumnStateKeeper::scheduleSave);
    restore();
}

void ColumnStateKeeper::restore() {
    if (m_restored || !m_header || m_header->count() == 0)
        return;
    m_restored = true;
    QDataStream in(m_settings.columnState(m_tableName));
    in.setVersion(QDataStream::Qt_6_0);
    int columns = 0;
    QByteArray state;
    in >> columns >> state;
    if (in.status() == QDataStream::Ok && columns == m_header->count())
        m_header->restoreState(state);
}

void ColumnStateKeeper::scheduleSave() {
    // Nothing is saved before the saved state was put back: the model's first layout would
    // overwrite it.
    if (m_restored)
        m_saveTimer.start();
}

void ColumnStateKeeper::save() {
    m_saveTimer.stop();
    if (!m_restored || !m_header)
        return;
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << m_header->count() << m_header->saveState();
    m_settings.setColumnState(m_tableName, bytes);
}

} // namespace assay
