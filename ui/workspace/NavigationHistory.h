#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QWidget>

#include <functional>

namespace assay {

// The places the user went through, for Go > Back and Go > Forward, as a browser keeps them. A
// place is a page and what shows there again what it showed then (run 12 on the Run page); a
// page chosen in the navigation list needs nothing put back.
class NavigationHistory : public QObject {
    Q_OBJECT

public:
    struct Place {
        QPointer<QWidget> page;
        std::function<void()> restore;
    };

    static constexpr int maximumPlaces = 50;

    explicit NavigationHistory(QObject* parent = nullptr);

    // A new place after the current one; the places one could go forward to are dropped. Going
    // to the current page again without anything to restore adds nothing.
    void visit(const Place& place);
    bool canGoBack() const;
    bool canGoForward() const;
    // Moves to the previous or next place and returns it; an empty place when there is none.
    Place back();
    Place forward();
    // Forgets everything (another workspace: its places mean nothing there).
    void clear();

signals:
    void changed();

private:
    QList<Place> m_places;
    int m_current = -1;
};

} // namespace assay
