// fragmentlab-mlcheck: reports the LibTorch runtime of this build. Built in every
// configuration, including FRAGMENTLAB_ML_ONLY on a machine without Qt or OpenCV.
#include "ml/TorchRuntime.h"

#include <cstdio>

int main()
{
    const auto info = fl::ml::configureTorchRuntime();
    std::printf("{\"torch\":\"%s\",\"threads\":%d,\"cuda_built\":%s,\"cuda_available\":%s,\"cuda_devices\":%d}\n",
                info.torchVersion.c_str(), info.intraOpThreads, info.cudaBuilt ? "true" : "false",
                info.cudaAvailable ? "true" : "false", info.cudaDevices);
    return 0;
}
