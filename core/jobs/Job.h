#pragma once
// A unit of long work (indexing, cache building, training, prediction, export) that runs on a
// worker thread and talks to the GUI only through queued signals.
//
// Subclasses implement execute(): it runs on the worker thread, checks control.cancelled()
// between frames/batches (a cancel must take effect in under a second), reports progress
// through control.report(done, total, what), may emit partial results through signals of
// its own (by value: they cross threads), and returns a Status. A cancelled job must leave
// no half-written file behind.
//
// A Job lives on the thread that made it (the GUI thread); JobRunner calls it on a worker.
// The CLI runs the same job on its own thread with runHere().
#include "Cancellation.h"
#include "Result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <atomic>
#include <mutex>

namespace fl {

class Job : public QObject {
    Q_OBJECT
public:
    enum class State { Pending, Running, Succeeded, Failed, Cancelled };
    Q_ENUM(State)

    explicit Job(QString title, QObject* parent = nullptr);
    ~Job() override;

    QString title() const { return m_title; }
    State state() const { return m_state.load(); }
    bool isFinished() const;
    // The failure message (one line naming the file and the problem); empty unless Failed.
    QString errorString() const;

    // Thread-safe; takes effect at the job's next check. A job that has not started yet
    // finishes as Cancelled without running.
    void requestCancel();
    bool cancelRequested() const { return m_cancel.load(); }

    // Runs the job on the calling thread (CLI, tests). Signals are delivered directly.
    Status runHere();

    // Minimum time between two progress signals (the last one always goes out).
    void setProgressInterval(int ms) { m_progressIntervalMs = ms; }

signals:
    void started();
    // done/total in units of `what` (total 0: unknown); etaSeconds < 0: unknown.
    void progress(qint64 done, qint64 total, const QString& what, double etaSeconds);
    // Exactly once per job: state is Succeeded, Failed or Cancelled.
    void finished(fl::Job::State state, const QString& error);

protected:
    virtual Status execute(const WorkControl& control) = 0;

private:
    void reportProgress(std::int64_t done, std::int64_t total, const QString& what);

    QString m_title;
    std::atomic<State> m_state{State::Pending};
    std::atomic<bool> m_cancel{false};
    mutable std::mutex m_mutex;
    QString m_error;
    // Progress throttling and time-left estimate (worker thread only).
    QElapsedTimer m_clock;
    qint64 m_lastEmitMs = -1;
    QString m_lastWhat;
    qint64 m_phaseStartMs = 0;
    std::int64_t m_phaseStartDone = 0;
    int m_progressIntervalMs = 50;
};

} // namespace fl
