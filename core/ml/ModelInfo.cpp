#include "ml/ModelInfo.h"

#include <cmath>
#include <set>

namespace fl::ml {

std::string ModelInfo::validate() const
{
    if (auto e = config.validate(); !e.empty()) return e;
    if (int(classes.size()) != config.classes)
        return "the model has " + std::to_string(config.classes) + " outputs but " + std::to_string(classes.size())
            + " class names";
    std::set<std::string> seen;
    for (const auto& c : classes) {
        if (c.empty()) return "empty class name";
        if (!seen.insert(c).second) return "duplicate class name \"" + c + "\"";
    }
    if (fragment.length != config.frames)
        return "fragment length " + std::to_string(fragment.length) + " differs from the model's "
            + std::to_string(config.frames) + " frames";
    if (fragment.stride < 1 || fragment.step < 1) return "invalid fragment stride/step";
    for (int c = 0; c < 3; ++c) {
        if (!std::isfinite(normalization.mean[size_t(c)]) || !(normalization.stdev[size_t(c)] > 0.0f)
            || !std::isfinite(normalization.stdev[size_t(c)]))
            return "invalid normalisation";
    }
    if (!(temperature > 0.0) || !std::isfinite(temperature)) return "invalid temperature";
    if (!classThresholds.empty() && int(classThresholds.size()) != config.classes)
        return "class thresholds do not match the classes";
    for (double t : classThresholds)
        if (!(t >= 0.0 && t <= 1.0)) return "a class threshold is outside [0, 1]";
    if (minBout < 1 || minBout > 1000) return "invalid minimum bout length";
    return {};
}

} // namespace fl::ml
