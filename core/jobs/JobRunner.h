#pragma once
// Runs Jobs on worker threads (its own thread pool, so long jobs never starve Qt's global
// pool). Owns the jobs it runs until they finish; cancels and waits for all of them when
// destroyed (call cancelAll() + waitForAll() yourself to do it earlier, e.g. on close).
#include "jobs/Job.h"

#include <QObject>
#include <QThreadPool>

#include <memory>
#include <vector>

namespace fl {

class JobRunner : public QObject {
    Q_OBJECT
public:
    explicit JobRunner(QObject* parent = nullptr, int maxThreads = 4);
    ~JobRunner() override;

    // Takes ownership and starts `job` on a worker thread. Connect to its signals before
    // calling (queued delivery: they arrive on the job's thread's event loop). Returns the job.
    Job* start(std::unique_ptr<Job> job);

    // Jobs started and not yet finished.
    std::vector<Job*> activeJobs() const;
    bool busy() const;

    void cancelAll();
    // Waits (blocking) until no job runs; false on timeout. Finished jobs are deleted later
    // by the event loop.
    bool waitForAll(int timeoutMs = -1);

signals:
    void jobStarted(fl::Job* job);
    void jobFinished(fl::Job* job, fl::Job::State state, const QString& error);

private:
    QThreadPool m_pool;
    std::vector<Job*> m_jobs;
};

} // namespace fl
