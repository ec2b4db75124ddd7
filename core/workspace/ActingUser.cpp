#include "ActingUser.h"

#include <QtGlobal>

#include <pwd.h>
#include <unistd.h>

namespace assay {

QString ActingUser::fromEnvironment() {
    const QString overridden = qEnvironmentVariable("ASSAY_USER");
    if (!overridden.isEmpty())
        return overridden;
    if (const passwd* entry = getpwuid(geteuid()); entry && entry->pw_name)
        return QString::fromLocal8Bit(entry->pw_name);
    const QString login = qEnvironmentVariable("USER");
    return login.isEmpty() ? QStringLiteral("unknown") : login;
}

} // namespace assay
