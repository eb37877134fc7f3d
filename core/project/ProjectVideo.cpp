#include "project/ProjectVideo.h"

namespace fl {

QString ProjectVideo::fileName() const
{
    const qsizetype slash = relativePath.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? relativePath : relativePath.mid(slash + 1);
}

} // namespace fl
