#pragma once
// The training options shared by `train`, `bench train` and `bench accuracy`.
#include "CliArgs.h"

#include "jobs/TrainingJob.h"

#include <optional>

namespace fl::cli {

// --arch, --fusion, --epochs, --device, --seed, --input-size, --batch-size, --lr, --validation
void addTrainingOptions(ArgParser& args);
// The request those options describe (defaults for the rest); nullopt with *exit set on a bad value.
std::optional<TrainingRequest> parseTrainingOptions(const ArgParser& args, int* exit);

} // namespace fl::cli
