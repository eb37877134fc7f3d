#pragma once
// Long work (indexing, cache building, export) takes a progress callback and a cancel flag.
// The flag is checked between frames/batches, so a cancel takes effect quickly.
#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>

namespace fl {

// done/total in units of `what` (total 0 = unknown). Called from the worker thread.
using ProgressFn = std::function<void(std::int64_t done, std::int64_t total, const QString& what)>;

struct WorkControl {
    const std::atomic<bool>* cancel = nullptr;
    ProgressFn progress;

    bool cancelled() const { return cancel && cancel->load(std::memory_order_relaxed); }
    void report(std::int64_t done, std::int64_t total, const QString& what) const
    {
        if (progress) progress(done, total, what);
    }
    // The same cancel flag, with progress reported under `what` whatever the inner work calls
    // its phases (e.g. "Indexing a.mp4 (2 of 5)" around VideoSource::open).
    WorkControl reportingAs(const QString& what) const
    {
        WorkControl inner;
        inner.cancel = cancel;
        if (progress)
            inner.progress = [outer = progress, what](std::int64_t done, std::int64_t total, const QString&) {
                outer(done, total, what);
            };
        return inner;
    }
};

} // namespace fl
