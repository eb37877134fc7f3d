#pragma once
// Why a file could not be written, in words a user acts on: "the disk is full (...)",
// "permission denied (...)", ... from the errno of the failed call. Plain C++ (no Qt, no
// LibTorch): the checkpoint writer here and the Qt file helpers of core/ use the same words.
#include <string>

namespace fl::ml {

// E.g. ENOSPC -> "the disk is full (No space left on device)"; an unknown code -> strerror.
std::string writeFailureReason(int errnoValue);

// The errno values writeFailureReason() has words for (to map a Qt error string back).
const int* knownWriteFailures(int* count);

} // namespace fl::ml
