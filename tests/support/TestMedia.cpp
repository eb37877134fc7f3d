#include "TestMedia.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>

namespace fl::test {

namespace {

constexpr int kCols = 5;
constexpr int kRows = 4;
constexpr int kDataBits = 16;
constexpr uchar kBorderGray = 128;

int checkNibble(int number)
{
    return (number ^ (number >> 4) ^ (number >> 8) ^ (number >> 12) ^ 0x5) & 0xF;
}

int borderWidth(int width, int height)
{
    return std::max(4, std::min(width, height) / 10);
}

cv::Rect cellRect(int cell, int width, int height, bool inner)
{
    const int b = borderWidth(width, height);
    const double cw = double(width - 2 * b) / kCols;
    const double ch = double(height - 2 * b) / kRows;
    const int col = cell % kCols;
    const int row = cell / kCols;
    double x0 = b + col * cw, x1 = b + (col + 1) * cw;
    double y0 = b + row * ch, y1 = b + (row + 1) * ch;
    if (inner) { // the central half, away from block edges
        const double mx = (x1 - x0) / 4, my = (y1 - y0) / 4;
        x0 += mx;
        x1 -= mx;
        y0 += my;
        y1 -= my;
    }
    const int ix0 = int(std::lround(x0)), iy0 = int(std::lround(y0));
    return {ix0, iy0, std::max(1, int(std::lround(x1)) - ix0), std::max(1, int(std::lround(y1)) - iy0)};
}

QString quoteArgs(const QString& program, const QStringList& args)
{
    QStringList parts{program};
    for (const QString& a : args) parts << (a.contains(QLatin1Char(' ')) ? QLatin1Char('"') + a + QLatin1Char('"') : a);
    return parts.join(QLatin1Char(' '));
}

} // namespace

QString ffmpegPath()
{
    static const QString path = QStandardPaths::findExecutable(QStringLiteral("ffmpeg"));
    return path;
}

QString ffprobePath()
{
    static const QString path = QStandardPaths::findExecutable(QStringLiteral("ffprobe"));
    return path;
}

bool ffmpegAvailable()
{
    return !ffmpegPath().isEmpty() && !ffprobePath().isEmpty();
}

bool encoderAvailable(const QString& name)
{
    static std::map<QString, bool> known;
    auto it = known.find(name);
    if (it != known.end()) return it->second;
    bool ok = false;
    if (ffmpegAvailable()) {
        auto out = runTool(ffmpegPath(), {QStringLiteral("-hide_banner"), QStringLiteral("-encoders")});
        if (out) {
            for (const QByteArray& line : out->split('\n')) {
                const QList<QByteArray> words = line.simplified().split(' ');
                if (words.size() >= 2 && words.at(1) == name.toLatin1()) ok = true;
            }
        }
    }
    known[name] = ok;
    return ok;
}

Result<QByteArray> runTool(const QString& program, const QStringList& args, const QByteArray& input, int timeoutMs)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForStarted(30000))
        return Result<QByteArray>::failure(QStringLiteral("%1: cannot start (%2)").arg(program, p.errorString()));
    if (!input.isEmpty()) p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        return Result<QByteArray>::failure(QStringLiteral("%1: timed out").arg(quoteArgs(program, args)));
    }
    const QByteArray out = p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return Result<QByteArray>::failure(QStringLiteral("%1 failed (exit %2): %3")
                                               .arg(quoteArgs(program, args))
                                               .arg(p.exitCode())
                                               .arg(QString::fromLocal8Bit(p.readAllStandardError()).trimmed()));
    return out;
}

cv::Mat numberedFrame(int number, int width, int height)
{
    cv::Mat img(height, width, CV_8UC3, cv::Scalar::all(kBorderGray));
    const int check = checkNibble(number);
    for (int cell = 0; cell < kCols * kRows; ++cell) {
        const bool bit = cell < kDataBits ? ((number >> cell) & 1) : ((check >> (cell - kDataBits)) & 1);
        img(cellRect(cell, width, height, false)).setTo(cv::Scalar::all(bit ? 255 : 0));
    }
    return img;
}

int decodeFrameNumber(const cv::Mat& bgr)
{
    if (bgr.empty() || bgr.depth() != CV_8U || bgr.cols < 40 || bgr.rows < 40) return -1;
    cv::Mat gray;
    if (bgr.channels() == 3)
        cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
    else if (bgr.channels() == 1)
        gray = bgr;
    else
        return -1;
    const int w = gray.cols, h = gray.rows;
    const int b = borderWidth(w, h);
    // The border must be mid gray (it is not part of the number).
    const int m = std::max(1, b / 4);
    const cv::Rect bands[4] = {{m, m, w - 2 * m, b - 2 * m},
                               {m, h - b + m, w - 2 * m, b - 2 * m},
                               {m, m, b - 2 * m, h - 2 * m},
                               {w - b + m, m, b - 2 * m, h - 2 * m}};
    for (const cv::Rect& r : bands) {
        if (r.width <= 0 || r.height <= 0) return -1;
        const double mean = cv::mean(gray(r))[0];
        if (mean < 90 || mean > 166) return -1;
    }
    int number = 0, check = 0;
    for (int cell = 0; cell < kCols * kRows; ++cell) {
        const double mean = cv::mean(gray(cellRect(cell, w, h, true)))[0];
        int bit;
        if (mean >= 170)
            bit = 1;
        else if (mean <= 85)
            bit = 0;
        else
            return -1;
        if (cell < kDataBits)
            number |= bit << cell;
        else
            check |= bit << (cell - kDataBits);
    }
    return check == checkNibble(number) ? number : -1;
}

Result<QString> encodeFrames(const QString& file, int frameCount, const std::function<cv::Mat(int)>& frameAt, int width,
                             int height, int fps, const QStringList& outputArgs)
{
    if (!ffmpegAvailable()) return Result<QString>::failure(QStringLiteral("ffmpeg not found"));
    QFile::remove(file);
    QStringList args{QStringLiteral("-nostdin"),
                     QStringLiteral("-hide_banner"),
                     QStringLiteral("-v"),
                     QStringLiteral("error"),
                     QStringLiteral("-y"),
                     QStringLiteral("-f"),
                     QStringLiteral("rawvideo"),
                     QStringLiteral("-pix_fmt"),
                     QStringLiteral("bgr24"),
                     QStringLiteral("-s"),
                     QStringLiteral("%1x%2").arg(width).arg(height),
                     QStringLiteral("-r"),
                     QString::number(fps),
                     QStringLiteral("-i"),
                     QStringLiteral("-")};
    args << outputArgs << file;

    QProcess p;
    p.start(ffmpegPath(), args);
    if (!p.waitForStarted(30000))
        return Result<QString>::failure(QStringLiteral("ffmpeg cannot start: %1").arg(p.errorString()));
    for (int i = 0; i < frameCount; ++i) {
        const cv::Mat img = frameAt(i);
        if (img.cols != width || img.rows != height || img.type() != CV_8UC3 || !img.isContinuous())
            return Result<QString>::failure(
                QStringLiteral("frame %1 is not a continuous %2x%3 BGR image").arg(i).arg(width).arg(height));
        p.write(reinterpret_cast<const char*>(img.data), qint64(img.total() * img.elemSize()));
        while (p.bytesToWrite() > (4 << 20))
            if (!p.waitForBytesWritten(30000)) break;
    }
    p.closeWriteChannel();
    if (!p.waitForFinished(300000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
        return Result<QString>::failure(
            QStringLiteral("%1 failed: %2")
                .arg(quoteArgs(ffmpegPath(), args), QString::fromLocal8Bit(p.readAllStandardError()).trimmed()));
    return file;
}

Result<QString> makeNumberedVideo(const QString& dir, const NumberedVideoOptions& o)
{
    const QString out = QDir(dir).filePath(o.baseName + QLatin1Char('.') + o.suffix);
    QStringList args;
    if (!o.vfrPtsMs.isEmpty()) {
        args << QStringLiteral("-vf") << QStringLiteral("settb=1/1000,setpts='%1'").arg(o.vfrPtsMs)
             << QStringLiteral("-fps_mode") << QStringLiteral("passthrough") << QStringLiteral("-enc_time_base")
             << QStringLiteral("1/1000");
    }
    args << o.codecArgs << o.extraOutputArgs;
    auto encoded = encodeFrames(
        out, o.frames, [&o](int i) { return numberedFrame(o.firstNumber + i, o.width, o.height); }, o.width, o.height,
        o.fps, args);
    if (!encoded) return encoded;

    if (o.rotation != 0) {
        // ffmpeg 5.1 writes a display matrix from the "rotate" tag when remuxing; the tag's
        // angle ends up counter-clockwise (ffprobe "rotation", what the ffmpeg CLI undoes).
        const QString tmp = QDir(dir).filePath(o.baseName + QStringLiteral(".unrotated.") + o.suffix);
        QFile::remove(tmp);
        if (!QFile::rename(out, tmp)) return Result<QString>::failure(QStringLiteral("cannot rename %1").arg(out));
        auto r = runTool(ffmpegPath(),
                         {QStringLiteral("-nostdin"), QStringLiteral("-v"), QStringLiteral("error"),
                          QStringLiteral("-y"), QStringLiteral("-i"), tmp, QStringLiteral("-c"), QStringLiteral("copy"),
                          QStringLiteral("-metadata:s:v:0"), QStringLiteral("rotate=%1").arg((360 - o.rotation) % 360),
                          out});
        QFile::remove(tmp);
        if (!r) return Result<QString>::failure(r.error());
    }
    return out;
}

Result<std::vector<cv::Mat>> ffmpegFrames(const QString& video, std::vector<qint64> indices, int width, int height)
{
    using R = Result<std::vector<cv::Mat>>;
    if (!ffmpegAvailable()) return R::failure(QStringLiteral("ffmpeg not found"));
    if (indices.empty()) return std::vector<cv::Mat>{};
    std::vector<qint64> sorted = indices;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    QStringList terms;
    for (qint64 i : sorted) terms << QStringLiteral("eq(n,%1)").arg(i);
    const QStringList args{QStringLiteral("-nostdin"),
                           QStringLiteral("-v"),
                           QStringLiteral("error"),
                           QStringLiteral("-i"),
                           video,
                           QStringLiteral("-an"),
                           QStringLiteral("-sn"),
                           QStringLiteral("-vf"),
                           QStringLiteral("select='%1'").arg(terms.join(QLatin1Char('+'))),
                           QStringLiteral("-fps_mode"),
                           QStringLiteral("passthrough"),
                           QStringLiteral("-f"),
                           QStringLiteral("rawvideo"),
                           QStringLiteral("-pix_fmt"),
                           QStringLiteral("bgr24"),
                           QStringLiteral("-")};
    auto out = runTool(ffmpegPath(), args, {}, 300000);
    if (!out) return R::failure(out.error());
    const qint64 frameBytes = qint64(width) * height * 3;
    if (out->size() != frameBytes * qint64(sorted.size()))
        return R::failure(QStringLiteral("%1: ffmpeg gave %2 bytes, expected %3 frames of %4x%5")
                              .arg(video)
                              .arg(out->size())
                              .arg(sorted.size())
                              .arg(width)
                              .arg(height));
    std::map<qint64, cv::Mat> byIndex;
    for (size_t k = 0; k < sorted.size(); ++k) {
        cv::Mat m(height, width, CV_8UC3);
        std::memcpy(m.data, out->constData() + qint64(k) * frameBytes, size_t(frameBytes));
        byIndex[sorted[k]] = m;
    }
    std::vector<cv::Mat> frames;
    frames.reserve(indices.size());
    for (qint64 i : indices) frames.push_back(byIndex[i]);
    return frames;
}

Result<cv::Mat> ffmpegFrame(const QString& video, qint64 index, int width, int height)
{
    auto frames = ffmpegFrames(video, {index}, width, height);
    if (!frames) return Result<cv::Mat>::failure(frames.error());
    return frames->front();
}

Result<std::vector<double>> ffprobeFrameTimes(const QString& video)
{
    using R = Result<std::vector<double>>;
    auto out = runTool(ffprobePath(),
                       {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
                        QStringLiteral("v:0"), QStringLiteral("-show_entries"),
                        QStringLiteral("frame=best_effort_timestamp_time"), QStringLiteral("-of"),
                        QStringLiteral("csv=p=0"), video});
    if (!out) return R::failure(out.error());
    std::vector<double> times;
    for (QByteArray line : out->split('\n')) {
        line = line.trimmed();
        while (line.endsWith(',')) line.chop(1);
        if (line.isEmpty()) continue;
        const int comma = line.indexOf(',');
        if (comma >= 0) line.truncate(comma);
        bool ok = false;
        const double t = line.toDouble(&ok);
        times.push_back(ok ? t : std::numeric_limits<double>::quiet_NaN());
    }
    return times;
}

Result<double> ffprobeStartTime(const QString& video)
{
    auto out = runTool(ffprobePath(),
                       {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-select_streams"),
                        QStringLiteral("v:0"), QStringLiteral("-show_entries"), QStringLiteral("stream=start_time"),
                        QStringLiteral("-of"), QStringLiteral("csv=p=0"), video});
    if (!out) return Result<double>::failure(out.error());
    QByteArray text = out->trimmed();
    if (const int nl = text.indexOf('\n'); nl >= 0) text.truncate(nl); // first line (later ones: side data)
    text = text.trimmed();
    if (const int comma = text.indexOf(','); comma >= 0) text.truncate(comma);
    bool ok = false;
    const double t = text.toDouble(&ok);
    if (!ok) return Result<double>::failure(QStringLiteral("%1: ffprobe gave no start_time").arg(video));
    return t;
}

double psnr(const cv::Mat& a, const cv::Mat& b)
{
    if (a.size() != b.size() || a.type() != b.type() || a.empty()) return 0;
    const double sq = cv::norm(a, b, cv::NORM_L2SQR);
    const double mse = sq / double(a.total() * a.channels());
    if (mse <= 0) return std::numeric_limits<double>::infinity();
    return 10.0 * std::log10(255.0 * 255.0 / mse);
}

} // namespace fl::test
