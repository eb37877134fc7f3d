#pragma once
// Scene detection results as CSV files.
#include "Result.h"
#include "analysis/VideoAnalysis.h"

#include <QByteArray>
#include <QString>

namespace fl {

// One row per cut: frame,time_s,timecode,kind,score (frame = first frame of the new scene;
// kind = cut|fade; timecode at the video's nominal rate, see Timecode.h).
QByteArray sceneCutsCsv(const VideoAnalysis& analysis);
// One row per frame: frame,time_s,content_score,adaptive_ratio,brightness,cut
// (cut = 1 on the first frame of a new scene), for plotting and choosing a threshold.
QByteArray sceneStatsCsv(const VideoAnalysis& analysis);

// Both written atomically (QSaveFile); errors name the file.
Status writeSceneCutsCsv(const QString& file, const VideoAnalysis& analysis);
Status writeSceneStatsCsv(const QString& file, const VideoAnalysis& analysis);

} // namespace fl
