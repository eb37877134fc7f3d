#pragma once
// Scene-cut detection over frames fed in decode order, in the spirit of PySceneDetect's
// ContentDetector (+ its AdaptiveDetector ratio) with an optional ThresholdDetector-style
// fade rule. Feed every frame once with addFrame(), then finish(). Pure computation: the
// caller decodes (see VideoAnalysis for the one-pass job over a file).
#include "analysis/AnalysisFrame.h"
#include "analysis/SceneDetection.h"

namespace fl {

class SceneDetector {
public:
    explicit SceneDetector(SceneDetectorOptions options = {});

    const SceneDetectorOptions& options() const { return m_options; }

    // Frame i = the number of frames added before it. `frame` comes from
    // AnalysisFrame::assign(.., options().analysisWidth).
    void addFrame(const AnalysisFrame& frame);
    qint64 framesAdded() const { return qint64(m_score.size()); }

    // Appends what `next` saw: the frames right after this one's (the next part of the same
    // video, read by another decoder). Its first frame is scored against this one's last, so
    // the result equals one detector fed every frame in order. Options are this one's.
    void append(const SceneDetector& next);

    // Cuts and per-frame measures of everything added so far.
    SceneDetection finish() const;

    // The cut rule alone, over per-frame measures (content score and brightness, one entry
    // per frame): what finish() applies. Exposed for re-running with other options without
    // decoding again (e.g. a threshold slider).
    static SceneDetection detect(const std::vector<float>& contentScore, const std::vector<float>& brightness,
                                 const SceneDetectorOptions& options);

private:
    SceneDetectorOptions m_options;
    cv::Mat m_firstHsv;
    cv::Mat m_previousHsv;
    cv::Mat m_diff;
    std::vector<float> m_score;
    std::vector<float> m_brightness;
};

} // namespace fl
