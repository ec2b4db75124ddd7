#include "RunCsvExport.h"

#include "core/base/AssayError.h"
#include "core/tracking/RunListFormat.h"
#include "core/tracking/RunQuery.h"

#include <QIODevice>

namespace assay {
namespace {

void put(QIODevice& device, const QByteArray& bytes) {
    if (device.write(bytes) != bytes.size())
        throw AssayError(QStringLiteral("Cannot write the CSV file: %1").arg(device.errorString()));
}

} // namespace

qint64 RunCsvExport::write(const Workspace& workspace, const RunScope& scope, const RunSort& sort,
                           QIODevice& device, const Progress& progress, int pageSize) {
    const RunQuery query(workspace);
    const qint64 total = query.count(scope);
    const QStringList paramKeys = query.paramKeys(scope);
    const QStringList metricKeys = query.metricKeys(scope);
    // RunListFormat writes a header before every batch; the header alone is what an empty batch
    // gives, and it is cut from every page after the first.
    const QByteArray header = RunListFormat::write(RunListFormat::Format::Csv, {}, paramKeys, metricKeys);
    put(device, header);
    qint64 done = 0;
    while (done < total) {
        const QList<RunRow> rows = query.page(scope, sort, done, pageSize);
        if (rows.isEmpty())
            break;
        put(device,
            RunListFormat::write(RunListFormat::Format::Csv, rows, paramKeys, metricKeys).mid(header.size()));
        done += rows.size();
        if (progress && !progress(done, total))
            throw AssayError(QStringLiteral("The export was cancelled."));
    }
    return done;
}

} // namespace assay
