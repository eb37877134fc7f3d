#pragma once
// A Job whose work is a function: for one-off long work (indexing a few files, building a
// cache, an export) that needs no signals of its own. Results travel back through state the
// function captures (e.g. a shared_ptr read in a slot connected to finished(), which the
// queued delivery orders after the work).
#include "jobs/Job.h"

#include <functional>

namespace fl {

class FunctionJob : public Job {
public:
    using Work = std::function<Status(const WorkControl&)>;
    FunctionJob(QString title, Work work, QObject* parent = nullptr);

protected:
    Status execute(const WorkControl& control) override;

private:
    Work m_work;
};

} // namespace fl
