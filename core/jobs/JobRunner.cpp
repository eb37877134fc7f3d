#include "jobs/JobRunner.h"

#include <algorithm>

namespace fl {

JobRunner::JobRunner(QObject* parent, int maxThreads) : QObject(parent)
{
    m_pool.setMaxThreadCount(std::max(1, maxThreads));
}

JobRunner::~JobRunner()
{
    cancelAll();
    m_pool.waitForDone();
    for (Job* job : m_jobs) delete job;
}

Job* JobRunner::start(std::unique_ptr<Job> owned)
{
    Job* job = owned.release();
    m_jobs.push_back(job);
    connect(
        job, &Job::finished, this,
        [this, job](Job::State state, const QString& error) {
            m_jobs.erase(std::remove(m_jobs.begin(), m_jobs.end(), job), m_jobs.end());
            emit jobFinished(job, state, error);
            job->deleteLater();
        },
        Qt::QueuedConnection);
    emit jobStarted(job);
    m_pool.start([job] { job->runHere(); });
    return job;
}

std::vector<Job*> JobRunner::activeJobs() const
{
    return m_jobs;
}

bool JobRunner::busy() const
{
    return !m_jobs.empty();
}

void JobRunner::cancelAll()
{
    for (Job* job : m_jobs) job->requestCancel();
}

bool JobRunner::waitForAll(int timeoutMs)
{
    return m_pool.waitForDone(timeoutMs);
}

} // namespace fl
