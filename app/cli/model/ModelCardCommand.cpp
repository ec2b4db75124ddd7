#include "ModelCardCommand.h"

#include "ModelArgument.h"
#include "app/cli/CliContext.h"
#include "app/cli/CliOutput.h"
#include "app/cli/UsageError.h"
#include "core/base/AssayError.h"
#include "core/registry/ModelCards.h"
#include "core/workspace/Workspace.h"
#include "core/workspace/WriteTransaction.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace assay::cli {

QString ModelCardCommand::summary() const {
    return QStringLiteral("write model card sections from a JSON file (section key → text)");
}

QString ModelCardCommand::description() const {
    QStringList keys;
    for (const ModelCardSection& section : ModelCards::sections())
        keys << section.key;
    return summary() +
           QStringLiteral("\n\nThe file is one JSON object; the sections it names are replaced, the others "
                          "kept, and an empty string clears a section. The sections are: ") +
           keys.join(QStringLiteral(", ")) + QLatin1Char('.');
}

void ModelCardCommand::defineOptions(QCommandLineParser& parser) const {
    parser.addOptions({
        {QStringLiteral("version"), QStringLiteral("The version whose card this is."), QStringLiteral("N")},
        {QStringLiteral("from-file"), QStringLiteral("A JSON object of section key → text; - reads stdin."),
         QStringLiteral("FILE")},
    });
    parser.addPositionalArgument(QStringLiteral("MODEL"), QStringLiteral("The model's name."));
}

int ModelCardCommand::run(CliContext& context, const QCommandLineParser& parser) {
    const QString modelName = ModelArgument::name(parser, invokedAs());
    const int versionNumber = *ModelArgument::number(parser, QStringLiteral("version"), true);
    const QString path = parser.value(QStringLiteral("from-file"));
    if (path.isEmpty())
        throw UsageError{QStringLiteral("--from-file FILE is required")};
    const QMap<QString, QString> sections = readSections(path);

    const auto workspace = Workspace::open(context.workspacePath());
    ModelCard card;
    QString shownName;
    workspace->write([&](WriteTransaction& tx) {
        const RegisteredModel model = ModelArgument::resolve(tx.workspace(), modelName);
        const ModelVersion version = ModelArgument::resolveVersion(tx.workspace(), model, versionNumber);
        shownName = model.name;
        QMap<QString, QString> fields = ModelCards(tx.workspace()).card(version.id).fields;
        fields.insert(sections);
        ModelCards::save(tx, version.id, fields);
        card = ModelCards(tx.workspace()).card(version.id);
    });
    CliOutput::out() << "Saved " << sections.size() << " section(s) of the model card of " << shownName
                     << " v" << versionNumber << "; "
                     << (card.isComplete() ? QStringLiteral("the card is complete")
                                           : QStringLiteral("still empty: ") +
                                                 card.missingSections().join(QStringLiteral(", ")))
                     << '\n';
    return exitOk;
}

QMap<QString, QString> ModelCardCommand::readSections(const QString& path) {
    QFile file;
    const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                   : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    const QString shownName = path == QLatin1String("-") ? QStringLiteral("<stdin>") : path;
    if (!opened)
        throw AssayError(QStringLiteral("Cannot read %1: %2").arg(shownName, file.errorString()));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        throw AssayError(QStringLiteral("%1: not valid JSON at offset %2: %3")
                             .arg(shownName)
                             .arg(error.offset)
                             .arg(error.errorString()));
    if (!document.isObject())
        throw AssayError(QStringLiteral("%1: expected a JSON object of section key → text").arg(shownName));
    QMap<QString, QString> sections;
    const QJsonObject object = document.object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!it.value().isString())
            throw AssayError(QStringLiteral("%1: section \"%2\" must be text").arg(shownName, it.key()));
        sections.insert(it.key(), it.value().toString());
    }
    return sections;
}

} // namespace assay::cli
