#pragma once
// The tasks of the accuracy benchmark (`fragmentlab-cli bench accuracy`, docs/MODEL.md): videos
// derived from real footage whose ground truth is known by construction, and the label budgets
// drawn from them.
//
// Each task turns every source video into one derived video (H.264 through the ffmpeg command
// line, cached with a manifest: generated again only when the sources or the recipe change)
// cut into ground-truth segments of two classes:
//  - "frozen":    runs of 30-70 original frames and holds of 16-40 repeats of one frame
//                 (motion / static): what a frame difference sees;
//  - "direction": a virtual camera pans left or right over the playing footage (runs of
//                 20-45 frames, speed 0.8-2 % of the width per frame, a little vertical
//                 drift); any single frame looks the same: only the direction of motion
//                 differs;
//  - "colour":    runs of 30-70 frames in colour or nearly grey (saturation x 0.15), every
//                 run with its own brightness gain (0.75-1.25) and white balance (+-8 % per
//                 channel): an appearance task that brightness and colour casts do not solve;
//  - "inset":     a picture-in-picture window (top right, a third of the frame) showing other
//                 footage that plays or stands still while the main picture always plays:
//                 something happens in one part of the frame only.
// The recipe is deterministic (its own fixed seed); run seeds only choose labels.
#include "Result.h"
#include "fragments/FragmentSpec.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace fl {

struct TruthSegment {
    qint64 start = 0; // frames [start, end)
    qint64 end = 0;
    int label = 0; // index into AccuracyTask::classes
};

struct DerivedVideo {
    QString file;   // absolute path of the generated video
    QString source; // the source's file name
    qint64 frames = 0;
    double fps = 25;
    std::vector<TruthSegment> truth; // ascending, non-overlapping
};

struct AccuracyTask {
    QString name;        // "frozen", "direction", "colour", "inset"
    QString description; // one line
    QStringList classes;
    std::vector<DerivedVideo> videos;
};

// The task names in benchmark order, and each task's source file names (looked up in the media
// folder; missing ones are left out).
QStringList accuracyTaskNames();
QStringList accuracyTaskSources(const QString& task);

// Makes (or reuses from `cacheDir`/<task>/) the task's derived videos from the sources found in
// `mediaDir`. `maxVideos` > 0 keeps only the first N sources found; `maxSourceFrames` > 0 reads
// at most that many frames of each source (small versions for tests). Fails (one line naming the
// file) when ffmpeg is missing, a source cannot be read, or fewer than one source exists.
// `log` receives one line per video generated.
Result<AccuracyTask> prepareAccuracyTask(const QString& task, const QString& mediaDir, const QString& cacheDir,
                                         int maxVideos = 0, qint64 maxSourceFrames = 0,
                                         const std::function<void(const QString&)>& log = {});

// The videos a task's cache manifest (<cacheDir>/<task>/manifest.json) lists, when it was made
// by `recipe` and holds only what the benchmark writes (bare file names in `dir`, positive
// frame counts, ordered segments inside their video with classes below `classes`); nullopt
// otherwise, and the task is made again.
std::optional<std::vector<DerivedVideo>> parseAccuracyManifest(const QByteArray& bytes, const QString& dir,
                                                               const QJsonObject& recipe, int classes);

// The ground truth of one fragment: the class of the segment holding all its frames, or -1.
int fragmentTruth(const DerivedVideo& video, const FragmentSpec& spec, qint64 fragment);

// One labeled block: consecutive fragments [first, end) of one video, all of class `label`.
struct LabelBlock {
    int video = 0;
    qint64 firstFragment = 0;
    qint64 endFragment = 0;
    int label = 0;
};

// Fragments a run may label and fragments it is scored on.
struct FragmentPool {
    struct Item {
        int video = 0;
        qint64 fragment = 0;
        int label = 0;
    };
    std::vector<Item> items;
};

// The two settings: within video (the first `labeledShare` of every video is the labeled part;
// the rest, less one fragment at the boundary, is predicted) and across videos (a seeded,
// length-balanced choice of videos holding at least 40 % of the fragments is labeled, the others
// predicted).
struct SettingSplit {
    FragmentPool labeled;   // where labels may be drawn
    FragmentPool predicted; // where the model is scored
    std::vector<int> labeledVideos;
    std::vector<int> predictedVideos;
};
SettingSplit withinVideoSplit(const AccuracyTask& task, const FragmentSpec& spec, double labeledShare = 0.5);
SettingSplit acrossVideoSplit(const AccuracyTask& task, const FragmentSpec& spec, std::uint64_t seed);

// A label budget drawn as a user labels: blocks of up to `blockLength` consecutive fragments of
// one ground-truth segment, classes taken in turn, segments and positions chosen with `seed`.
// Returns fewer fragments than asked only when the pool runs out.
std::vector<LabelBlock> drawLabels(const AccuracyTask& task, const FragmentSpec& spec, const FragmentPool& pool,
                                   int budget, std::uint64_t seed, int blockLength = 4);

} // namespace fl
