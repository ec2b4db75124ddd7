#include "NavigationHistory.h"

namespace assay {

NavigationHistory::NavigationHistory(QObject* parent)
    : QObject(parent) {}

void NavigationHistory::visit(const Place& place) {
    if (!place.page)
        return;
    if (m_current >= 0 && !place.restore && m_places.at(m_current).page == place.page)
        return;
    m_places.erase(m_places.begin() + (m_current + 1), m_places.end());
    m_places.append(place);
    if (m_places.size() > maximumPlaces)
        m_places.removeFirst();
    m_current = static_cast<int>(m_places.size()) - 1;
    emit changed();
}

bool NavigationHistory::canGoBack() const {
    return m_current > 0;
}

bool NavigationHistory::canGoForward() const {
    return m_current + 1 < m_places.size();
}

NavigationHistory::Place NavigationHistory::back() {
    if (!canGoBack())
        return {};
    --m_current;
    emit changed();
    return m_places.at(m_current);
}

NavigationHistory::Place NavigationHistory::forward() {
    if (!canGoForward())
        return {};
    ++m_current;
    emit changed();
    return m_places.at(m_current);
}

void NavigationHistory::clear() {
    m_places.clear();
    m_current = -1;
    emit changed();
}

} // namespace assay
