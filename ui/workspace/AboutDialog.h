#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QPushButton;

namespace assay {

class Workspace;

// Help > About Assay: what a bug report needs, namely the versions of Assay, Qt (at run time
// and at build time), SQLite and the workspace schema (of the open file and the one this build
// writes), the journal mode, the platform and where the settings live; Copy to Clipboard puts
// all of it on the clipboard as plain text.
class AboutDialog : public QDialog {
    Q_OBJECT

public:
    // workspace: the open one, or null.
    AboutDialog(const Workspace* workspace, const QString& settingsFile, QWidget* parent = nullptr);

    // Each fact as (label, value), in the order shown.
    const QList<QPair<QString, QString>>& facts() const { return m_facts; }
    // "Assay: 0.1.0\nQt: 6.4.2 (built with 6.4.2)\n…": what Copy to Clipboard copies.
    QString text() const;
    QPushButton* copyButton() const { return m_copy; }

    static QList<QPair<QString, QString>> factsFor(const Workspace* workspace, const QString& settingsFile);

private:
    QList<QPair<QString, QString>> m_facts;
    QPushButton* m_copy = nullptr;
};

} // namespace assay
