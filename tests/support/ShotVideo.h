#pragma once
// Test videos made of "shots" with known boundaries, for scene-cut and keyframe tests.
// A shot is a blurred random texture with its own tint (from `seed`) that pans 2 pixels per
// frame; `gain` scales it toward black (0: black, 1: full), which makes fades exact.
#include "TestMedia.h"

#include <vector>

namespace fl::test {

struct ShotFrame {
    int seed = 0;      // which shot (a different seed is a different picture); < 0: black
    int t = 0;         // frame number inside the shot (the pan)
    double gain = 1.0; // brightness factor
    int mixSeed = -1;  // a second shot blended in (a dissolve): (1 - mix) * this + mix * that
    double mix = 0.0;
    double lift = 0.0; // added to every channel (a flash)
};

cv::Mat shotFrame(const ShotFrame& f, int width, int height);

// Appends `frames` frames of shot `seed` (pan continues from `firstT`).
void appendShot(std::vector<ShotFrame>& plan, int seed, int frames, int firstT = 0);
// Appends frames of shot `seed` whose gains are `gains` (a fade).
void appendFade(std::vector<ShotFrame>& plan, int seed, const std::vector<double>& gains, int firstT = 0);
void appendBlack(std::vector<ShotFrame>& plan, int frames);
// Appends a dissolve of `frames` frames from shot `from` to shot `to` (mix (k + 1) / (frames + 1)),
// both at pan position `t` (still pictures, as in a slide show's cross-fade).
void appendDissolve(std::vector<ShotFrame>& plan, int from, int to, int frames, int t);
// Appends `frames` frames of shot `seed` with `lift` added (a flash), pan continuing from firstT.
void appendFlash(std::vector<ShotFrame>& plan, int seed, int frames, int firstT, double lift = 160);

// The standard cut test: shots 1..4 of 40, 30, 35 and 30 frames (135 frames, cuts at 40, 70, 105).
std::vector<ShotFrame> fourShotPlan();

// H.264 (B-frames, short GOP, CRF 18) at 25 fps, 192x108 unless told otherwise.
Result<QString> makeShotVideo(const QString& file, const std::vector<ShotFrame>& plan, int width = 192,
                              int height = 108);

} // namespace fl::test
