#pragma once
// Helpers for the GUI tests (tst_ui_*), header-only: the support library itself has no Qt Gui.
#include "TestMedia.h"
#include "document/ProjectDocument.h"
#include "settings/AppSettings.h"

#include <opencv2/core.hpp>

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QSettings>

#include <memory>

namespace fl::test {

// Settings for a window test, in their own INI file (never the user's): no scrub previews
// and no autosave timer, so nothing runs in the background that the test did not start.
inline std::unique_ptr<AppSettings> quietSettings(const QString& iniFile)
{
    auto s = std::make_unique<AppSettings>(std::make_unique<QSettings>(iniFile, QSettings::IniFormat));
    s->setBuildScrubPreviews(false);
    s->setAutosaveIntervalSeconds(0);
    return s;
}

// Default-constructed QSettings (what the application's language choice reads at start) go
// to INI files under `dir`, for the organisation FragmentLabTest and `application`: never the
// user's settings.
inline void redirectDefaultSettings(const QString& dir, const QString& application)
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
    QCoreApplication::setOrganizationName(QStringLiteral("FragmentLabTest"));
    QCoreApplication::setApplicationName(application);
}

// The number a displayed frame (any QImage format) shows; -1 when none (see TestMedia).
inline int imageNumber(const QImage& image)
{
    const QImage bgr = image.convertToFormat(QImage::Format_BGR888);
    const cv::Mat m(bgr.height(), bgr.width(), CV_8UC3, const_cast<uchar*>(bgr.constBits()),
                    size_t(bgr.bytesPerLine()));
    return decodeFrameNumber(m.clone());
}

// A video entry for a project, without a file: enough for labels, models and the timeline.
inline ProjectDocument::NewVideo fakeVideo(const QString& dir, const QString& name, qint64 frames, char hashDigit)
{
    ProjectDocument::NewVideo v;
    v.path = QDir(dir).filePath(name);
    v.frameCount = frames;
    v.fps = 25;
    v.fingerprint.size = 1000 + frames;
    v.fingerprint.hash = QByteArray(64, hashDigit);
    return v;
}

// A widget of the window (or of a panel) by object name: panels have no widget getters, each
// header lists its widgets' names. Fails the test run when there is none.
template <typename T>
T* named(const QObject& parent, const char* name)
{
    T* child = parent.findChild<T*>(QLatin1String(name));
    if (!child) qFatal("no %s named %s", T::staticMetaObject.className(), name);
    return child;
}

} // namespace fl::test
