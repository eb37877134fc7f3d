#pragma once
// What every feature of the window works on, without any widget: the open document, the
// player, the job runner and the settings; the current video, frame and fragment with their
// change signals; navigation (selectVideo, seek, goToFragment, stepping); status and error
// reporting. Features (panels, workspaces, controllers) take a Workbench* instead of the main
// window, so they can be built and tested without it (qBittorrent's IGUIApplication is the
// model). The window listens to the request signals (revealFrame, selectFragments,
// statusMessage, errorReported) and does what they ask with its widgets.
#include "Result.h"

#include <QObject>

#include <memory>

namespace fl {

class AppSettings;
class Job;
class JobRunner;
class LabelingController;
class ProjectDocument;
class VideoPlayer;

class Workbench : public QObject {
    Q_OBJECT
public:
    // Makes the job runner and the labeling controller. Its reaction to a replaced project is
    // the first of all (no receiver finds a current video of the old project).
    Workbench(ProjectDocument* document, VideoPlayer* player, AppSettings* settings, QObject* parent = nullptr);

    ProjectDocument* document() const { return m_document; }
    VideoPlayer* player() const { return m_player; }
    JobRunner* jobRunner() const { return m_jobs; }
    LabelingController* labeling() const { return m_labeling; }
    AppSettings* settings() const { return m_settings; }

    // ---- the current place ----
    int currentVideo() const { return m_video; }
    bool hasCurrentVideo() const; // a video of the open project is current
    qint64 currentFrame() const;
    qint64 currentFragment() const; // -1: none
    // Says currentFragmentChanged if the fragment under the playhead changed since the last
    // call (`labelChanged`: say it even if only its label may have); the window calls it after
    // every position, label or video change.
    void refreshFragment(bool labelChanged = false);
    // No current video, silently: the player closes (a project is being replaced).
    void releaseVideo();
    // No current video (the project has none left): closes the player, says currentVideoChanged(-1).
    void clearVideo();
    // Selects `video` again even when it is current (its file changed under it).
    void reselectVideo(int video);
    // After the project's list of videos changed: the current video stays when it is still
    // there and the same file, else the one in its place (or the last) is selected; none when
    // the project has no videos left; the first when there was none.
    void followVideoList();
    // The window calls it once a video that finished opening is shown: a status line when its
    // frame count is not the project's (the file changed), then videoOpened.
    void noteVideoOpened();

    // ---- long work and messages ----
    // Connect to the job's signals before: a quick job may finish at once.
    Job* startJob(std::unique_ptr<Job> job);
    void showStatus(const QString& message, int timeoutMs = 5000) { emit statusMessage(message, timeoutMs); }
    // An error for the user (the window shows a message box).
    void reportError(const QString& title, const QString& message) { emit errorReported(title, message); }

public slots:
    void selectVideo(int video);
    void seek(qint64 frame);
    // Selects the video, seeks to the fragment's first frame, selects it and scrolls to it.
    void goToFragment(int video, qint64 fragment);
    // Next/previous fragment (back from inside a fragment goes to its own start first).
    void stepFragments(int delta);
    // Next/previous fragment without a label; false (and a status line) when there is none.
    bool jumpToUnlabeled(int direction);
    // Asks the window to scroll the timeline to `frame`.
    void revealFrame(qint64 frame) { emit revealFrameRequested(frame); }

signals:
    // The current video changed (-1: none). Receivers connected first (the window) update
    // the views before the features hear it.
    void currentVideoChanged(int video);
    // The fragment under the playhead changed (or its label did).
    void currentFragmentChanged(int video, qint64 fragment);
    // A video finished opening in the player (frames can be asked for).
    void videoOpened(int video);

    // ---- requests to the window ----
    void selectFragmentsRequested(qint64 first, qint64 last);
    void revealFrameRequested(qint64 frame); // scroll the timeline to it
    void statusMessage(const QString& message, int timeoutMs);
    void errorReported(const QString& title, const QString& message);

private:
    ProjectDocument* m_document;
    VideoPlayer* m_player;
    JobRunner* m_jobs = nullptr;
    LabelingController* m_labeling = nullptr;
    AppSettings* m_settings;
    int m_video = -1;
    qint64 m_lastFragment = -2;
};

} // namespace fl
