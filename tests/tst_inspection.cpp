// Inspection: Grad-CAM on a model trained on in-memory frames where the class is decided by
// one image region, and the PCA embedding map. Cost: ~10 s on 2 cores (one short training at
// 32 px, no video files).
#include "analysis/FeatureProjection.h"
#include "analysis/VideoPredictions.h"
#include "ml/GradCam.h"
#include "ml/Predictor.h"
#include "ml/TorchRuntime.h"
#include "ml/Trainer.h"

#include <QElapsedTimer>
#include <QtTest>

#include <cmath>
#include <random>

using namespace fl;

namespace {

// Frames of `size` px: a bright square in the left half that moves (class 0, "left-moving")
// or stands still (class 1, "left-still") in alternating segments, and a second bright square
// in the right half that looks the same in both classes (only the left half tells them apart).
struct RegionVideo {
    int size = 32;
    std::vector<std::uint8_t> pixels;
    std::vector<int> frameClass;
    ml::VideoFrames view() const { return {pixels.data(), std::int64_t(frameClass.size()), size, size}; }
};

RegionVideo makeRegionVideo(int frames, int size, int segment)
{
    RegionVideo v;
    v.size = size;
    v.pixels.resize(size_t(frames) * size_t(size) * size_t(size) * 3);
    std::mt19937 rng(3);
    const int side = size / 5;
    const int half = size / 2;
    int lx = 2, ly = size / 3, ldx = 1, ldy = 1;
    const int rx = half + 4, ry = size / 2; // the right square never moves
    for (int f = 0; f < frames; ++f) {
        const int cls = (f / segment) % 2;
        v.frameClass.push_back(cls);
        if (cls == 0) {
            lx += ldx;
            ly += ldy;
            if (lx < 1 || lx + side > half - 1) {
                ldx = -ldx;
                lx += 2 * ldx;
            }
            if (ly < 1 || ly + side > size - 1) {
                ldy = -ldy;
                ly += 2 * ldy;
            }
        }
        std::uint8_t* p = v.pixels.data() + size_t(f) * size_t(size) * size_t(size) * 3;
        for (int r = 0; r < size; ++r) {
            for (int c = 0; c < size; ++c) {
                const bool in = (r >= ly && r < ly + side && c >= lx && c < lx + side)
                    || (r >= ry && r < ry + side && c >= rx && c < rx + side);
                const auto value = std::uint8_t(in ? 220 - int(rng() % 9) : 40 + ((r + c) % 8) * 4 + int(rng() % 9));
                std::uint8_t* px = p + (size_t(r) * size_t(size) + size_t(c)) * 3;
                px[0] = px[1] = px[2] = value;
            }
        }
    }
    return v;
}

} // namespace

class TestInspection : public QObject {
    Q_OBJECT

private:
    RegionVideo m_video;
    ml::FragmentModel m_model;
    std::vector<std::int64_t> m_validation[2]; // first frames of validation fragments per class

private slots:
    void initTestCase()
    {
        ml::configureTorchRuntime();
        m_video = makeRegionVideo(768, 32, 16);
        ml::TrainingSet data;
        data.videos = {m_video.view()};
        data.classes = {"left-moving", "left-still"};
        data.fragment = {4, 4, 1};
        for (std::int64_t f = 0; f + 4 <= std::int64_t(m_video.frameClass.size()); f += 4) {
            const int cls = m_video.frameClass[size_t(f)];
            if (m_video.frameClass[size_t(f + 3)] != cls) continue;
            const bool validation = f >= 576;
            (validation ? data.validation : data.train).push_back({0, f, f, f, cls});
            if (validation) m_validation[cls].push_back(f);
        }
        ml::TrainingOptions o;
        o.model.architecture = ml::Architecture::FragNet;
        o.model.inputSize = 32;
        o.model.featureSize = 32;
        o.epochs = 20;
        o.batchSize = 16;
        o.learningRate = 5e-3;
        o.patience = 8;
        o.seed = 11;
        o.device = ml::DeviceChoice::Cpu;
        o.augmentation.horizontalFlip = false; // a flip would move the deciding region
        QElapsedTimer clock;
        clock.start();
        auto outcome = ml::Trainer::train(data, o);
        QVERIFY2(outcome, outcome.error().c_str());
        qInfo("training: %.1f s, validation macro-F1 %.3f", double(clock.elapsed()) / 1000.0,
              outcome->validation.macro.f1);
        QVERIFY(outcome->validation.macro.f1 >= 0.9);
        m_model = outcome->model;
    }

    void gradCamLooksAtTheDecidingRegion()
    {
        auto predictor = ml::Predictor::create(m_model);
        QVERIFY(predictor);
        // 32 px input: "frame.block2" is the deepest layer with 8 x 8 maps.
        QCOMPARE(ml::defaultGradCamLayer(m_model), std::string("frame.block2"));
        double leftShare[2] = {0, 0};
        int counted[2] = {0, 0};
        for (int cls = 0; cls < 2; ++cls) {
            for (std::int64_t f : m_validation[cls]) {
                auto maps = ml::gradCam(*predictor, m_video.view().frame(f), cls);
                QVERIFY2(maps, maps.error().c_str());
                QCOMPARE(maps->layer, std::string("frame.block2"));
                QCOMPARE(maps->height, 8);
                QCOMPARE(maps->targetClass, cls);
                QCOMPARE(maps->frames, 4);
                QCOMPARE(maps->inputSize, 32);
                QCOMPARE(maps->values.size(), size_t(4 * maps->height * maps->width));
                float peak = 0;
                double left = 0, total = 0;
                for (int t = 0; t < maps->frames; ++t)
                    for (int y = 0; y < maps->height; ++y)
                        for (int x = 0; x < maps->width; ++x) {
                            const float v = maps->at(t, y, x);
                            QVERIFY(v >= 0.0f && v <= 1.0f);
                            peak = std::max(peak, v);
                            total += v;
                            if (x < maps->width / 2) left += v;
                        }
                if (maps->predictedClass != cls || total <= 0) continue;
                QCOMPARE(peak, 1.0f);
                leftShare[cls] += left / total;
                ++counted[cls];
            }
        }
        for (int cls = 0; cls < 2; ++cls) {
            if (counted[cls]) leftShare[cls] /= counted[cls];
            qInfo("class %d: mean share of Grad-CAM mass on the left half %.3f over %d fragments", cls, leftShare[cls],
                  counted[cls]);
        }
        QVERIFY(counted[0] >= int(m_validation[0].size()) * 8 / 10);
        // The moving square on the left is the evidence for "left-moving"; the still square on the
        // right is the same in both classes and gets little of the mass.
        QVERIFY2(leftShare[0] >= 0.75, qPrintable(QString::number(leftShare[0])));
    }

    void gradCamLayersAndErrors()
    {
        auto predictor = ml::Predictor::create(m_model);
        QVERIFY(predictor);
        const auto layers = ml::gradCamLayers(m_model);
        QCOMPARE(layers.size(), size_t(5)); // frame.block1..4, temporal
        auto early = ml::gradCam(*predictor, m_video.view().frame(0), -1, "frame.block1");
        QVERIFY2(early, early.error().c_str());
        QCOMPARE(early->height, 16);
        QCOMPARE(early->targetClass, early->predictedClass);
        auto bad = ml::gradCam(*predictor, m_video.view().frame(0), -1, "feature");
        QVERIFY(!bad);
        QVERIFY(QString::fromStdString(bad.error()).contains(QStringLiteral("spatial layer")));
        QVERIFY(!ml::gradCam(*predictor, m_video.view().frame(0), 5));
    }

    void pcaRecoversTheMainDirection()
    {
        // Two clusters along (1, 2, 0, 0, -1) plus small noise in 5D.
        std::mt19937 rng(1);
        std::normal_distribution<float> noise(0.0f, 0.05f);
        const float dir[5] = {1, 2, 0, 0, -1};
        std::vector<float> values;
        for (int i = 0; i < 200; ++i) {
            const float side = i < 100 ? -1.0f : 1.0f;
            for (float d : dir) values.push_back(side * d + noise(rng) + 3.0f);
        }
        auto p = projectPca(values, 5);
        QVERIFY2(p, qPrintable(p.error()));
        QCOMPARE(p->rows, qint64(200));
        QVERIFY(p->explainedVariance[0] > 0.95);
        QVERIFY(p->explainedVariance[1] < 0.05);
        QVERIFY(p->explainedVariance[0] + p->explainedVariance[1] <= 1.0 + 1e-6);
        // The axis is the direction (up to its fixed sign): the largest entry is positive.
        const double norm = std::sqrt(6.0);
        QVERIFY(std::abs(p->axes[1] - 2.0 / norm) < 0.02);
        for (int i = 0; i < 200; ++i) QVERIFY((p->x(i) > 0) == (i >= 100));
        auto again = projectPca(values, 5);
        QCOMPARE(again->points, p->points);

        QVERIFY(!projectPca({1, 2, 3}, 3));
        QVERIFY(!projectPca({1, 2, 3, 4, 5}, 2));
        QVERIFY(!projectPca({1, 2, std::nanf(""), 4}, 2));
    }

    void featureMapSkipsUnpredictedFragments()
    {
        VideoPredictions a = VideoPredictions::empty(QStringLiteral("a.mp4"), QStringLiteral("m.flmodel"),
                                                     {QStringLiteral("x"), QStringLiteral("y")}, FragmentSpec{4, 4, 1},
                                                     40, 3);
        for (qint64 j = 0; j < 10; ++j)
            if (j != 4) QVERIFY(a.setRow(j, {0.5f, 0.5f}, {float(j), float(j % 3), 1.0f}));
        auto map = featureMap({a});
        QVERIFY2(map, qPrintable(map.error()));
        QCOMPARE(map->refs.size(), size_t(9));
        QCOMPARE(map->projection.rows, qint64(9));
        for (const FragmentRef& r : map->refs) QVERIFY(r.fragment != 4);
        VideoPredictions none = VideoPredictions::empty(QStringLiteral("b.mp4"), QStringLiteral("m.flmodel"),
                                                        {QStringLiteral("x"), QStringLiteral("y")},
                                                        FragmentSpec{4, 4, 1}, 40);
        QVERIFY(!featureMap({none}));
    }
};

QTEST_GUILESS_MAIN(TestInspection)
#include "tst_inspection.moc"
