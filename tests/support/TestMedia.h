#pragma once
// Test videos with known content, made with the ffmpeg command line tool, and ffmpeg-based
// references to check decoded frames against.
//
// Every generated frame i shows the number firstNumber + i as a grid of large black/white
// blocks (16 bits plus a 4-bit check) inside a gray border, so codec noise cannot change it;
// decodeFrameNumber() reads it back (-1 if the picture does not carry a readable number).
#include "Result.h"

#include <opencv2/core/mat.hpp>

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace fl::test {

// ffmpeg / ffprobe on PATH (empty when missing).
QString ffmpegPath();
QString ffprobePath();
bool ffmpegAvailable();                     // both ffmpeg and ffprobe
bool encoderAvailable(const QString& name); // e.g. "libx264", "msmpeg4", "libvpx-vp9"

struct NumberedVideoOptions {
    QString baseName = QStringLiteral("video"); // file name without suffix
    QString suffix = QStringLiteral("mp4");     // container, chosen by ffmpeg from the suffix unless extraArgs has -f
    // Codec and its options. Default: H.264 with B-frames, short GOP.
    QStringList codecArgs = {QStringLiteral("-c:v"),     QStringLiteral("libx264"), QStringLiteral("-preset"),
                             QStringLiteral("veryfast"), QStringLiteral("-bf"),     QStringLiteral("3"),
                             QStringLiteral("-g"),       QStringLiteral("12"),      QStringLiteral("-pix_fmt"),
                             QStringLiteral("yuv420p")};
    QStringList extraOutputArgs; // e.g. {"-output_ts_offset", "5"}, {"-movflags", "+faststart"}, {"-f", "mpeg"}
    int width = 160;
    int height = 120;
    int frames = 60;
    int fps = 25; // input rate (and the constant output rate when vfrPtsMs is empty)
    // Variable frame rate: an ffmpeg expression of the frame number N giving each frame's
    // presentation time in ms (must increase), e.g. "(N+floor(N/7))*40+7*mod(N*N,5)".
    QString vfrPtsMs;
    // 0/90/180/270: clockwise rotation a player applies (display matrix written by a remux;
    // ffmpeg 5.1 reads the "rotate" tag as counter-clockwise degrees).
    int rotation = 0;
    int firstNumber = 0; // frame i shows firstNumber + i
};

// Writes <dir>/<baseName>.<suffix>; returns its path.
Result<QString> makeNumberedVideo(const QString& dir, const NumberedVideoOptions& options);

// Encodes frameAt(0..frameCount-1) (BGR 8UC3, width x height each) at `fps` into `file` with
// the ffmpeg CLI; outputArgs go between the input and the file (codec, filters). Returns file.
Result<QString> encodeFrames(const QString& file, int frameCount, const std::function<cv::Mat(int)>& frameAt, int width,
                             int height, int fps, const QStringList& outputArgs);

// The picture written for `number` (BGR 8UC3).
cv::Mat numberedFrame(int number, int width, int height);
// The number a (decoded) picture shows, or -1 when it shows none.
int decodeFrameNumber(const cv::Mat& bgr);

// Frames by decode-order index, as the ffmpeg CLI produces them (select=eq(n\,I),
// -fps_mode passthrough, rotation applied as ffmpeg's autorotate does), BGR 8UC3 of
// width x height (the delivered, rotated size). One ffmpeg run for all indices.
Result<std::vector<cv::Mat>> ffmpegFrames(const QString& video, std::vector<qint64> indices, int width, int height);
Result<cv::Mat> ffmpegFrame(const QString& video, qint64 index, int width, int height);

// Presentation times (seconds) of every frame in decode order, from ffprobe; and the video
// stream's start_time.
Result<std::vector<double>> ffprobeFrameTimes(const QString& video);
Result<double> ffprobeStartTime(const QString& video);

// Peak signal-to-noise ratio of two 8-bit images of the same size, in dB (infinity if equal).
double psnr(const cv::Mat& a, const cv::Mat& b);

// Runs a program; returns stdout, or a failure with its stderr.
Result<QByteArray> runTool(const QString& program, const QStringList& args, const QByteArray& input = {},
                           int timeoutMs = 120000);

} // namespace fl::test
