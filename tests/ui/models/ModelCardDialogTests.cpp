#include "core/governance/EvidenceFiles.h"
#include "core/registry/ModelCards.h"
#include "core/registry/Registry.h"
#include "core/workspace/ChangeSet.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"
#include "tests/ui/support/GovernanceDialogData.h"
#include "ui/models/EvidenceFileModel.h"
#include "ui/models/ModelCardDialog.h"
#include "ui/session/WorkspaceSession.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <catch2/catch.hpp>

using namespace assay;
using assay::test::GovernanceWorkspace;

namespace {

struct CardFixture {
    GovernanceWorkspace data;
    WorkspaceSession session;

    explicit CardFixture(const QString& actor = QStringLiteral("dana")) { data.openAs(session, actor); }
};

void fillAll(ModelCardDialog& dialog) {
    for (const ModelCardSection& section : ModelCards::sections())
        dialog.editor(section.key)->setPlainText(QStringLiteral("About %1.").arg(section.label));
}

} // namespace

TEST_CASE("The card editor has one field per section, grouped, with the guidance beside it", "[card]") {
    CardFixture fx;
    ModelCardDialog dialog(fx.session, fx.data.versionId);
    for (const ModelCardSection& section : ModelCards::sections()) {
        QPlainTextEdit* editor = dialog.editor(section.key);
        REQUIRE(editor);
        CHECK_FALSE(editor->isReadOnly());
        const QList<QLabel*> labels = editor->parentWidget()->findChildren<QLabel*>();
        CHECK(std::any_of(labels.cbegin(), labels.cend(),
                          [&](const QLabel* label) { return label->text() == section.guidance; }));
    }
    QStringList groups;
    for (const QGroupBox* group : dialog.findChildren<QGroupBox*>())
        groups << group->title();
    CHECK(groups ==
          QStringList{QStringLiteral("Model card (Mitchell et al. 2019)"), QStringLiteral("Intake")});
    for (const ModelCardSection& section : ModelCards::sections()) {
        const auto* group = qobject_cast<QGroupBox*>(dialog.editor(section.key)->parentWidget());
        REQUIRE(group);
        CHECK(group->title() == (section.intake ? groups.last() : groups.first()));
    }
    CHECK(qobject_cast<QGroupBox*>(dialog.businessOwnerEdit()->parentWidget())->title() == groups.last());
    CHECK(dialog.businessOwnerEdit()->text() == QStringLiteral("Head of Lending"));
    CHECK(dialog.completenessLabel()->text().startsWith(
        QStringLiteral("0 of 14 sections written; missing: Model details")));
    CHECK_FALSE(dialog.saveButton()->isEnabled());
    CHECK(dialog.readOnlyBanner()->isHidden());
}

TEST_CASE("The card editor saves sections and shows how complete the card is as you type", "[card]") {
    CardFixture fx;
    ModelCardDialog dialog(fx.session, fx.data.versionId);
    dialog.editor(QStringLiteral("intended_use"))
        ->setPlainText(QStringLiteral("Pre-screening of loan applications."));
    CHECK(dialog.completenessLabel()->text().startsWith(
        QStringLiteral("1 of 14 sections written; missing: Model details, Out-of-scope uses")));
    CHECK(dialog.hasUnsavedChanges());
    CHECK(dialog.saveButton()->isEnabled());
    dialog.saveButton()->click();

    const ModelCard saved = ModelCards(*fx.session.workspace()).card(fx.data.versionId);
    CHECK(saved.value(QStringLiteral("intended_use")) ==
          QStringLiteral("Pre-screening of loan applications."));
    CHECK(saved.updatedBy == QStringLiteral("dana"));
    CHECK_FALSE(dialog.hasUnsavedChanges());
    CHECK_FALSE(dialog.saveButton()->isEnabled());

    fillAll(dialog);
    CHECK(dialog.completenessLabel()->text() ==
          QStringLiteral("All 14 sections written: the card is complete."));
    REQUIRE(dialog.save());
    CHECK(ModelCards(*fx.session.workspace()).card(fx.data.versionId).isComplete());

    // Clearing a section makes it missing again.
    dialog.editor(QStringLiteral("caveats"))->setPlainText(QStringLiteral("   "));
    CHECK(dialog.completenessLabel()->text() ==
          QStringLiteral("13 of 14 sections written; missing: Caveats and recommendations."));
    REQUIRE(dialog.save());
    CHECK(ModelCards(*fx.session.workspace()).card(fx.data.versionId).missingSections() ==
          QStringList{QStringLiteral("Caveats and recommendations")});
}

TEST_CASE("The business owner is saved with the card in the same transaction, keeping the owner", "[card]") {
    CardFixture fx;
    ModelCardDialog dialog(fx.session, fx.data.versionId);
    QSignalSpy commits(&fx.session, &WorkspaceSession::changed);
    dialog.editor(QStringLiteral("consumers"))->setPlainText(QStringLiteral("Loan origination system"));
    dialog.businessOwnerEdit()->setText(QStringLiteral("  Chief Lending Officer "));
    REQUIRE(dialog.save());

    REQUIRE(commits.size() == 1);
    const auto changes = commits.first().first().value<ChangeSet>();
    CHECK(changes.touches(EntityKind::ModelCard, fx.data.versionId));
    CHECK(changes.touches(EntityKind::RegisteredModel, fx.data.modelId));
    const RegisteredModel model = *Registry(*fx.session.workspace()).model(fx.data.modelId);
    CHECK(model.businessOwner == QStringLiteral("Chief Lending Officer"));
    CHECK(model.owner == QStringLiteral("olga"));
    CHECK(dialog.businessOwnerEdit()->text() == QStringLiteral("Chief Lending Officer"));
}

TEST_CASE("A refused save keeps the edits and shows why", "[card]") {
    CardFixture fx(QStringLiteral("olga")); // the owner may edit the card but not name owners
    ModelCardDialog dialog(fx.session, fx.data.versionId);
    CHECK_FALSE(dialog.editor(QStringLiteral("factors"))->isReadOnly());
    CHECK(dialog.businessOwnerEdit()->isReadOnly());
    dialog.editor(QStringLiteral("factors"))->setPlainText(QStringLiteral("Age bands, regions."));
    REQUIRE(dialog.save());
    CHECK(ModelCards(*fx.session.workspace()).card(fx.data.versionId).value(QStringLiteral("factors")) ==
          QStringLiteral("Age bands, regions."));

    // The field is read-only, but core is the one that refuses.
    dialog.businessOwnerEdit()->setText(QStringLiteral("Someone else"));
    dialog.editor(QStringLiteral("factors"))->setPlainText(QStringLiteral("Age bands."));
    CHECK_FALSE(dialog.save());
    auto* box = dialog.findChild<QMessageBox*>(QStringLiteral("errorMessage"));
    REQUIRE(box);
    CHECK(box->text().contains(QStringLiteral("olga may not name model owners")));
    CHECK(dialog.editor(QStringLiteral("factors"))->toPlainText() == QStringLiteral("Age bands."));
    CHECK(ModelCards(*fx.session.workspace()).card(fx.data.versionId).value(QStringLiteral("factors")) ==
          QStringLiteral("Age bands, regions."));
}

TEST_CASE("Someone who may not edit the card reads it, with a notice", "[card]") {
    CardFixture fx(QStringLiteral("ana"));
    ModelCardDialog dialog(fx.session, fx.data.versionId);
    auto* notice = dialog.findChild<QLabel*>(QStringLiteral("cardNotice"));
    CHECK_FALSE(notice->isHidden());
    CHECK(notice->text().contains(QStringLiteral("only the model's owner or a data scientist")));
    CHECK(dialog.editor(QStringLiteral("model_details"))->isReadOnly());
    CHECK_FALSE(dialog.addEvidenceButton()->isEnabled());
}

TEST_CASE("A version whose promotion executed opens read-only with a banner", "[card]") {
    CardFixture fx;
    fx.data.executePromotion();
    fx.session.reloadAll();
    ModelCardDialog dialog(fx.session, fx.data.versionId);
    CHECK(dialog.isReadOnly());
    CHECK_FALSE(dialog.readOnlyBanner()->isHidden());
    CHECK(dialog.readOnlyBanner()->text().contains(QStringLiteral("credit-scoring version 1 was promoted")));
    for (const ModelCardSection& section : ModelCards::sections())
        CHECK(dialog.editor(section.key)->isReadOnly());
    CHECK(dialog.businessOwnerEdit()->isReadOnly());
    CHECK_FALSE(dialog.addEvidenceButton()->isEnabled());

    dialog.editor(QStringLiteral("caveats"))->setPlainText(QStringLiteral("Changed after approval"));
    CHECK_FALSE(dialog.saveButton()->isEnabled());
    CHECK_FALSE(dialog.save());
    CHECK(ModelCards(*fx.session.workspace())
              .card(fx.data.versionId)
              .value(QStringLiteral("caveats"))
              .isEmpty());
}

TEST_CASE("Evidence files are added with their SHA-256 and saved back byte for byte", "[card][evidence]") {
    CardFixture fx;
    ModelCardDialog dialog(fx.session, fx.data.versionId);
    QAbstractItemModelTester tester(dialog.evidenceModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("validation-report.html"));
    {
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write("<!DOCTYPE html><html><body><h1>Validation of credit-scoring v1</h1></body></html>\n");
    }
    CHECK(dialog.evidenceKindCombo()->itemText(0) ==
          EvidenceFiles::kindLabel(EvidenceFiles::kinds().first()));
    REQUIRE(dialog.addEvidenceFile(path, QStringLiteral("validation_report")));

    const QList<EvidenceFile> files = EvidenceFiles(*fx.session.workspace()).files(fx.data.versionId);
    REQUIRE(files.size() == 1);
    const QByteArray expected = test::sha256OfFile(path);
    CHECK(files.first().sha256.toLatin1() == expected);
    CHECK(files.first().name == QStringLiteral("validation-report.html"));
    CHECK(files.first().mediaType == QStringLiteral("text/html"));
    CHECK(files.first().addedBy == QStringLiteral("dana"));

    EvidenceFileModel* model = dialog.evidenceModel();
    REQUIRE(model->rowCount() == 1);
    CHECK(model->index(0, EvidenceFileModel::KindColumn).data().toString() ==
          QStringLiteral("Validation report"));
    CHECK(model->index(0, EvidenceFileModel::Sha256Column).data().toString() ==
          QString::fromLatin1(expected.left(EvidenceFileModel::sha256PrefixLength)));
    CHECK(model->index(0, EvidenceFileModel::Sha256Column)
              .data(Qt::ToolTipRole)
              .toString()
              .contains(QString::fromLatin1(expected)));
    CHECK(model->index(0, EvidenceFileModel::AddedByColumn).data().toString() == QStringLiteral("dana"));
    CHECK(dialog.tabs()->tabText(ModelCardDialog::EvidenceTab) == QStringLiteral("Evidence Files (1)"));

    // The same name twice is refused by core, and the list stays as it is.
    CHECK_FALSE(dialog.addEvidenceFile(path, QStringLiteral("other")));
    CHECK(model->rowCount() == 1);

    const QString copy = dir.filePath(QStringLiteral("copy.html"));
    REQUIRE(dialog.saveEvidenceFile(0, copy));
    CHECK(test::sha256OfFile(copy) == expected);
}

TEST_CASE("The card editor follows changes made by another process", "[card]") {
    CardFixture fx;
    ModelCardDialog dialog(fx.session, fx.data.versionId);
    QAbstractItemModelTester tester(dialog.evidenceModel(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    fx.data.ws.reopen(QStringLiteral("dana"))->write([&](WriteTransaction& tx) {
        ModelCards::save(tx, fx.data.versionId,
                         {{QStringLiteral("training_data"), QStringLiteral("2019–2024 loans")}});
        EvidenceFiles::add(tx, fx.data.versionId, QStringLiteral("fairness_metrics"),
                           QStringLiteral("fairness.csv"), QStringLiteral("text/csv"),
                           QByteArrayLiteral("group,ratio\na,0.97\n"));
    });
    fx.session.reloadAll(); // what the session's poll does when another process commits
    CHECK(dialog.editor(QStringLiteral("training_data"))->toPlainText() == QStringLiteral("2019–2024 loans"));
    CHECK(dialog.completenessLabel()->text().startsWith(QStringLiteral("1 of 14")));
    CHECK_FALSE(dialog.hasUnsavedChanges());
    CHECK(dialog.evidenceModel()->rowCount() == 1);
}
