#pragma once
// Files that look like videos but are not usable ones: the bad inputs every entry point
// (VideoSource, CLI, project add) must refuse with one line naming the file and the problem.
#include "Result.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace fl::test {

enum class BadVideo {
    Missing,     // nothing at the path
    Directory,   // a folder named like a video
    Empty,       // zero bytes
    RandomBytes, // random bytes with a video extension
    Text,        // a text file (with the extension the name gives)
    Truncated,   // the first half of a valid video
    FailsMidway, // a valid video whose second half is replaced by random bytes: decoding stops midway
};

struct BadVideoCase {
    const char* label; // row name
    BadVideo kind;
    const char* fileName; // .mp4 for Truncated/FailsMidway (made from a valid mp4)
    const char* phrase;   // what the one-line message must say
};

// The bad inputs the foundation issue lists, each with the phrase its message carries.
const std::vector<BadVideoCase>& badVideoCases();

// Makes `path` as `kind` says; Truncated and FailsMidway start from the valid video `valid`.
Status makeBadVideo(const QString& path, BadVideo kind, const QString& valid = {});

QByteArray randomBytes(int size, unsigned seed);
QByteArray readWholeFile(const QString& path); // empty when unreadable
bool writeWholeFile(const QString& path, const QByteArray& bytes);

} // namespace fl::test
