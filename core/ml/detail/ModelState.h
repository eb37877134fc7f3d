#pragma once
// INTERNAL to core/ml (includes LibTorch): what a FragmentModel holds.
#include "ml/FragmentModel.h"
#include "ml/detail/Networks.h"

#include <string>

namespace fl::ml {

struct FragmentModel::Impl {
    ModelInfo info;
    std::shared_ptr<detail::FragmentNetworkImpl> net;
    // The optimizer's state as a serialized torch archive (empty: none), kept with the model so a
    // checkpoint can resume training.
    std::string optimizerState;
};

} // namespace fl::ml
