#include "ml/WriteFailure.h"

#include <cerrno>
#include <cstring>

namespace fl::ml {

std::string writeFailureReason(int errnoValue)
{
    const std::string system = std::strerror(errnoValue);
    switch (errnoValue) {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
        return "the disk is full (" + system + ")";
    case EFBIG: return "the disk is full or the file is larger than allowed (" + system + ")";
    case EACCES:
    case EPERM: return "permission denied: the folder or file is not writable (" + system + ")";
    case EROFS: return "the folder is on a read-only file system (" + system + ")";
    default: return system;
    }
}

const int* knownWriteFailures(int* count)
{
    static const int codes[] = {ENOSPC,
#ifdef EDQUOT
                                EDQUOT,
#endif
                                EFBIG,  EACCES, EPERM, EROFS};
    *count = int(sizeof(codes) / sizeof(codes[0]));
    return codes;
}

} // namespace fl::ml
