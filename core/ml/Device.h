#pragma once
// Where training and inference run. Auto: CUDA when this build has it and a GPU is present,
// else the CPU.
#include "ml/MlResult.h"

#include <optional>
#include <string>

namespace fl::ml {

enum class DeviceChoice { Auto, Cpu, Cuda };

std::string deviceChoiceName(DeviceChoice d); // "auto", "cpu", "cuda"
std::optional<DeviceChoice> parseDeviceChoice(const std::string& name);

// The device to use ("cpu" or "cuda:0"), or a one-line reason why `choice` is impossible
// (CUDA asked for in a CPU-only build or with no GPU present).
MlResult<std::string> resolveDevice(DeviceChoice choice);

} // namespace fl::ml
