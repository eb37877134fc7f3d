#pragma once
// Every persistent preference of the GUI, typed, in one place (Subsurface-style): each key has
// a getter that returns a valid value (defaults when absent, out-of-range values clamped) and
// a setter; each group has a changed signal. Backed by a QSettings (the per-user one by
// default; tests pass their own file).
#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

#include <QSettings>

namespace fl {

class AppSettings : public QObject {
    Q_OBJECT
public:
    enum class Theme { System, Light, Dark };
    Q_ENUM(Theme)

    static constexpr int kMaxRecentProjects = 10;

    // `store` null: the application's QSettings (organisation/application names).
    explicit AppSettings(std::unique_ptr<QSettings> store = nullptr, QObject* parent = nullptr);
    ~AppSettings() override;
    // Settings with nothing stored: every getter gives its default.
    static const AppSettings& defaults();

    // ---- general ----
    int autosaveIntervalSeconds() const; // 0 = off; default 60; 0..3600
    void setAutosaveIntervalSeconds(int seconds);
    bool reopenLastProject() const; // default true
    void setReopenLastProject(bool on);
    QString lastProject() const;
    void setLastProject(const QString& dir);
    // The folder a file dialog of `kind` ("projects", "videos", "labels", "exports") was last
    // left in; empty when none, or when it no longer exists.
    QString lastFolder(const QString& kind) const;
    void setLastFolder(const QString& kind, const QString& dir);
    QStringList recentProjects() const;        // newest first, at most kMaxRecentProjects
    void addRecentProject(const QString& dir); // moves to the front
    void removeRecentProject(const QString& dir);
    void clearRecentProjects();

    // ---- playback ----
    double defaultSpeed() const; // 0.25..4, default 1
    void setDefaultSpeed(double speed);
    int readAheadFrames() const; // frames decoded ahead when paused; 0..240, default 24
    void setReadAheadFrames(int frames);
    int frameCacheMegabytes() const; // decoded-frame memory; 32..8192, default 384
    void setFrameCacheMegabytes(int mb);
    bool buildScrubPreviews() const; // default true
    void setBuildScrubPreviews(bool on);
    int previewHeight() const; // 144..1080, default 360
    void setPreviewHeight(int pixels);
    // Hardware decoding for every video opened: "none" (default), "auto", or a device type
    // FFmpeg names ("vaapi", "vdpau", "cuda", ...; VideoSource::hardwareDecoderTypes()).
    QString hardwareDecoding() const;
    void setHardwareDecoding(const QString& type);

    // ---- labeling ----
    bool paintWhilePlaying() const; // default true
    void setPaintWhilePlaying(bool on);
    bool advanceAfterLabel() const; // class key on a single fragment moves on; default false
    void setAdvanceAfterLabel(bool on);
    bool snapEdgesToFragments() const; // default true
    void setSnapEdgesToFragments(bool on);

    // ---- timeline ----
    bool showFragmentBoundaries() const; // default true
    void setShowFragmentBoundaries(bool on);
    bool showKeyframes() const; // default true
    void setShowKeyframes(bool on);
    bool followPlayhead() const; // default true
    void setFollowPlayhead(bool on);

    // ---- appearance ----
    Theme theme() const; // default System
    void setTheme(Theme theme);

    // ---- window ----
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray& state);
    QByteArray splitterState() const;
    void setSplitterState(const QByteArray& state);

    // Writes pending changes to disk.
    void sync();
    // Back to defaults for the groups the settings dialog edits (not recent projects/window).
    void restoreDefaults();

    QString fileName() const;

signals:
    void generalChanged();
    void playbackChanged();
    void labelingChanged();
    void timelineChanged();
    void appearanceChanged();

private:
    void migrateOldKeys();
    QVariant value(const char* key, const QVariant& fallback) const;
    void setValue(const char* key, const QVariant& value, void (AppSettings::*changed)());
    std::unique_ptr<QSettings> m_store;
};

} // namespace fl
