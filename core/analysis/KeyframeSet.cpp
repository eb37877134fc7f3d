#include "analysis/KeyframeSet.h"

#include <algorithm>

namespace fl {

namespace {

template <typename Keyframes>
auto lowerBound(Keyframes& v, qint64 frame)
{
    return std::lower_bound(v.begin(), v.end(), frame, [](const Keyframe& k, qint64 f) { return k.frame < f; });
}

} // namespace

KeyframeSet::KeyframeSet(std::vector<Keyframe> keyframes)
{
    for (const Keyframe& k : keyframes) add(k);
}

bool KeyframeSet::contains(qint64 frame) const
{
    const auto it = lowerBound(m_keyframes, frame);
    return it != m_keyframes.end() && it->frame == frame;
}

std::optional<Keyframe> KeyframeSet::at(qint64 frame) const
{
    const auto it = lowerBound(m_keyframes, frame);
    if (it != m_keyframes.end() && it->frame == frame) return *it;
    return std::nullopt;
}

std::vector<qint64> KeyframeSet::frames() const
{
    std::vector<qint64> out;
    out.reserve(m_keyframes.size());
    for (const Keyframe& k : m_keyframes) out.push_back(k.frame);
    return out;
}

std::vector<Keyframe> KeyframeSet::inSegment(int segment) const
{
    std::vector<Keyframe> out;
    for (const Keyframe& k : m_keyframes)
        if (k.segment == segment) out.push_back(k);
    return out;
}

bool KeyframeSet::add(const Keyframe& keyframe)
{
    auto it = lowerBound(m_keyframes, keyframe.frame);
    if (it != m_keyframes.end() && it->frame == keyframe.frame) {
        if (*it == keyframe) return false;
        *it = keyframe;
        return true;
    }
    m_keyframes.insert(it, keyframe);
    return true;
}

bool KeyframeSet::addManual(qint64 frame, int segment, const QString& label)
{
    Keyframe k;
    k.frame = frame;
    k.segment = segment;
    k.label = label;
    k.manual = true;
    return add(k);
}

bool KeyframeSet::remove(qint64 frame)
{
    auto it = lowerBound(m_keyframes, frame);
    if (it == m_keyframes.end() || it->frame != frame) return false;
    m_keyframes.erase(it);
    return true;
}

} // namespace fl
