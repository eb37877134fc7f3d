#pragma once
// Scene detection (and keyframe-candidate measurement) of one video as a Job: one
// sequential decoding pass on a worker thread, with progress and cancel (checked every
// frame). The result is read with result() once finished() reported Succeeded.
#include "analysis/VideoAnalysis.h"
#include "jobs/Job.h"

#include <mutex>

namespace fl {

class SceneDetectionJob : public Job {
    Q_OBJECT
public:
    SceneDetectionJob(QString videoPath, VideoAnalysisOptions options, VideoOpenOptions openOptions = {},
                      QObject* parent = nullptr);

    QString videoPath() const { return m_path; }
    // Valid after the job succeeded (empty before).
    VideoAnalysis result() const;

protected:
    Status execute(const WorkControl& control) override;

private:
    QString m_path;
    VideoAnalysisOptions m_options;
    VideoOpenOptions m_openOptions;
    mutable std::mutex m_resultMutex;
    VideoAnalysis m_result;
};

} // namespace fl
