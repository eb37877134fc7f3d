#pragma once
// The frames a model reads: a project video's FragmentCache at the model's input size
// (built on first use: one decode, then memory-mapped), and the core/ml view of it.
// Shared by training, evaluation and prediction.
#include "Cancellation.h"
#include "Result.h"
#include "fragments/FragmentCache.h"
#include "ml/VideoFrames.h"

namespace fl {

class Project;

// Fails (naming the file) when the video is missing, unreadable, or decodes to fewer frames
// than the project knows. Building reports progress as "Preparing frames: <file name>".
Result<FragmentCache> openModelFrames(const Project& project, int video, int inputSize,
                                      const WorkControl& control = {});
ml::VideoFrames videoFramesOf(const FragmentCache& cache);

} // namespace fl
