#include "project/LabelTrack.h"

#include <algorithm>

namespace fl {

void LabelTrack::clear(qint64 start, qint64 end)
{
    if (start >= end || m_ranges.empty()) return;
    // First range that ends after `start`; ranges before it are untouched.
    auto first = std::upper_bound(m_ranges.begin(), m_ranges.end(), start,
                                  [](qint64 s, const LabelRange& r) { return s < r.end; });
    if (first == m_ranges.end() || first->start >= end) return;
    auto last = first; // one past the last range that starts before `end`
    while (last != m_ranges.end() && last->start < end) ++last;
    std::vector<LabelRange> keep;
    if (first->start < start) keep.push_back({first->start, start, first->label});
    const LabelRange& tail = *(last - 1);
    if (tail.end > end) keep.push_back({end, tail.end, tail.label});
    const auto at = m_ranges.erase(first, last);
    m_ranges.insert(at, keep.begin(), keep.end());
}

void LabelTrack::set(qint64 start, qint64 end, const QString& cls)
{
    if (start >= end) return;
    clear(start, end);
    auto at = std::lower_bound(m_ranges.begin(), m_ranges.end(), start,
                               [](const LabelRange& r, qint64 s) { return r.start < s; });
    at = m_ranges.insert(at, LabelRange{start, end, cls});
    // Merge with the touching neighbours of the same class.
    if (auto next = at + 1; next != m_ranges.end() && next->start == at->end && next->label == cls) {
        at->end = next->end;
        at = m_ranges.erase(next) - 1;
    }
    if (at != m_ranges.begin()) {
        auto prev = at - 1;
        if (prev->end == at->start && prev->label == cls) {
            prev->end = at->end;
            m_ranges.erase(at);
        }
    }
}

std::optional<QString> LabelTrack::classAt(qint64 frame) const
{
    auto it = std::upper_bound(m_ranges.begin(), m_ranges.end(), frame,
                               [](qint64 f, const LabelRange& r) { return f < r.start; });
    if (it == m_ranges.begin()) return std::nullopt;
    --it;
    if (frame < it->end) return it->label;
    return std::nullopt;
}

std::optional<QString> LabelTrack::labelForFrames(const std::vector<qint64>& frames) const
{
    if (frames.empty()) return std::nullopt;
    const auto [lo, hi] = std::minmax_element(frames.begin(), frames.end());
    auto it = std::upper_bound(m_ranges.begin(), m_ranges.end(), *lo,
                               [](qint64 f, const LabelRange& r) { return f < r.start; });
    if (it == m_ranges.begin()) return std::nullopt;
    --it;
    if (*lo >= it->start && *hi < it->end) return it->label;
    return std::nullopt;
}

std::vector<LabelRange> LabelTrack::rangesIn(qint64 start, qint64 end) const
{
    std::vector<LabelRange> out;
    if (start >= end) return out;
    auto it = std::upper_bound(m_ranges.begin(), m_ranges.end(), start,
                               [](qint64 s, const LabelRange& r) { return s < r.end; });
    for (; it != m_ranges.end() && it->start < end; ++it) out.push_back(*it);
    return out;
}

void LabelTrack::mergeNeighbours()
{
    if (m_ranges.size() < 2) return;
    std::vector<LabelRange> out;
    out.reserve(m_ranges.size());
    for (LabelRange& r : m_ranges) {
        if (!out.empty() && out.back().end == r.start && out.back().label == r.label)
            out.back().end = r.end;
        else
            out.push_back(std::move(r));
    }
    m_ranges.swap(out);
}

int LabelTrack::renameClass(const QString& oldName, const QString& newName)
{
    int n = 0;
    for (LabelRange& r : m_ranges) {
        if (r.label == oldName) {
            r.label = newName;
            ++n;
        }
    }
    if (n > 0) mergeNeighbours();
    return n;
}

int LabelTrack::removeClass(const QString& name)
{
    return int(std::erase_if(m_ranges, [&](const LabelRange& r) { return r.label == name; }));
}

qint64 LabelTrack::labeledFrames() const
{
    qint64 n = 0;
    for (const LabelRange& r : m_ranges) n += r.length();
    return n;
}

qint64 LabelTrack::labeledFrames(const QString& cls) const
{
    qint64 n = 0;
    for (const LabelRange& r : m_ranges)
        if (r.label == cls) n += r.length();
    return n;
}

} // namespace fl
