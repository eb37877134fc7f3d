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
    // Without the small-frame measures: no dissolves, no flash rule.
    static SceneDetection detect(const std::vector<float>& contentScore, const std::vector<float>& brightness,
                                 const SceneDetectorOptions& options);
    // Every rule, over the per-frame measures of an earlier result (`measures`' own cuts and
    // options are ignored, except its dissolveWindow, which the measures were taken with).
    static SceneDetection detect(const SceneDetection& measures, const SceneDetectorOptions& options);

private:
    // Small luma frames are made unless no rule needs them (dissolveWindow and flashLength 0).
    bool takesSmallFrames() const;
    // Measures of frame i that need frames up to i + later(): computed when that frame comes.
    int later() const;
    int ringSize() const;
    void pushSmall(cv::Mat small);
    void measureWindow(const std::vector<const cv::Mat*>& frames, size_t middle, qint64 frame);
    void measureRecall(const std::vector<const cv::Mat*>& frames, size_t at, qint64 frame);

    SceneDetectorOptions m_options;
    cv::Mat m_firstHsv;
    cv::Mat m_previousHsv;
    cv::Mat m_diff;
    cv::Mat m_scratch;
    std::vector<cv::Mat> m_ring;  // the last ringSize() small luma frames, oldest first
    std::vector<cv::Mat> m_first; // the first ringSize() small luma frames
    std::vector<float> m_score;
    std::vector<float> m_brightness;
    std::vector<float> m_step;
    std::vector<float> m_change;
    std::vector<float> m_blend;
    std::vector<float> m_correlation;
    std::vector<float> m_recall;
};

} // namespace fl
