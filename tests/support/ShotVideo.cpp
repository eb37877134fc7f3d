#include "ShotVideo.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <map>

namespace fl::test {

namespace {

// The texture of one shot, twice as wide as the frame so it can pan.
cv::Mat shotTexture(int seed, int width, int height)
{
    static std::map<std::tuple<int, int, int>, cv::Mat> cache;
    const auto key = std::make_tuple(seed, width, height);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    cv::RNG rng(quint64(0x5EED0000 + seed));
    cv::Mat noise(height, 2 * width, CV_8UC3);
    rng.fill(noise, cv::RNG::UNIFORM, 0, 256);
    cv::Mat blurred;
    cv::GaussianBlur(noise, blurred, cv::Size(0, 0), 3.0);
    cv::normalize(blurred, blurred, 0, 255, cv::NORM_MINMAX);
    // A tint of its own: a colour per seed mixed in at 60%.
    // Drawn one by one: the order in which function arguments are evaluated is unspecified
    // (GCC goes right to left, clang left to right), and the videos must not depend on it.
    const int blue = rng.uniform(30, 230), green = rng.uniform(30, 230), red = rng.uniform(30, 230);
    const cv::Scalar tint(red, green, blue);
    cv::Mat tinted;
    cv::addWeighted(blurred, 0.4, cv::Mat(blurred.size(), blurred.type(), tint), 0.6, 0, tinted);
    cache[key] = tinted;
    return tinted;
}

} // namespace

cv::Mat shotFrame(const ShotFrame& f, int width, int height)
{
    if (f.seed < 0 || f.gain <= 0) return cv::Mat(height, width, CV_8UC3, cv::Scalar::all(0));
    const cv::Mat texture = shotTexture(f.seed, width, height);
    const int x = (2 * f.t) % width;
    cv::Mat frame = texture(cv::Rect(x, 0, width, height)).clone();
    if (f.mixSeed >= 0 && f.mix > 0) {
        const cv::Mat other = shotTexture(f.mixSeed, width, height)(cv::Rect(x, 0, width, height));
        cv::addWeighted(frame, 1.0 - f.mix, other, f.mix, 0, frame);
    }
    if (f.gain < 1.0) frame.convertTo(frame, -1, f.gain, 0);
    if (f.lift > 0) frame.convertTo(frame, -1, 1.0, f.lift);
    return frame;
}

void appendShot(std::vector<ShotFrame>& plan, int seed, int frames, int firstT)
{
    for (int t = 0; t < frames; ++t) plan.push_back({seed, firstT + t, 1.0});
}

void appendFade(std::vector<ShotFrame>& plan, int seed, const std::vector<double>& gains, int firstT)
{
    for (size_t k = 0; k < gains.size(); ++k) plan.push_back({seed, firstT + int(k), gains[k]});
}

void appendBlack(std::vector<ShotFrame>& plan, int frames)
{
    for (int k = 0; k < frames; ++k) plan.push_back({-1, 0, 0.0});
}

void appendDissolve(std::vector<ShotFrame>& plan, int from, int to, int frames, int t)
{
    for (int k = 0; k < frames; ++k) plan.push_back({from, t, 1.0, to, double(k + 1) / double(frames + 1)});
}

void appendFlash(std::vector<ShotFrame>& plan, int seed, int frames, int firstT, double lift)
{
    for (int k = 0; k < frames; ++k) plan.push_back({seed, firstT + k, 1.0, -1, 0.0, lift});
}

std::vector<ShotFrame> fourShotPlan()
{
    std::vector<ShotFrame> plan;
    appendShot(plan, 1, 40);
    appendShot(plan, 2, 30);
    appendShot(plan, 3, 35);
    appendShot(plan, 4, 30);
    return plan;
}

Result<QString> makeShotVideo(const QString& file, const std::vector<ShotFrame>& plan, int width, int height)
{
    const QStringList args{QStringLiteral("-c:v"),     QStringLiteral("libx264"),  QStringLiteral("-preset"),
                           QStringLiteral("veryfast"), QStringLiteral("-crf"),     QStringLiteral("18"),
                           QStringLiteral("-bf"),      QStringLiteral("3"),        QStringLiteral("-g"),
                           QStringLiteral("12"),       QStringLiteral("-pix_fmt"), QStringLiteral("yuv420p")};
    return encodeFrames(
        file, int(plan.size()), [&](int i) { return shotFrame(plan[size_t(i)], width, height); }, width, height, 25,
        args);
}

} // namespace fl::test
