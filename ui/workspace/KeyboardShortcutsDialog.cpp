#include "KeyboardShortcutsDialog.h"

#include "ShortcutModel.h"
#include "ui/widgets/ReadOnlyTableView.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace assay {

KeyboardShortcutsDialog::KeyboardShortcutsDialog(ShortcutModel* model, QWidget* parent)
    : QDialog(parent)
    , m_model(model) {
    setWindowTitle(tr("Keyboard Shortcuts"));
    m_model->setParent(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("shortcutFilter"));
    m_filter->setPlaceholderText(tr("Filter by command, key or menu"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view = new ReadOnlyTableView(m_proxy, QStringLiteral("shortcutTable"));
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder); // menu order until a header is clicked
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    for (const int column : {ShortcutModel::CommandColumn, ShortcutModel::ShortcutColumn})
        m_view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(620, 560);
    m_filter->setFocus();
}

} // namespace assay
