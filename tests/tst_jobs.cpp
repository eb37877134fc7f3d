// Job / JobRunner: jobs run off the calling thread, report progress with a time-left
// estimate, fail with their message, turn exceptions into failures and cancel quickly.
#include "jobs/Job.h"
#include "jobs/JobRunner.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <stdexcept>

using namespace fl;

namespace {

// Counts to `steps`, sleeping `sleepMs` per step; fails or throws at `failAt` when asked.
class CountingJob : public Job {
public:
    enum class Ending { Succeed, Fail, Throw };
    CountingJob(int steps, int sleepMs, Ending ending = Ending::Succeed, int failAt = -1)
        : Job(QStringLiteral("Counting")), m_steps(steps), m_sleepMs(sleepMs), m_ending(ending), m_failAt(failAt)
    {}

    int reached = 0;
    Qt::HANDLE thread = nullptr;

protected:
    Status execute(const WorkControl& control) override
    {
        thread = QThread::currentThreadId();
        for (int i = 0; i < m_steps; ++i) {
            if (control.cancelled()) return Status::failure(QStringLiteral("counting: cancelled"));
            if (i == m_failAt) {
                if (m_ending == Ending::Throw) throw std::runtime_error("boom at step");
                return Status::failure(QStringLiteral("counting.txt: step %1 is broken").arg(i));
            }
            QThread::msleep(m_sleepMs);
            reached = i + 1;
            control.report(i + 1, m_steps, QStringLiteral("Counting"));
        }
        return Status::success();
    }

private:
    int m_steps;
    int m_sleepMs;
    Ending m_ending;
    int m_failAt;
};

} // namespace

class TestJobs : public QObject {
    Q_OBJECT
private slots:
    void runHereSucceedsWithProgress()
    {
        CountingJob job(20, 20);
        job.setProgressInterval(0);
        QSignalSpy progress(&job, &Job::progress);
        QSignalSpy finished(&job, &Job::finished);
        QVERIFY(job.runHere().ok());
        QCOMPARE(job.state(), Job::State::Succeeded);
        QCOMPARE(job.reached, 20);
        QCOMPARE(progress.size(), 20);
        QCOMPARE(progress.last().at(0).toLongLong(), 20);
        QCOMPARE(progress.last().at(1).toLongLong(), 20);
        QCOMPARE(progress.last().at(2).toString(), QStringLiteral("Counting"));
        // A time-left estimate once enough time has passed: about 20 ms per remaining step.
        const double eta = progress.at(progress.size() - 3).at(3).toDouble();
        QVERIFY2(eta >= 0 && eta < 1.0, qPrintable(QString::number(eta)));
        QCOMPARE(finished.size(), 1);
        QVERIFY(!job.runHere().ok()); // a job runs once
    }

    void progressIsThrottled()
    {
        CountingJob job(200, 1);
        job.setProgressInterval(100);
        QSignalSpy progress(&job, &Job::progress);
        QVERIFY(job.runHere().ok());
        QVERIFY2(progress.size() < 20, qPrintable(QString::number(progress.size())));
        QCOMPARE(progress.last().at(0).toLongLong(), 200); // the last one always goes out
    }

    void failureCarriesMessage()
    {
        CountingJob job(10, 1, CountingJob::Ending::Fail, 3);
        QSignalSpy finished(&job, &Job::finished);
        const Status s = job.runHere();
        QVERIFY(!s.ok());
        QCOMPARE(s.error(), QStringLiteral("counting.txt: step 3 is broken"));
        QCOMPARE(job.state(), Job::State::Failed);
        QCOMPARE(job.errorString(), s.error());
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).value<Job::State>(), Job::State::Failed);
        QCOMPARE(finished.first().at(1).toString(), s.error());
    }

    void exceptionBecomesFailure()
    {
        CountingJob job(10, 1, CountingJob::Ending::Throw, 2);
        const Status s = job.runHere();
        QVERIFY(!s.ok());
        QVERIFY2(s.error().contains(QStringLiteral("boom at step")), qPrintable(s.error()));
        QCOMPARE(job.state(), Job::State::Failed);
    }

    void cancelBeforeStart()
    {
        CountingJob job(10, 1);
        job.requestCancel();
        QSignalSpy started(&job, &Job::started);
        QVERIFY(!job.runHere().ok());
        QCOMPARE(job.state(), Job::State::Cancelled);
        QCOMPARE(started.size(), 0);
        QCOMPARE(job.reached, 0);
    }

    void runnerRunsOnWorkerAndCancelsQuickly()
    {
        JobRunner runner;
        auto owned = std::make_unique<CountingJob>(100000, 2);
        CountingJob* job = owned.get();
        QSignalSpy finished(job, &Job::finished);
        QSignalSpy runnerFinished(&runner, &JobRunner::jobFinished);
        QSignalSpy progress(job, &Job::progress);
        runner.start(std::move(owned));
        QVERIFY(runner.busy());
        QVERIFY(progress.wait(5000)); // queued to this thread while the worker runs
        QVERIFY(job->thread != QThread::currentThreadId());
        QElapsedTimer timer;
        timer.start();
        runner.cancelAll();
        QVERIFY(finished.wait(5000) || finished.size() == 1);
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(finished.first().at(0).value<Job::State>(), Job::State::Cancelled);
        QTRY_COMPARE(runnerFinished.size(), 1);
        QVERIFY(!runner.busy());
    }

    void runnerDestructorCancelsAndWaits()
    {
        QElapsedTimer timer;
        timer.start();
        {
            JobRunner runner;
            runner.start(std::make_unique<CountingJob>(100000, 2));
            runner.start(std::make_unique<CountingJob>(100000, 2));
            QTest::qWait(50);
        }
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestJobs)
#include "tst_jobs.moc"
