#pragma once
// A frame measured during the analysis pass, as a keyframe candidate.
#include <QtGlobal>

#include <vector>

namespace fl {

struct FrameSample {
    qint64 frame = 0;
    double sharpness = 0;          // laplacianSharpness()
    double brightness = 0;         // mean of R, G, B (0..255)
    std::vector<float> descriptor; // colourDescriptor()
};

} // namespace fl
