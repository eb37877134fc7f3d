#pragma once
// Debug logging of the video engine: QT_LOGGING_RULES="fragmentlab.video.debug=true".
#include <QLoggingCategory>

namespace fl {
Q_DECLARE_LOGGING_CATEGORY(lcVideo)
} // namespace fl
