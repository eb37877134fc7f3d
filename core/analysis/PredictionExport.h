#pragma once
// Predictions out of (and back into) FragmentLab.
//
// CSV: header video,fragment,start_frame,end_frame,label,confidence,p_<class>... (one
// probability column per class, in the model's order); one row per predicted fragment
// (fragments not predicted yet are left out); end_frame is exclusive (FragmentSpec::endFrame);
// label = the raw prediction (the most probable class); confidence = its probability. With
// decisions (the model's tuned class thresholds and minimum bout, or what the Predictions
// panel is set to), a "decision" column follows "confidence": the class the views show after
// the thresholds and the minimum bout, or "uncertain".
// JSON: {"format":"fragmentlab-predictions","version":1,"model":"...","classes":[...],
//        "spec":{"length":4,"stride":4,"step":1},
//        "videos":[{"video":"a.mp4","frame_count":720,"feature_size":0,
//                   "fragments":[{"fragment":0,"start_frame":0,"end_frame":4,"label":"x",
//                                 "confidence":0.93,"probabilities":[0.93,0.07],
//                                 "decision":"x", "feature":[...]}]}]}
// ("feature" only when kept; "decision", and a top-level "decisions": {"class_thresholds",
// "min_bout", "confidence_threshold"}, only with decisions).
// All videos in one file share the model, classes and spec. Written atomically (QSaveFile).
#include "Result.h"
#include "analysis/PredictionSmoothing.h"
#include "analysis/VideoPredictions.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace fl {

// Fails when the videos disagree on model, classes or spec, or one does not validate().
Result<QByteArray> predictionsCsv(const std::vector<VideoPredictions>& videos,
                                  const SmoothingOptions* decisions = nullptr);
Result<QByteArray> predictionsJson(const std::vector<VideoPredictions>& videos, bool withFeatures = true,
                                   const SmoothingOptions* decisions = nullptr);
Status writePredictionsCsv(const QString& file, const std::vector<VideoPredictions>& videos,
                           const SmoothingOptions* decisions = nullptr);
Status writePredictionsJson(const QString& file, const std::vector<VideoPredictions>& videos, bool withFeatures = true,
                            const SmoothingOptions* decisions = nullptr);

// Reads a predictions JSON file back (fragments the file leaves out stay "not predicted").
// Errors name the file and the entry.
Result<std::vector<VideoPredictions>> readPredictionsJson(const QString& file);

} // namespace fl
