#pragma once
// The status bar's view of long work: what the newest running job is doing, a progress bar,
// the time left (the Job's estimate) and a Cancel button. Hidden while nothing runs. Every
// job started through the JobRunner shows here, whoever started it.
#include "jobs/Job.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace fl {

class JobRunner;

class JobProgressWidget : public QWidget {
    Q_OBJECT
public:
    explicit JobProgressWidget(JobRunner* runner, QWidget* parent = nullptr);

    Job* shownJob() const { return m_job; }
    QString text() const;
    // "about 12 s left", "about 3 min left" (empty when unknown).
    static QString timeLeftText(double seconds);

public slots:
    void cancelShownJob();

private:
    void track(Job* job);
    void showNext();
    void refresh();

    JobRunner* m_runner;
    QPointer<Job> m_job;
    QLabel* m_label;
    QProgressBar* m_bar;
    QToolButton* m_cancel;
    QString m_what;
    qint64 m_done = 0, m_total = 0;
    double m_eta = -1;
};

} // namespace fl
