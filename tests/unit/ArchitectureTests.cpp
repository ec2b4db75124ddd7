// The folders of core/, ui/ and app/ and the includes between them, checked against the rules
// table and the picture in docs/architecture.md, so that the picture stays true.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QStringList>
#include <QTemporaryDir>

#include <catch2/catch.hpp>

namespace {

const QString sourceRoot = QStringLiteral(ASSAY_SOURCE_DIR);
const QStringList layers = {QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("app")};
constexpr int maxSourcesPerFolder = 30;
constexpr int maxFunctionLines = 60;

QString readText(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        FAIL("cannot read " << path.toStdString());
    return QString::fromUtf8(file.readAll());
}

// A folder's row: what it may include, as folders ("core/base") or wildcards ("core/*").
struct Rule {
    QStringList mayInclude;
};

QStringList backticked(const QString& cell) {
    QStringList items;
    static const QRegularExpression quoted(QStringLiteral("`([^`]+)`"));
    for (auto it = quoted.globalMatch(cell); it.hasNext();)
        items.append(it.next().captured(1));
    return items;
}

// The table rows of docs/architecture.md whose first cell is a backticked folder.
QMap<QString, Rule> rulesFrom(const QString& markdown) {
    QMap<QString, Rule> rules;
    static const QRegularExpression row(
        QStringLiteral("^\\|\\s*`([a-z]+/[a-z]+)`\\s*\\|.*\\|([^|]*)\\|\\s*$"));
    for (const QString& line : markdown.split(u'\n')) {
        const QRegularExpressionMatch match = row.match(line);
        if (match.hasMatch())
            rules.insert(match.captured(1), {backticked(match.captured(2))});
    }
    return rules;
}

// The edges of the mermaid picture, as "core/from -> core/to".
QSet<QString> pictureEdges(const QString& markdown) {
    QSet<QString> edges;
    static const QRegularExpression edge(QStringLiteral("^\\s+([a-z]+) --> ([a-z]+)\\s*$"));
    for (const QString& line : markdown.split(u'\n')) {
        const QRegularExpressionMatch match = edge.match(line);
        if (match.hasMatch())
            edges.insert(QStringLiteral("core/%1 -> core/%2").arg(match.captured(1), match.captured(2)));
    }
    return edges;
}

bool allows(const Rule& rule, const QString& folder) {
    for (const QString& allowed : rule.mayInclude) {
        if (allowed == folder)
            return true;
        if (allowed.endsWith(QLatin1String("/*")) && folder.startsWith(allowed.chopped(1)))
            return true;
    }
    return false;
}

// Every folder directly under core/, ui/ and app/, as "core/drift".
QStringList sourceFolders() {
    QStringList folders;
    for (const QString& layer : layers) {
        const QDir dir(sourceRoot + u'/' + layer);
        for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            folders.append(layer + u'/' + name);
    }
    return folders;
}

QStringList sourceFiles(const QString& folder) {
    QStringList files;
    QDirIterator it(sourceRoot + u'/' + folder, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    return files;
}

struct Include {
    QString file; // relative to the source root
    int line = 0;
    QString target; // as written
};

QList<Include> includesIn(const QString& path) {
    QList<Include> includes;
    static const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s+\"([^\"]+)\""));
    const QStringList lines = readText(path).split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QRegularExpressionMatch match = include.match(lines[i]);
        if (match.hasMatch())
            includes.append({QDir(sourceRoot).relativeFilePath(path), i + 1, match.captured(1)});
    }
    return includes;
}

// A file's room: its layer and first folder ("app/cli" for app/cli/model/ModelCommand.h), which
// the rules speak of; a room's subfolders are its own business.
QString roomOf(const QString& relativePath) {
    return relativePath.section(u'/', 0, 1);
}

// The room (relative to the source root) that an include reaches, or empty when the file does
// not exist there: short names are the includer's own folder's, others the tree's.
QString includedRoom(const QString& includerDir, const QString& target) {
    const QString relative = target.contains(u'/') ? target : includerDir + u'/' + target;
    if (!QFileInfo::exists(sourceRoot + u'/' + relative))
        return {};
    return roomOf(relative);
}

// The include lines of source that break the rules, each as "file:line: why".
QStringList crossings(const QMap<QString, Rule>& rules) {
    QStringList problems;
    for (const QString& room : sourceFolders()) {
        for (const QString& path : sourceFiles(room)) {
            const QString includerDir = QFileInfo(QDir(sourceRoot).relativeFilePath(path)).path();
            for (const Include& include : includesIn(path)) {
                const QString where = QStringLiteral("%1:%2: ").arg(include.file).arg(include.line);
                const QString target = includedRoom(includerDir, include.target);
                if (target.isEmpty())
                    problems.append(where + include.target + QStringLiteral(" does not exist"));
                else if (target != room && !allows(rules.value(room), target))
                    problems.append(where + room + QStringLiteral(" may not include ") + include.target);
            }
        }
    }
    return problems;
}

// source with comments, string and character literals blanked (newlines kept), so that the
// braces and semicolons left are code. A quote after a digit is a digit separator (86'400'000).
QString codeOnly(const QString& source) {
    enum class State { Code, LineComment, BlockComment, String, Character };
    QString code = source;
    State state = State::Code;
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = source[i];
        const QChar next = i + 1 < source.size() ? source[i + 1] : QChar();
        if (state == State::Code) {
            if (c == u'/' && next == u'/')
                state = State::LineComment;
            else if (c == u'/' && next == u'*')
                state = State::BlockComment;
            else if (c == u'"')
                state = State::String;
            else if (c == u'\'' && !(i > 0 && source[i - 1].isLetterOrNumber()))
                state = State::Character;
            else
                continue;
        } else if (state == State::LineComment && c == u'\n') {
            state = State::Code;
            continue;
        } else if (state == State::BlockComment && c == u'*' && next == u'/') {
            code[i] = code[i + 1] = u' ';
            ++i;
            state = State::Code;
            continue;
        } else if ((state == State::String || state == State::Character) && c == u'\\') {
            code[i] = u' ';
            if (next != u'\n' && i + 1 < code.size())
                code[++i] = u' ';
            continue;
        } else if ((state == State::String && c == u'"') || (state == State::Character && c == u'\'')) {
            state = State::Code;
        }
        if (c != u'\n')
            code[i] = u' ';
    }
    return code;
}

// Function bodies (at namespace or class level, constructors and multi-line signatures
// included) that run over maxFunctionLines lines, as "file:line (N lines)", unless a comment in
// the 12 lines before the opening brace says why ("longer than 60 lines").
QStringList longFunctionsIn(const QString& path) {
    enum class Scope { Declarations, Function, Other };
    static const QRegularExpression declarationScope(
        QStringLiteral("\\b(namespace|class|struct|union|enum)\\b[^()]*$|^extern\\b"));
    static const QRegularExpression notAFunction(QStringLiteral("=\\s*$|^(if|for|while|switch|catch)\\b"));
    const QString source = readText(path);
    const QStringList lines = source.split(u'\n');
    const QString code = codeOnly(source);
    QStringList found;
    QList<QPair<Scope, int>> scopes; // each open brace: what it opened, on which line
    QString header;                  // the code since the last brace or semicolon
    int line = 1;
    for (const QChar c : code) {
        if (c == u'\n') {
            ++line;
            header += u' ';
        } else if (c == u'{') {
            const QString opened = header.trimmed();
            const bool atDeclarations = scopes.isEmpty() || scopes.last().first == Scope::Declarations;
            Scope scope = Scope::Other;
            if (atDeclarations && declarationScope.match(opened).hasMatch())
                scope = Scope::Declarations;
            else if (atDeclarations && opened.contains(u')') && !notAFunction.match(opened).hasMatch())
                scope = Scope::Function;
            scopes.append({scope, line});
            header.clear();
        } else if (c == u'}') {
            if (!scopes.isEmpty()) {
                const auto [scope, start] = scopes.takeLast();
                const int length = line - start - 1;
                const QString above = lines.mid(std::max(0, start - 12), std::min(start, 12)).join(u' ');
                if (scope == Scope::Function && length > maxFunctionLines &&
                    !above.contains(QLatin1String("longer than 60 lines"), Qt::CaseInsensitive))
                    found.append(QStringLiteral("%1:%2 (%3 lines)")
                                     .arg(QDir(sourceRoot).relativeFilePath(path))
                                     .arg(start)
                                     .arg(length));
            }
            header.clear();
        } else if (c == u';') {
            header.clear();
        } else {
            header += c;
        }
    }
    return found;
}

QStringList longFunctions(const QString& layer) {
    QStringList found;
    for (const QString& path : sourceFiles(layer))
        found += longFunctionsIn(path);
    return found;
}

QString joined(const QStringList& lines) {
    return lines.join(u'\n');
}

} // namespace

TEST_CASE("every include in core, ui and app stays inside the lines of docs/architecture.md") {
    const QMap<QString, Rule> rules =
        rulesFrom(readText(sourceRoot + QStringLiteral("/docs/architecture.md")));
    REQUIRE(rules.size() >= 20);
    const QStringList problems = crossings(rules);
    INFO(joined(problems).toStdString());
    CHECK(problems.isEmpty());
}

TEST_CASE("a planted crossing include is caught") {
    QMap<QString, Rule> rules = rulesFrom(readText(sourceRoot + QStringLiteral("/docs/architecture.md")));
    // The same tree under a stricter rule: drift may no longer include workspace.
    rules[QStringLiteral("core/drift")].mayInclude.removeAll(QStringLiteral("core/workspace"));
    const QStringList problems = crossings(rules);
    REQUIRE_FALSE(problems.isEmpty());
    CHECK(problems.first().startsWith(QLatin1String("core/drift/")));
    CHECK(problems.first().contains(QLatin1String("core/drift may not include core/workspace/")));
}

TEST_CASE("the picture of core in docs/architecture.md has exactly the edges of the rules") {
    const QString markdown = readText(sourceRoot + QStringLiteral("/docs/architecture.md"));
    QSet<QString> ruled;
    const QMap<QString, Rule> rules = rulesFrom(markdown);
    for (auto it = rules.cbegin(); it != rules.cend(); ++it) {
        if (!it.key().startsWith(QLatin1String("core/")) ||
            it.value().mayInclude.contains(QStringLiteral("core/*")))
            continue;
        for (const QString& target : it.value().mayInclude)
            ruled.insert(it.key() + QStringLiteral(" -> ") + target);
    }
    const QSet<QString> drawn = pictureEdges(markdown);
    INFO("drawn, not ruled: " << joined((drawn - ruled).values()).toStdString());
    INFO("ruled, not drawn: " << joined((ruled - drawn).values()).toStdString());
    CHECK(drawn == ruled);
}

TEST_CASE("every source folder has a rule, a README that agrees with it, and at most 30 .cpp files") {
    const QMap<QString, Rule> rules =
        rulesFrom(readText(sourceRoot + QStringLiteral("/docs/architecture.md")));
    const QStringList folders = sourceFolders();
    for (const QString& ruled : rules.keys())
        CHECK(folders.contains(ruled));
    static const QRegularExpression mayUse(QStringLiteral("^May use:(.*)$"),
                                           QRegularExpression::MultilineOption);
    for (const QString& folder : folders) {
        INFO(folder.toStdString());
        REQUIRE(rules.contains(folder));
        const QString readme = sourceRoot + u'/' + folder + QStringLiteral("/README.md");
        REQUIRE(QFileInfo::exists(readme));
        const QRegularExpressionMatch match = mayUse.match(readText(readme));
        REQUIRE(match.hasMatch());
        QStringList said = backticked(match.captured(1));
        QStringList ruled = rules.value(folder).mayInclude;
        said.sort();
        ruled.sort();
        CHECK(said == ruled);
        QDirIterator dirs(sourceRoot + u'/' + folder, QDir::Dirs | QDir::NoDotAndDotDot,
                          QDirIterator::Subdirectories);
        for (QString dir = sourceRoot + u'/' + folder; !dir.isEmpty();
             dir = dirs.hasNext() ? dirs.next() : QString()) {
            INFO(dir.toStdString());
            CHECK(QDir(dir).entryList({QStringLiteral("*.cpp")}, QDir::Files).size() <= maxSourcesPerFolder);
        }
    }
}

TEST_CASE("tests mirror the folders they test") {
    for (const auto& [testFolder, layer] : {std::pair{QStringLiteral("tests/unit"), QStringLiteral("core")},
                                            {QStringLiteral("tests/ui"), QStringLiteral("ui")}}) {
        for (const QString& name :
             QDir(sourceRoot + u'/' + testFolder).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            INFO((testFolder + u'/' + name).toStdString());
            CHECK((name == QLatin1String("support") ||
                   QFileInfo::exists(sourceRoot + u'/' + layer + u'/' + name)));
        }
    }
}

TEST_CASE("no function in core or ui runs over 60 lines without saying why") {
    for (const QString& layer : {QStringLiteral("core"), QStringLiteral("ui")}) {
        const QStringList found = longFunctions(layer);
        INFO(joined(found).toStdString());
        CHECK(found.isEmpty());
    }
}

TEST_CASE("the function-length check sees constructors, multi-line signatures and the reason given") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("Planted.cpp"));
    QString body;
    for (int i = 0; i < maxFunctionLines + 1; ++i)
        body += QStringLiteral("    total += '{' + \"}\"; // }\n");
    QFile file(path);
    REQUIRE(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("namespace a {\n"
                              "Planted::Planted(int x)\n"
                              "    : m_x(x) {\n%1}\n"
                              "int shortOne() {\n    return 86'400'000;\n}\n"
                              "// Longer than 60 lines on purpose: kept whole for the test.\n"
                              "void explained(int x,\n"
                              "               int y) {\n%1}\n"
                              "} // namespace a\n")
                   .arg(body)
                   .toUtf8());
    file.close();
    const QStringList found = longFunctionsIn(path);
    INFO(joined(found).toStdString());
    REQUIRE(found.size() == 1);
    CHECK(found.first().endsWith(QStringLiteral(":3 (%1 lines)").arg(maxFunctionLines + 1)));
}
