#include "BadMedia.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <random>

namespace fl::test {

const std::vector<BadVideoCase>& badVideoCases()
{
    static const std::vector<BadVideoCase> cases = {
        {"zero-byte file", BadVideo::Empty, "empty.mp4", "file is empty"},
        {"truncated mp4", BadVideo::Truncated, "half.mp4", "decoding stopped at frame"},
        {"random bytes mp4", BadVideo::RandomBytes, "random.mp4", "not a video"},
        {"random bytes avi", BadVideo::RandomBytes, "random.avi", "not a video"},
        {"text file", BadVideo::Text, "notes.txt", "text file"},
        {"text file named avi", BadVideo::Text, "notes.avi", "not a video"},
        {"missing path", BadVideo::Missing, "missing.mp4", "file not found"},
        {"directory", BadVideo::Directory, "folder.mp4", "is a folder"},
        {"decoder fails midway", BadVideo::FailsMidway, "garbage.mp4", "decoding stopped at frame"},
    };
    return cases;
}

QByteArray randomBytes(int size, unsigned seed)
{
    std::mt19937 rng(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char& c : bytes) c = char(rng() & 0xFF);
    return bytes;
}

QByteArray readWholeFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeWholeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

Status makeBadVideo(const QString& path, BadVideo kind, const QString& valid)
{
    const auto written = [&](const QByteArray& bytes) {
        return writeWholeFile(path, bytes) ? Status::success()
                                           : Status::failure(QStringLiteral("%1: cannot write").arg(path));
    };
    QByteArray original;
    if (kind == BadVideo::Truncated || kind == BadVideo::FailsMidway) {
        original = readWholeFile(valid);
        if (original.isEmpty()) return Status::failure(QStringLiteral("%1: no valid video to damage").arg(valid));
    }
    switch (kind) {
    case BadVideo::Missing:
        return QFileInfo::exists(path) ? Status::failure(QStringLiteral("%1: exists").arg(path)) : Status::success();
    case BadVideo::Directory:
        return QDir().mkpath(path) ? Status::success()
                                   : Status::failure(QStringLiteral("%1: cannot make folder").arg(path));
    case BadVideo::Empty: return written({});
    case BadVideo::RandomBytes: return written(randomBytes(200000, 7));
    case BadVideo::Text: {
        QByteArray text;
        for (int i = 0; i < 2000; ++i) text += "line " + QByteArray::number(i) + ": this is a text file, not a video\n";
        return written(text);
    }
    case BadVideo::Truncated: return written(original.left(original.size() / 2));
    case BadVideo::FailsMidway: {
        const int half = int(original.size() / 2);
        original.replace(half, original.size() - half, randomBytes(int(original.size()) - half, 11));
        return written(original);
    }
    }
    return Status::failure(QStringLiteral("unknown bad video kind"));
}

} // namespace fl::test
