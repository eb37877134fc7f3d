#include "ml/ModelInfo.h"

#include <cmath>
#include <set>

namespace fl::ml {

std::string ModelInfo::validate() const
{
    if (auto e = config.validate(); !e.empty()) return e;
    if (int(classes.size()) != config.classes)
        return "the model has " + std::to_string(config.classes) + " outputs but " + std::to_string(classes.size()) + " class names";
    std::set<std::string> seen;
    for (const auto& c : classes) {
        if (c.empty()) return "empty class name";
        if (!seen.insert(c).second) return "duplicate class name \"" + c + "\"";
    }
    if (fragment.length != config.frames)
        return "fragment length " + std::to_string(fragment.length) + " differs from the model's " + std::to_string(config.frames) + " frames";
    if (fragment.stride < 1 || fragment.step < 1) return "invalid fragment stride/step";
    for (int c = 0; c < 3; ++c) {
        if (!std::isfinite(normalization.mean[size_t(c)]) || !(normalization.stdev[size_t(c)] > 0.0f)
            || !std::isfinite(normalization.stdev[size_t(c)]))
            return "invalid normalisation";
    }
    return {};
}

} // namespace fl::ml
