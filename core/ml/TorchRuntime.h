#pragma once
// Process-wide LibTorch settings. No LibTorch types leak out of this header.
#include <string>

namespace fl::ml {

struct RuntimeInfo {
    std::string torchVersion;   // e.g. "1.13.1"
    int intraOpThreads = 0;     // after configure()
    bool cudaBuilt = false;     // this build has the CUDA path
    bool cudaAvailable = false; // a CUDA device is usable now
    int cudaDevices = 0;
};

// Sets LibTorch's intra-op threads to `threads` (<= 0: $FRAGMENTLAB_TORCH_THREADS when set,
// else the number of cores). Debian's
// LibTorch starts with one thread; call this once at start-up, before any model work.
// Also tunes glibc's allocator for tensor-sized blocks (see TorchRuntime.cpp; 2-3x faster
// training). Safe to call more than once; only the first call with a new value changes anything.
RuntimeInfo configureTorchRuntime(int threads = 0);

// What configure would report, without changing anything.
RuntimeInfo torchRuntimeInfo();

} // namespace fl::ml
