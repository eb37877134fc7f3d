#include "video/PartedRead.h"

#include <QFileInfo>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>

namespace fl {

int defaultPartCount()
{
    const int cores = std::max(1, QThread::idealThreadCount());
    return cores == 1 ? 1 : std::min(8, cores + 1);
}

std::vector<FrameRange> planParts(const VideoSource& source, int parts, qint64 minFrames)
{
    const qint64 n = source.index().frameCount();
    std::vector<FrameRange> out;
    if (n <= 0) return out;
    minFrames = std::max<qint64>(1, minFrames);
    parts = int(std::clamp<qint64>(parts, 1, std::max<qint64>(1, n / minFrames)));
    const std::vector<qint64> starts = parts > 1 ? source.cheapStarts() : std::vector<qint64>{};
    std::vector<qint64> bounds{0};
    for (int p = 1; p < parts && !starts.empty(); ++p) {
        // The cheap start nearest the ideal boundary, if it leaves both sides long enough.
        const qint64 ideal = n * p / parts;
        auto it = std::lower_bound(starts.begin(), starts.end(), ideal);
        qint64 best = -1;
        for (auto c : {it, it == starts.begin() ? starts.end() : it - 1}) {
            if (c == starts.end()) continue;
            if (*c - bounds.back() < minFrames || n - *c < minFrames) continue;
            if (best < 0 || std::abs(*c - ideal) < std::abs(best - ideal)) best = *c;
        }
        if (best > bounds.back()) bounds.push_back(best);
    }
    bounds.push_back(n);
    for (size_t i = 0; i + 1 < bounds.size(); ++i) out.push_back({bounds[i], bounds[i + 1]});
    return out;
}

Status readInParts(VideoSource& source, const std::vector<FrameRange>& ranges, const PartSink& sink,
                   const WorkControl& control, const QString& what, const FrameFormat& format)
{
    qint64 total = 0;
    for (const FrameRange& r : ranges) total += std::max<qint64>(0, r.size());
    if (ranges.size() == 1) {
        const WorkControl inner = control.reportingAs(what);
        return source.readRange(
            ranges[0].first, ranges[0].last, [&sink](qint64 i, const cv::Mat& m) { return sink(0, i, m); }, inner,
            format);
    }
    if (ranges.empty()) return Status::success();

    std::atomic<bool> stop{false};
    std::atomic<qint64> done{0};
    std::mutex mutex;
    std::condition_variable ended;
    size_t running = ranges.size();
    Status first = Status::success();
    WorkControl inner;
    inner.cancel = &stop;

    auto finished = [&](const Status& s) {
        std::lock_guard lock(mutex);
        if (!s && first) first = s;
        if (!s) stop = true;
        --running;
        ended.notify_all();
    };
    // Each part opens its own decoder on its own thread (an open costs a few ms of
    // probing and decoder start-up: not spent one after the other before any reading).
    std::vector<std::thread> threads;
    threads.reserve(ranges.size());
    for (size_t p = 0; p < ranges.size(); ++p) try {
            threads.emplace_back([&, p] {
                Status s;
                try {
                    // Each part's decoder on one thread: the parts already keep every core
                    // busy, and a single-threaded decoder spends no time waiting on its own
                    // frame threads (measured: ~15% more frames per CPU second).
                    std::unique_ptr<VideoSource> duplicate;
                    {
                        auto d = source.duplicate(1);
                        if (!d) {
                            finished(d.status());
                            return;
                        }
                        duplicate = std::move(d).value();
                    }
                    VideoSource& reader = *duplicate;
                    s = reader.readRange(
                        ranges[p].first, ranges[p].last,
                        [&](qint64 i, const cv::Mat& m) {
                            if (control.cancelled() || !sink(p, i, m)) return false;
                            // Wake the reporting thread every 16 frames in all.
                            if ((done.fetch_add(1, std::memory_order_relaxed) + 1) % 16 == 0) ended.notify_all();
                            return true;
                        },
                        inner, format);
                } catch (const std::exception& e) {
                    s = Status::failure(QStringLiteral("%1: %2").arg(QFileInfo(source.info().path).fileName(),
                                                                     QString::fromLocal8Bit(e.what())));
                }
                finished(s);
            });
        } catch (const std::system_error& e) { // no thread to be had: the parts not started end here
            for (size_t q = p; q < ranges.size(); ++q)
                finished(Status::failure(
                    QStringLiteral("%1: cannot start a reading thread (%2)")
                        .arg(QFileInfo(source.info().path).fileName(), QString::fromLocal8Bit(e.what()))));
            break;
        }
    {
        std::unique_lock lock(mutex);
        while (running > 0) {
            ended.wait_for(lock, std::chrono::milliseconds(50));
            if (control.cancelled()) stop = true;
            lock.unlock();
            control.report(done.load(std::memory_order_relaxed), total, what);
            lock.lock();
        }
    }
    for (std::thread& t : threads) t.join();
    return first;
}

} // namespace fl
