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

// Call first in main(), before anything else. Debian's LibTorch runs on OpenMP (libgomp),
// whose threads spin at every operation's barrier: when other work shares the cores (the GUI,
// decoding, a build), two threads on two cores then wait for each other and training runs
// 4-5x slower than on one thread. libgomp reads OMP_WAIT_POLICY only when it loads, so when
// the variable is unset this sets it to PASSIVE and re-executes the program (Linux:
// /proc/self/exe, same arguments); if that is not possible it returns and nothing changes.
// Returns only in the process that goes on.
void preferPassiveOpenMpWait(int argc, char** argv);

// LibTorch's intra-op threads set to `threads` while it lives, then back. Small models train
// faster on one thread than on two (the work per operation is too small to share; measured in
// docs/PERFORMANCE.md), so the Trainer uses one for them.
class ScopedIntraOpThreads {
public:
    explicit ScopedIntraOpThreads(int threads);
    ~ScopedIntraOpThreads();
    ScopedIntraOpThreads(const ScopedIntraOpThreads&) = delete;
    ScopedIntraOpThreads& operator=(const ScopedIntraOpThreads&) = delete;

private:
    int m_previous;
};

// What configure would report, without changing anything.
RuntimeInfo torchRuntimeInfo();

} // namespace fl::ml
