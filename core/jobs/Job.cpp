#include "jobs/Job.h"

#include <QLoggingCategory>

namespace fl {

Q_LOGGING_CATEGORY(lcJobs, "fragmentlab.jobs", QtInfoMsg)

Job::Job(QString title, QObject* parent) : QObject(parent), m_title(std::move(title)) {}

Job::~Job() = default;

bool Job::isFinished() const
{
    const State s = m_state.load();
    return s == State::Succeeded || s == State::Failed || s == State::Cancelled;
}

QString Job::errorString() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

void Job::requestCancel()
{
    m_cancel.store(true);
}

void Job::reportProgress(std::int64_t done, std::int64_t total, const QString& what)
{
    const qint64 now = m_clock.elapsed();
    if (what != m_lastWhat) { // a new phase: the time-left estimate starts over
        m_lastWhat = what;
        m_phaseStartMs = now;
        m_phaseStartDone = done;
        m_lastEmitMs = -1;
    }
    const bool last = total > 0 && done >= total;
    if (!last && m_lastEmitMs >= 0 && now - m_lastEmitMs < m_progressIntervalMs) return;
    m_lastEmitMs = now;
    double eta = -1;
    const double elapsedSec = double(now - m_phaseStartMs) / 1000.0;
    const double doneInPhase = double(done - m_phaseStartDone);
    if (total > 0 && doneInPhase > 0 && elapsedSec > 0.2) eta = elapsedSec / doneInPhase * double(total - done);
    emit progress(done, total, what, eta);
}

Status Job::runHere()
{
    State expected = State::Pending;
    if (!m_state.compare_exchange_strong(expected, State::Running))
        return Status::failure(QStringLiteral("%1: the job was already run").arg(m_title));
    m_clock.start();
    if (m_cancel.load()) {
        m_state.store(State::Cancelled);
        emit finished(State::Cancelled, QString());
        return Status::failure(QStringLiteral("%1: cancelled").arg(m_title));
    }
    emit started();
    WorkControl control;
    control.cancel = &m_cancel;
    control.progress = [this](std::int64_t done, std::int64_t total, const QString& what) {
        reportProgress(done, total, what);
    };

    Status status = Status::failure(QStringLiteral("%1: failed").arg(m_title));
    try {
        status = execute(control);
    } catch (const std::exception& e) {
        status = Status::failure(QStringLiteral("%1: %2").arg(m_title, QString::fromLocal8Bit(e.what()).simplified()));
    } catch (...) {
        status = Status::failure(QStringLiteral("%1: unexpected internal error").arg(m_title));
    }

    State end = State::Succeeded;
    if (m_cancel.load() && !status.ok())
        end = State::Cancelled;
    else if (!status.ok())
        end = State::Failed;
    {
        std::lock_guard lock(m_mutex);
        m_error = end == State::Failed ? status.error() : QString();
    }
    qCDebug(lcJobs) << m_title << "finished" << end << status.error();
    m_state.store(end);
    emit finished(end, end == State::Failed ? status.error() : QString());
    return status;
}

} // namespace fl
