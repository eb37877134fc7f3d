#pragma once
// Video clips of frame ranges (docs/EXPORTS.md, "Clips"), for editors: each clip holds exactly
// the frames [first, last) of VideoSource's numbering.
//  - Stream copy (libavformat remux, the source's packets bit for bit, timestamps shifted to
//    start at 0) when the clip can be cut without decoding: it starts on a keyframe packet and
//    its packets are one unbroken run in decode order (no frame in it needs a frame after the
//    clip's end, as B-frames before a cut would).
//  - Otherwise re-encoded (frames decoded by VideoSource::readRange, converted to yuv420p by
//    libswscale, encoded by libavcodec: H.264 through libx264 at CRF 16 where FFmpeg has it,
//    else MPEG-4 part 2 at qscale 2), frame-exact, rotation applied, video only.
// ClipMode::Copy refuses a clip that cannot be copied (one failure line saying why and what to
// do) instead of re-encoding it; ClipMode::Reencode re-encodes every clip. In Auto, a copy that
// fails while writing (the source's packets not found again after the seek) is re-encoded.
// Files: <outDir>/<name>.mp4 (a copied stream MP4 cannot carry goes into .mkv), written as
// <name>.<ext>.part and renamed at the end; a failed or cancelled clip leaves no file.
// Clips are video only (no audio, no subtitles).
#include "Cancellation.h"
#include "Result.h"
#include "clips/ClipRanges.h"
#include "video/VideoSource.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace fl {

enum class ClipMode {
    Auto,    // stream copy where possible, else re-encode
    Copy,    // stream copy only; a clip that cannot be copied fails
    Reencode // always re-encode (frame-exact)
};

struct ClipOptions {
    ClipMode mode = ClipMode::Auto;
    int crf = 16;          // libx264's constant rate factor (lower: better); MPEG-4 uses qscale 2
    VideoOpenOptions open; // where the frame index lives
    QString encoder;       // empty: clipEncoderName()
};

struct ExportedClip {
    QString file; // absolute path of the finished clip
    qint64 first = 0;
    qint64 last = 0;
    bool copied = false; // stream copy (else re-encoded)
};

struct ClipExportReport {
    std::vector<ExportedClip> clips; // the clips written, in the order of the ranges
    QStringList failures;            // one line per clip that failed: "<file>: <problem>"
    bool ok() const { return failures.isEmpty(); }
};

// Exports every range of `videoPath` as a clip in `outDir` (created when missing). Ranges are
// validated first (validateClipRanges): a bad one fails the whole export before any file is
// written. A clip that fails adds a line to failures and the export goes on with the next.
// Progress: report(frames done, frames in all clips, "Clip i of n: <name>"). A cancel stops at
// once with the failure "<video>: cancelled"; the clip being written is removed, clips finished
// before stay. Fails (one line) when the video cannot be opened or the folder not created.
Result<ClipExportReport> exportClips(const QString& videoPath, const std::vector<ClipRange>& ranges,
                                     const QString& outDir, const ClipOptions& options = {},
                                     const WorkControl& control = {});

// The encoder re-encoded clips use: "libx264" when this FFmpeg has it, else "mpeg4".
QString clipEncoderName();

// Why a clip of [first, last) cannot be stream-copied from `videoPath` (empty when it can);
// opens the file and reads its packet table (no decoding). For tests and the GUI's hint.
Result<QString> clipCopyProblem(const QString& videoPath, const FrameIndex& index, qint64 first, qint64 last);

} // namespace fl
