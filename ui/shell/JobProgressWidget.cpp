#include "shell/JobProgressWidget.h"

#include "jobs/JobRunner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QStyle>
#include <QToolButton>

#include <cmath>

namespace fl {

JobProgressWidget::JobProgressWidget(JobRunner* runner, QWidget* parent) : QWidget(parent), m_runner(runner)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_label = new QLabel(this);
    m_bar = new QProgressBar(this);
    m_bar->setFixedWidth(160);
    m_bar->setMaximumHeight(14);
    m_bar->setTextVisible(false);
    m_cancel = new QToolButton(this);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setIcon(style()->standardIcon(QStyle::SP_DialogCancelButton));
    m_cancel->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_cancel->setAutoRaise(true);
    m_cancel->setToolTip(tr("Cancel this task (nothing half-done is kept)"));
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, &JobProgressWidget::cancelShownJob);
    connect(runner, &JobRunner::jobStarted, this, &JobProgressWidget::track);
    connect(runner, &JobRunner::jobFinished, this, [this](Job* job) {
        if (job == m_job)
            showNext();
        else
            refresh();
    });
    hide();
}

QString JobProgressWidget::timeLeftText(double seconds)
{
    if (!(seconds >= 0) || !std::isfinite(seconds)) return {};
    if (seconds < 1.5) return tr("a moment left");
    if (seconds < 90) return tr("about %1 s left").arg(qint64(std::llround(seconds)));
    if (seconds < 90 * 60) return tr("about %1 min left").arg(qint64(std::llround(seconds / 60)));
    return tr("about %1 h left").arg(seconds / 3600, 0, 'f', 1);
}

void JobProgressWidget::track(Job* job)
{
    if (m_job) disconnect(m_job, nullptr, this, nullptr);
    m_job = job;
    m_what = job->title();
    m_done = m_total = 0;
    m_eta = -1;
    connect(job, &Job::progress, this, [this, job](qint64 done, qint64 total, const QString& what, double eta) {
        if (job != m_job) return;
        m_done = done;
        m_total = total;
        m_what = what.isEmpty() ? job->title() : what;
        m_eta = eta;
        refresh();
    });
    show();
    refresh();
}

void JobProgressWidget::showNext()
{
    const auto active = m_runner->activeJobs();
    if (active.empty()) {
        m_job = nullptr;
        hide();
        return;
    }
    track(active.back());
}

QString JobProgressWidget::text() const
{
    if (!m_job) return {};
    QStringList parts{m_what};
    if (m_total > 0) parts << tr("%1%").arg(int(100.0 * double(m_done) / double(m_total)));
    if (const QString left = timeLeftText(m_eta); !left.isEmpty()) parts << left;
    const int others = int(m_runner->activeJobs().size()) - 1;
    if (others > 0) parts << tr("(+%1 more)").arg(others);
    return parts.join(QStringLiteral(" · "));
}

void JobProgressWidget::refresh()
{
    if (!m_job) return;
    m_label->setText(text());
    if (m_total > 0) {
        m_bar->setRange(0, 1000);
        m_bar->setValue(int(1000.0 * double(std::min(m_done, m_total)) / double(m_total)));
    } else {
        m_bar->setRange(0, 0); // busy
    }
    m_cancel->setEnabled(!m_job->cancelRequested());
}

void JobProgressWidget::cancelShownJob()
{
    if (m_job) {
        m_job->requestCancel();
        m_what = tr("Cancelling %1").arg(m_job->title());
        refresh();
    }
}

} // namespace fl
