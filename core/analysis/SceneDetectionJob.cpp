#include "analysis/SceneDetectionJob.h"

#include <QFileInfo>

namespace fl {

SceneDetectionJob::SceneDetectionJob(QString videoPath, VideoAnalysisOptions options, VideoOpenOptions openOptions,
                                     QObject* parent)
    : Job(QStringLiteral("Scene detection: %1").arg(QFileInfo(videoPath).fileName()), parent),
      m_path(std::move(videoPath)), m_options(std::move(options)), m_openOptions(std::move(openOptions))
{}

VideoAnalysis SceneDetectionJob::result() const
{
    std::lock_guard lock(m_resultMutex);
    return m_result;
}

Status SceneDetectionJob::execute(const WorkControl& control)
{
    auto analysis = analyzeVideo(m_path, m_options, m_openOptions, control);
    if (!analysis) return analysis.status();
    std::lock_guard lock(m_resultMutex);
    m_result = std::move(analysis).value();
    return Status::success();
}

} // namespace fl
