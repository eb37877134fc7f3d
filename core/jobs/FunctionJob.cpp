#include "jobs/FunctionJob.h"

namespace fl {

FunctionJob::FunctionJob(QString title, Work work, QObject* parent)
    : Job(std::move(title), parent), m_work(std::move(work))
{}

Status FunctionJob::execute(const WorkControl& control)
{
    if (!m_work) return Status::failure(QStringLiteral("%1: nothing to do").arg(title()));
    return m_work(control);
}

} // namespace fl
