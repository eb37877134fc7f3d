#pragma once
// Reviewing a model's predictions fragment by fragment: where the next fragment shown as a
// class (or an uncertain one) is, and which label ranges accepting predictions gives.
// `shown` is smoothedClasses() of the same predictions (what the timeline shows).
#include "analysis/PredictionSmoothing.h"
#include "analysis/VideoPredictions.h"
#include "project/LabelRange.h"

#include <vector>

namespace fl {

// The nearest fragment after (direction > 0) or before `from` whose shown class is `cls`,
// starting a new bout (the fragment before it in the direction of travel shows another
// class), so repeated calls step bout by bout; -1 when there is none.
qint64 nextBoutOf(const std::vector<int>& shown, qint64 from, int direction, int cls);
// The nearest predicted fragment after/before `from` with a confidence below `below`; -1: none.
qint64 nextBelowConfidence(const VideoPredictions& predictions, qint64 from, int direction, double below);
// Label ranges that accepting the predictions of fragments [firstFragment, lastFragment]
// gives: each fragment whose shown class is a class and whose confidence is at least
// minConfidence labels its frames with that class; neighbours of one class merge into one
// range. Where fragments overlap (stride < span) the later fragment's class wins the overlap.
std::vector<LabelRange> acceptedRanges(const VideoPredictions& predictions, const std::vector<int>& shown,
                                       qint64 firstFragment, qint64 lastFragment, double minConfidence = 0.0);

} // namespace fl
