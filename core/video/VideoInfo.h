#pragma once
#include <QString>

namespace fl {

// Metadata of an opened video. Counts and rates come from the frame index (a full decode
// pass), not from the container header, which is only a guess on many files.
struct VideoInfo {
    QString path;      // absolute path
    QString container; // file suffix as opened ("mp4", "avi", ...)
    QString codec;     // codec as the FFmpeg back end reports it ("h264", "mpeg4", ...)
    int width = 0;     // of delivered frames, rotation applied
    int height = 0;
    // Degrees clockwise from metadata (0, 90, 180, 270), as players and the ffmpeg CLI apply
    // the display matrix; applied to frames. (OpenCV 4.6 reports the opposite angle for 90/270,
    // opencv/opencv#22088; VideoSource corrects it.)
    int rotation = 0;
    double nominalFps = 0;         // the stream's declared rate
    double averageFps = 0;         // frameCount / duration, from the index
    double durationSec = 0;        // from the index (last pts + one frame)
    qint64 frameCount = 0;         // counted by the index
    qint64 declaredFrameCount = 0; // the header's guess, for reference
    bool variableFrameRate = false;
    bool timestampsReliable = true; // false: seeking falls back to decoding forward from the start
};

} // namespace fl
