#include "ml/TorchRuntime.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/version.h>

#include <cstdlib>
#include <dlfcn.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <mutex>
#include <thread>

namespace fl::ml {

RuntimeInfo torchRuntimeInfo()
{
    RuntimeInfo info;
    info.torchVersion = TORCH_VERSION;
    info.intraOpThreads = at::get_num_threads();
#ifdef FRAGMENTLAB_HAVE_CUDA
    info.cudaBuilt = true;
#endif
    info.cudaAvailable = torch::cuda::is_available();
    info.cudaDevices = info.cudaAvailable ? static_cast<int>(torch::cuda::device_count()) : 0;
    return info;
}

namespace {

// Tensors of a few MB are allocated and freed at every operation. With glibc's defaults such
// blocks come from mmap and go back to the system at once (or the heap top is trimmed), so
// every batch pays page faults on fresh zeroed pages: training ran 2-3x slower (a third of
// the time in the kernel). Keeping blocks up to 64 MiB in the heap and trimming it only past
// 256 MiB of free memory removes that cost without raising the peak memory.
void tuneAllocator()
{
#ifdef __GLIBC__
    static std::once_flag once;
    std::call_once(once, [] {
        mallopt(M_MMAP_THRESHOLD, 64 * 1024 * 1024);
        mallopt(M_TRIM_THRESHOLD, 256 * 1024 * 1024);
    });
#endif
}

} // namespace

void preferPassiveOpenMpWait(int argc, char** argv)
{
#ifdef __linux__
    if (argc < 1 || !argv || std::getenv("OMP_WAIT_POLICY")) return;
    if (setenv("OMP_WAIT_POLICY", "PASSIVE", 0) != 0) return;
    execv("/proc/self/exe", argv);
    // exec failed: go on as we are (the variable is set but libgomp has already read its own).
#else
    (void)argc;
    (void)argv;
#endif
}

RuntimeInfo configureTorchRuntime(int threads)
{
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    tuneAllocator();
    if (threads <= 0) {
        // FRAGMENTLAB_TORCH_THREADS overrides the default (the test suite sets 1: CTest runs
        // tests in parallel, and OpenMP threads that outnumber the cores wait on each other).
        if (const char* env = std::getenv("FRAGMENTLAB_TORCH_THREADS"); env && std::atoi(env) > 0)
            threads = std::atoi(env);
        else
            threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    }
    if (at::get_num_threads() != threads) at::set_num_threads(threads);
    // OpenBLAS (Debian's LibTorch does its matrix products there) keeps a thread pool of its own
    // whose workers wait with sched_yield: on the small products of these models they only
    // burn the other core (a third of the time in the kernel, measured). One BLAS thread; the
    // intra-op threads above parallelise the rest.
    using SetThreads = void (*)(int);
    if (auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"))) set(1);
    return torchRuntimeInfo();
}

ScopedIntraOpThreads::ScopedIntraOpThreads(int threads) : m_previous(at::get_num_threads())
{
    if (threads > 0 && threads != m_previous) at::set_num_threads(threads);
}

ScopedIntraOpThreads::~ScopedIntraOpThreads()
{
    if (at::get_num_threads() != m_previous) at::set_num_threads(m_previous);
}

} // namespace fl::ml

#include "ml/Device.h"

namespace fl::ml {

MlResult<std::string> resolveDevice(DeviceChoice choice)
{
#ifdef FRAGMENTLAB_HAVE_CUDA
    const bool built = true;
#else
    const bool built = false;
#endif
    const bool available = torch::cuda::is_available();
    switch (choice) {
    case DeviceChoice::Cpu: return std::string("cpu");
    case DeviceChoice::Auto: return std::string(available ? "cuda:0" : "cpu");
    case DeviceChoice::Cuda:
        if (available) return std::string("cuda:0");
        if (!built)
            return MlStatus::failure(
                "CUDA was asked for, but this build of FragmentLab has no CUDA support (use --device cpu)");
        return MlStatus::failure("CUDA was asked for, but no CUDA device is available (use --device cpu)");
    }
    return std::string("cpu");
}

} // namespace fl::ml
