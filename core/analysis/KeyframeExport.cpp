#include "analysis/KeyframeExport.h"

#include "project/CsvText.h"
#include "project/FileBytes.h"
#include "video/VideoSource.h"

#include <opencv2/imgcodecs.hpp>

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace fl {

QString keyframeImageName(const QString& baseName, qint64 frame, KeyframeImageFormat format)
{
    return QStringLiteral("%1_f%2.%3")
        .arg(baseName)
        .arg(frame, 6, 10, QLatin1Char('0'))
        .arg(format == KeyframeImageFormat::Jpeg ? QStringLiteral("jpg") : QStringLiteral("png"));
}

Result<QStringList> writeKeyframeImages(VideoSource& source, const KeyframeSet& keyframes, const QString& dir,
                                        const QString& baseName, KeyframeImageFormat format, const WorkControl& control)
{
    if (!QDir().mkpath(dir))
        return Status::failure(QStringLiteral("%1: cannot create the folder").arg(QDir::toNativeSeparators(dir)));
    const QString what = QStringLiteral("Writing keyframes of %1").arg(QFileInfo(source.info().path).fileName());
    const std::string ext = format == KeyframeImageFormat::Jpeg ? ".jpg" : ".png";
    const std::vector<int> params = format == KeyframeImageFormat::Jpeg
        ? std::vector<int>{cv::IMWRITE_JPEG_QUALITY, 95}
        : std::vector<int>{cv::IMWRITE_PNG_COMPRESSION, 3};
    QStringList written;
    const auto& list = keyframes.keyframes();
    for (size_t k = 0; k < list.size(); ++k) {
        if (control.cancelled())
            return Status::failure(QStringLiteral("%1: cancelled").arg(QDir::toNativeSeparators(dir)));
        auto frame = source.frame(list[k].frame);
        if (!frame) return frame.status();
        const QString file = QDir(dir).filePath(keyframeImageName(baseName, list[k].frame, format));
        std::vector<uchar> bytes;
        try {
            if (!cv::imencode(ext, *frame, bytes, params))
                return Status::failure(
                    QStringLiteral("%1: cannot encode the image").arg(QDir::toNativeSeparators(file)));
        } catch (const cv::Exception& e) {
            return Status::failure(QStringLiteral("%1: cannot encode the image (%2)")
                                       .arg(QDir::toNativeSeparators(file), QString::fromStdString(e.msg)));
        }
        if (Status s = writeFileAtomically(file,
                                           QByteArray(reinterpret_cast<const char*>(bytes.data()),
                                                      qsizetype(bytes.size())));
            !s)
            return s;
        written << file;
        control.report(qint64(k + 1), qint64(list.size()), what);
    }
    return written;
}

QByteArray keyframeCsv(const std::vector<KeyframeTable>& videos)
{
    QString out = QStringLiteral("video,frame,timecode,scene,score,class,time_s,file\n");
    for (const KeyframeTable& v : videos) {
        for (const Keyframe& k : v.keyframes.keyframes()) {
            QString scene;
            for (size_t s = 0; s < v.scenes.size(); ++s)
                if (v.scenes[s].contains(k.frame)) scene = QString::number(s + 1);
            const QString time = k.frame < qint64(v.frameTimesMs.size())
                ? QString::number(v.frameTimesMs[size_t(k.frame)] / 1000.0, 'f', 6)
                : QString();
            const QString file = v.imageBaseName.isEmpty() ? QString()
                                                           : keyframeImageName(v.imageBaseName, k.frame, v.imageFormat);
            out += QStringList{CsvText::field(v.video),
                               QString::number(k.frame),
                               v.timecode.format(k.frame),
                               scene,
                               k.manual ? QString() : QString::number(k.score, 'f', 4),
                               CsvText::field(v.className),
                               time,
                               CsvText::field(file)}
                       .join(QLatin1Char(','));
            out += QLatin1Char('\n');
        }
    }
    return out.toUtf8();
}

Status writeKeyframeCsv(const QString& file, const std::vector<KeyframeTable>& videos)
{
    return writeFileAtomically(file, keyframeCsv(videos));
}

} // namespace fl
