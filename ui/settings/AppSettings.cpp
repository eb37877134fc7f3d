#include "settings/AppSettings.h"

#include <QRegularExpression>

#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <algorithm>
#include <cmath>

namespace fl {

namespace {

namespace Key {
// Not "general/...": Qt's INI format writes a group named "general" (in any case) as
// [%General] and reads it back as "General", so those keys were never found again.
constexpr const char* autosave = "projects/autosaveIntervalSeconds";
constexpr const char* reopen = "projects/reopenLastProject";
constexpr const char* lastProject = "projects/lastProject";
constexpr const char* recent = "projects/recentProjects";
constexpr const char* movedFrom[] = {"general", "General"}; // where versions up to 0.x kept them
constexpr const char* speed = "playback/defaultSpeed";
constexpr const char* readAhead = "playback/readAheadFrames";
constexpr const char* hardwareDecoding = "playback/hardwareDecoding";
constexpr const char* cacheMb = "playback/frameCacheMegabytes";
constexpr const char* previews = "playback/buildScrubPreviews";
constexpr const char* previewHeight = "playback/previewHeight";
constexpr const char* paint = "labeling/paintWhilePlaying";
constexpr const char* advance = "labeling/advanceAfterLabel";
constexpr const char* snap = "labeling/snapEdgesToFragments";
constexpr const char* boundaries = "timeline/showFragmentBoundaries";
constexpr const char* keyframes = "timeline/showKeyframes";
constexpr const char* follow = "timeline/followPlayhead";
constexpr const char* theme = "appearance/theme";
constexpr const char* geometry = "window/geometry";
constexpr const char* state = "window/state";
constexpr const char* splitter = "window/splitter";
} // namespace Key

int clampedInt(const QVariant& v, int fallback, int lo, int hi)
{
    bool ok = false;
    const int i = v.toInt(&ok);
    return ok ? std::clamp(i, lo, hi) : fallback;
}

bool boolOr(const QVariant& v, bool fallback)
{
    if (!v.isValid()) return fallback;
    const QString s = v.toString().trimmed().toLower();
    if (s == QLatin1String("true") || s == QLatin1String("1")) return true;
    if (s == QLatin1String("false") || s == QLatin1String("0")) return false;
    return fallback;
}

QString cleanDir(const QString& dir)
{
    return QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
}

} // namespace

AppSettings::AppSettings(std::unique_ptr<QSettings> store, QObject* parent)
    : QObject(parent), m_store(store ? std::move(store) : std::make_unique<QSettings>())
{
    migrateOldKeys();
}

void AppSettings::migrateOldKeys()
{
    // Settings files written before the keys moved hold them as "General/..." (read back
    // from [%General], possibly several such sections) or, within the writing process,
    // "general/...". A value already under the new key wins; the old groups go.
    bool moved = false;
    for (const char* key : {Key::autosave, Key::reopen, Key::lastProject, Key::recent}) {
        const QString name = QString::fromLatin1(key).section(QLatin1Char('/'), 1);
        for (const char* group : Key::movedFrom) {
            const QString old = QString::fromLatin1(group) + QLatin1Char('/') + name;
            if (!m_store->contains(old)) continue;
            if (!m_store->contains(QLatin1String(key))) m_store->setValue(QLatin1String(key), m_store->value(old));
            moved = true;
        }
    }
    for (const char* group : Key::movedFrom)
        if (m_store->childGroups().contains(QLatin1String(group))) {
            m_store->remove(QLatin1String(group));
            moved = true;
        }
    if (moved) m_store->sync();
}

AppSettings::~AppSettings()
{
    m_store->sync();
}

const AppSettings& AppSettings::defaults()
{
    // An in-memory format: reads nothing, writes nothing.
    static const QSettings::Format empty = QSettings::registerFormat(
        QStringLiteral("fldefaults"), [](QIODevice&, QSettings::SettingsMap&) { return true; },
        [](QIODevice&, const QSettings::SettingsMap&) { return true; });
    static const AppSettings instance(
        std::make_unique<QSettings>(QStringLiteral("/nonexistent/fragmentlab-defaults.fldefaults"), empty));
    return instance;
}

QVariant AppSettings::value(const char* key, const QVariant& fallback) const
{
    return m_store->value(QLatin1String(key), fallback);
}

void AppSettings::setValue(const char* key, const QVariant& v, void (AppSettings::*changed)())
{
    if (m_store->value(QLatin1String(key)) == v) return;
    m_store->setValue(QLatin1String(key), v);
    if (changed) emit(this->*changed)();
}

QString AppSettings::fileName() const
{
    return m_store->fileName();
}
void AppSettings::sync()
{
    m_store->sync();
}

// ---- general ----
int AppSettings::autosaveIntervalSeconds() const
{
    return clampedInt(value(Key::autosave, 60), 60, 0, 3600);
}
void AppSettings::setAutosaveIntervalSeconds(int s)
{
    setValue(Key::autosave, std::clamp(s, 0, 3600), &AppSettings::generalChanged);
}
bool AppSettings::reopenLastProject() const
{
    return boolOr(value(Key::reopen, {}), true);
}
void AppSettings::setReopenLastProject(bool on)
{
    setValue(Key::reopen, on, &AppSettings::generalChanged);
}
QString AppSettings::lastProject() const
{
    return value(Key::lastProject, {}).toString();
}
void AppSettings::setLastProject(const QString& dir)
{
    setValue(Key::lastProject, dir.isEmpty() ? dir : cleanDir(dir), nullptr);
}

QString AppSettings::lastFolder(const QString& kind) const
{
    const QString dir = m_store->value(QStringLiteral("folders/") + kind).toString();
    return !dir.isEmpty() && QFileInfo(dir).isDir() ? dir : QString();
}

void AppSettings::setLastFolder(const QString& kind, const QString& dir)
{
    if (kind.isEmpty() || dir.isEmpty()) return;
    m_store->setValue(QStringLiteral("folders/") + kind, cleanDir(dir));
}

QStringList AppSettings::recentProjects() const
{
    QStringList list;
    for (const QString& dir : value(Key::recent, {}).toStringList())
        if (!dir.isEmpty() && !list.contains(dir) && list.size() < kMaxRecentProjects) list << dir;
    return list;
}

void AppSettings::addRecentProject(const QString& dir)
{
    if (dir.isEmpty()) return;
    QStringList list = recentProjects();
    const QString clean = cleanDir(dir);
    list.removeAll(clean);
    list.prepend(clean);
    while (list.size() > kMaxRecentProjects) list.removeLast();
    setValue(Key::recent, list, &AppSettings::generalChanged);
}

void AppSettings::removeRecentProject(const QString& dir)
{
    QStringList list = recentProjects();
    list.removeAll(cleanDir(dir));
    setValue(Key::recent, list, &AppSettings::generalChanged);
}

void AppSettings::clearRecentProjects()
{
    setValue(Key::recent, QStringList(), &AppSettings::generalChanged);
}

// ---- playback ----
double AppSettings::defaultSpeed() const
{
    bool ok = false;
    const double s = value(Key::speed, 1.0).toDouble(&ok);
    return ok && std::isfinite(s) ? std::clamp(s, 0.25, 4.0) : 1.0;
}
void AppSettings::setDefaultSpeed(double s)
{
    setValue(Key::speed, std::clamp(std::isfinite(s) ? s : 1.0, 0.25, 4.0), &AppSettings::playbackChanged);
}
int AppSettings::readAheadFrames() const
{
    return clampedInt(value(Key::readAhead, 24), 24, 0, 240);
}
void AppSettings::setReadAheadFrames(int n)
{
    setValue(Key::readAhead, std::clamp(n, 0, 240), &AppSettings::playbackChanged);
}
QString AppSettings::hardwareDecoding() const
{
    const QString v = value(Key::hardwareDecoding, QStringLiteral("none")).toString().trimmed().toLower();
    // Only names of letters, digits and underscores (FFmpeg's device type names).
    static const QRegularExpression name(QStringLiteral("^[a-z0-9_]{1,32}$"));
    return name.match(v).hasMatch() ? v : QStringLiteral("none");
}
void AppSettings::setHardwareDecoding(const QString& type)
{
    const QString v = type.trimmed().toLower();
    setValue(Key::hardwareDecoding, v.isEmpty() ? QStringLiteral("none") : v, &AppSettings::playbackChanged);
}
int AppSettings::frameCacheMegabytes() const
{
    return clampedInt(value(Key::cacheMb, 384), 384, 32, 8192);
}
void AppSettings::setFrameCacheMegabytes(int mb)
{
    setValue(Key::cacheMb, std::clamp(mb, 32, 8192), &AppSettings::playbackChanged);
}
bool AppSettings::buildScrubPreviews() const
{
    return boolOr(value(Key::previews, {}), true);
}
void AppSettings::setBuildScrubPreviews(bool on)
{
    setValue(Key::previews, on, &AppSettings::playbackChanged);
}
int AppSettings::previewHeight() const
{
    return clampedInt(value(Key::previewHeight, 360), 360, 144, 1080);
}
void AppSettings::setPreviewHeight(int px)
{
    setValue(Key::previewHeight, std::clamp(px, 144, 1080), &AppSettings::playbackChanged);
}

// ---- labeling ----
// Off until P (or the transport bar button) turns it on, as the user guide says.
bool AppSettings::paintWhilePlaying() const
{
    return boolOr(value(Key::paint, {}), false);
}
void AppSettings::setPaintWhilePlaying(bool on)
{
    setValue(Key::paint, on, &AppSettings::labelingChanged);
}
bool AppSettings::advanceAfterLabel() const
{
    return boolOr(value(Key::advance, {}), false);
}
void AppSettings::setAdvanceAfterLabel(bool on)
{
    setValue(Key::advance, on, &AppSettings::labelingChanged);
}
bool AppSettings::snapEdgesToFragments() const
{
    return boolOr(value(Key::snap, {}), true);
}
void AppSettings::setSnapEdgesToFragments(bool on)
{
    setValue(Key::snap, on, &AppSettings::labelingChanged);
}

// ---- timeline ----
bool AppSettings::showFragmentBoundaries() const
{
    return boolOr(value(Key::boundaries, {}), true);
}
void AppSettings::setShowFragmentBoundaries(bool on)
{
    setValue(Key::boundaries, on, &AppSettings::timelineChanged);
}
bool AppSettings::showKeyframes() const
{
    return boolOr(value(Key::keyframes, {}), true);
}
void AppSettings::setShowKeyframes(bool on)
{
    setValue(Key::keyframes, on, &AppSettings::timelineChanged);
}
bool AppSettings::followPlayhead() const
{
    return boolOr(value(Key::follow, {}), true);
}
void AppSettings::setFollowPlayhead(bool on)
{
    setValue(Key::follow, on, &AppSettings::timelineChanged);
}

// ---- appearance ----
AppSettings::Theme AppSettings::theme() const
{
    const QString s = value(Key::theme, {}).toString().toLower();
    if (s == QLatin1String("light")) return Theme::Light;
    if (s == QLatin1String("dark")) return Theme::Dark;
    return Theme::System;
}

void AppSettings::setTheme(Theme theme)
{
    const char* name = theme == Theme::Light ? "light" : theme == Theme::Dark ? "dark" : "system";
    setValue(Key::theme, QString::fromLatin1(name), &AppSettings::appearanceChanged);
}

// ---- window ----
QByteArray AppSettings::windowGeometry() const
{
    return value(Key::geometry, {}).toByteArray();
}
void AppSettings::setWindowGeometry(const QByteArray& g)
{
    setValue(Key::geometry, g, nullptr);
}
QByteArray AppSettings::windowState() const
{
    return value(Key::state, {}).toByteArray();
}
void AppSettings::setWindowState(const QByteArray& s)
{
    setValue(Key::state, s, nullptr);
}
QByteArray AppSettings::splitterState() const
{
    return value(Key::splitter, {}).toByteArray();
}
void AppSettings::setSplitterState(const QByteArray& s)
{
    setValue(Key::splitter, s, nullptr);
}

void AppSettings::restoreDefaults()
{
    for (const char* group : {Key::autosave, Key::reopen}) m_store->remove(QLatin1String(group));
    for (const char* group : {"playback", "labeling", "timeline", "appearance"}) m_store->remove(QLatin1String(group));
    emit generalChanged();
    emit playbackChanged();
    emit labelingChanged();
    emit timelineChanged();
    emit appearanceChanged();
}

} // namespace fl
