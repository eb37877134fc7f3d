// Keyframes: the KeyframeSet value type, the selection score and its near-duplicate
// suppression, model-based candidates, and segments from predicted runs.
#include "analysis/FrameMeasures.h"
#include "analysis/KeyframeSelector.h"
#include "analysis/VideoPredictions.h"

#include <QTest>

#include <cmath>

using namespace fl;

namespace {

// A unit feature pointing mostly along axis `axis` (of 8), tilted by `tilt`.
std::vector<float> feature(int axis, float tilt = 0.0f)
{
    std::vector<float> f(8, 0.0f);
    f[size_t(axis)] = 1.0f;
    f[size_t((axis + 1) % 8)] = tilt;
    return f;
}

KeyframeCandidate candidate(qint64 frame, double sharpness, std::vector<float> f, double confidence = -1,
                            double brightness = 100)
{
    return {frame, sharpness, std::move(f), confidence, brightness};
}

} // namespace

class TestKeyframes : public QObject {
    Q_OBJECT
private slots:
    void setIsSortedUniqueValue()
    {
        KeyframeSet set;
        QVERIFY(set.isEmpty());
        Keyframe a;
        a.frame = 50;
        a.score = 0.5;
        Keyframe b = a;
        b.frame = 10;
        QVERIFY(set.add(a));
        QVERIFY(set.add(b));
        QVERIFY(!set.add(a)); // same keyframe again: no change
        a.score = 0.7;
        QVERIFY(set.add(a)); // replaces the one at frame 50
        QCOMPARE(set.frames(), (std::vector<qint64>{10, 50}));
        QCOMPARE(set.at(50)->score, 0.7);
        QVERIFY(set.addManual(30, 2, QStringLiteral("scene 3")));
        QVERIFY(set.at(30)->manual);
        QCOMPARE(set.frames(), (std::vector<qint64>{10, 30, 50}));
        const KeyframeSet copy = set;
        QVERIFY(set.remove(30));
        QVERIFY(!set.remove(30));
        QVERIFY(!(copy == set));
        QVERIFY(copy.contains(30) && !set.contains(30));
        QCOMPARE(copy.inSegment(2).size(), size_t(1));
        QCOMPARE(KeyframeSet({a, b, a}).size(), 2);
    }

    void picksBestAndSuppressesDuplicates()
    {
        // One segment, five candidates: 5 and 50 are near-duplicates of 30 in look; 70 is
        // sharp and typical, 95 is different and blurry.
        const std::vector<FrameSegment> segs{{0, 100, QStringLiteral("scene 1")}};
        const std::vector<KeyframeCandidate> c{candidate(5, 400, feature(0)), candidate(30, 500, feature(0, 0.05f)),
                                               candidate(50, 100, feature(0, 0.02f)),
                                               candidate(70, 800, feature(0, 0.3f)), candidate(95, 20, feature(4))};
        KeyframeOptions o;
        o.perSegment = 3;
        const KeyframeSet set = selectKeyframes(segs, c, o);
        // Best first: 70 (sharpest, near the mean); then 30 (the best of the 5/30/50
        // look-alikes); 5 and 50 are duplicates of 30; 95 differs from both.
        QCOMPARE(set.frames(), (std::vector<qint64>{30, 70, 95}));
        const Keyframe k70 = *set.at(70);
        QCOMPARE(k70.segment, 0);
        QCOMPARE(k70.label, QStringLiteral("scene 1"));
        QCOMPARE(k70.sharpness, 1.0);
        QCOMPARE(k70.confidence, -1.0);
        QVERIFY(k70.score > set.at(30)->score && set.at(30)->score > set.at(95)->score);
        // The score is the documented weighted mean of its terms (no confidence: 0.5/0.5).
        for (const Keyframe& k : set.keyframes())
            QVERIFY(std::abs(k.score - 0.5 * (k.sharpness + k.representativeness)) < 1e-9);
        // Without the duplicate rule the look-alike 5 comes before the odd one out.
        o.duplicateDistance = 0.0;
        QCOMPARE(selectKeyframes(segs, c, o).frames(), (std::vector<qint64>{5, 30, 70}));
        // Picks closer than minSeparation are too close: 50 is skipped between 30 and 70.
        o.perSegment = 5;
        o.minSeparation = 25;
        QCOMPARE(selectKeyframes(segs, c, o).frames(), (std::vector<qint64>{5, 30, 70, 95}));
        // Order of the candidates does not matter.
        std::vector<KeyframeCandidate> reversed(c.rbegin(), c.rend());
        QCOMPARE(selectKeyframes(segs, reversed, o), selectKeyframes(segs, c, o));
    }

    void spreadsOverLongSegments()
    {
        // 40 distinct candidates over 400 frames; 2 per segment must be >= 400 / 4 apart.
        std::vector<KeyframeCandidate> c;
        for (int i = 0; i < 40; ++i)
            c.push_back(candidate(i * 10, 100 + (i == 5 || i == 6 ? 500 : 0), feature(i % 8, float(i) / 40)));
        KeyframeOptions o;
        o.perSegment = 2;
        o.duplicateDistance = 0;
        const KeyframeSet set = selectKeyframes({{0, 400, QStringLiteral("s")}}, c, o);
        QCOMPARE(set.size(), 2);
        QVERIFY(std::abs(set.frames()[1] - set.frames()[0]) >= 100);
        QVERIFY(set.contains(50) || set.contains(60)); // the sharpest is taken first
    }

    void usesConfidenceOnlyWhenAllHaveIt()
    {
        const std::vector<FrameSegment> segs{{0, 50, QStringLiteral("walk")}};
        std::vector<KeyframeCandidate> c{candidate(10, 100, feature(0), 0.99), candidate(30, 100, feature(0), 0.40)};
        KeyframeOptions o;
        o.perSegment = 1;
        o.minSeparation = 0;
        QCOMPARE(selectKeyframes(segs, c, o).frames(), std::vector<qint64>{10});
        QCOMPARE(selectKeyframes(segs, c, o).at(10)->confidence, 0.99);
        c[0].confidence = 0.40;
        c[1].confidence = 0.99;
        QCOMPARE(selectKeyframes(segs, c, o).frames(), std::vector<qint64>{30});
        // One without a confidence: the term is left out for the segment.
        c[0].confidence = -1;
        const KeyframeSet set = selectKeyframes(segs, c, o);
        QCOMPARE(set.keyframes().front().confidence, -1.0);
    }

    void skipsDarkFramesUnlessAllDark()
    {
        const std::vector<FrameSegment> segs{{0, 100, QStringLiteral("a")}, {100, 200, QStringLiteral("b")}};
        const std::vector<KeyframeCandidate> c{candidate(5, 900, feature(1), -1, 3),
                                               candidate(50, 10, feature(2), -1, 80),
                                               candidate(150, 10, feature(3), -1, 2),
                                               candidate(160, 10, feature(3), -1, 1)};
        KeyframeOptions o;
        o.perSegment = 3;
        const KeyframeSet set = selectKeyframes(segs, c, o);
        QCOMPARE(set.inSegment(0).size(), size_t(1));
        QCOMPARE(set.inSegment(0).front().frame, qint64(50));
        QCOMPARE(set.inSegment(1).size(), size_t(1)); // all dark: one (the two are duplicates)
    }

    void segmentsWithoutCandidatesGetNone()
    {
        const KeyframeSet set = selectKeyframes({{0, 10, {}}, {10, 20, {}}}, {candidate(15, 1, feature(0))});
        QCOMPARE(set.frames(), std::vector<qint64>{15});
        QCOMPARE(set.keyframes().front().segment, 1);
        QVERIFY(selectKeyframes({}, {candidate(15, 1, feature(0))}).isEmpty());
    }

    void optionsValidate()
    {
        KeyframeOptions o;
        QVERIFY(o.validate().ok());
        o.perSegment = 0;
        QVERIFY(!o.validate().ok());
        o = {};
        o.sharpnessWeight = o.representativenessWeight = 0;
        QVERIFY(!o.validate().ok());
        o = {};
        o.duplicateDistance = -1;
        QVERIFY(!o.validate().ok());
    }

    void featureDistanceProperties()
    {
        QCOMPARE(featureDistance(feature(0), feature(0)), 0.0);
        QVERIFY(std::abs(featureDistance(feature(0), feature(3)) - 1.0) < 1e-9);
        std::vector<float> neg = feature(0);
        neg[0] = -1;
        QVERIFY(std::abs(featureDistance(feature(0), neg) - std::sqrt(2.0)) < 1e-6);
        QCOMPARE(featureDistance({}, {}), 1.0);
        QCOMPARE(featureDistance(std::vector<float>(4, 0.0f), std::vector<float>(4, 0.0f)), 0.0);
        QCOMPARE(featureDistance(std::vector<float>(4, 0.0f), std::vector<float>(4, 1.0f)), 1.0);
    }

    void predictionsValueType()
    {
        const FragmentSpec spec = *FragmentSpec::make(4, 4, 1);
        VideoPredictions p = VideoPredictions::empty(QStringLiteral("a.mp4"), QStringLiteral("model-1"),
                                                     {QStringLiteral("walk"), QStringLiteral("rest")}, spec, 42, 3);
        QCOMPARE(p.fragmentCount(), qint64(10));
        QCOMPARE(p.predictedCount(), qint64(0));
        QVERIFY(!p.isPredicted(0));
        QCOMPARE(p.predictedClass(0), -1);
        QVERIFY(std::isnan(p.confidence(0)));
        QVERIFY(p.validate().ok()); // all rows "not predicted" is valid (a job that just started)
        QVERIFY(p.setRow(2, {0.8f, 0.2f}, {1, 2, 3}).ok());
        QVERIFY(!p.setRow(10, {0.8f, 0.2f}).ok());
        QVERIFY(!p.setRow(2, {1.0f}).ok());
        QVERIFY(!p.setRow(2, {0.5f, 0.5f}, {1}).ok());
        QCOMPARE(p.predictedCount(), qint64(1));
        QCOMPARE(p.predictedClass(2), 0);
        QCOMPARE(p.confidence(2), 0.8f);
        QCOMPARE(p.feature(2), (std::vector<float>{1, 2, 3}));
        QCOMPARE(p.classIndex(QStringLiteral("rest")), 1);
        p.probabilities[6] = 1.5f;
        QVERIFY(!p.validate().ok());
        p.probabilities[6] = 0.5f; // half a NaN row
        QVERIFY(!p.validate().ok());
    }

    void predictedSegmentsAreRuns()
    {
        const FragmentSpec spec = *FragmentSpec::make(4, 4, 1);
        VideoPredictions p = VideoPredictions::empty(QStringLiteral("a.mp4"), {},
                                                     {QStringLiteral("walk"), QStringLiteral("rest")}, spec, 40);
        // Fragments 0..9: walk walk rest walk walk(0.55) walk - rest rest walk
        const float walk[] = {0.9f, 0.9f, 0.1f, 0.9f, 0.55f, 0.9f, NAN, 0.2f, 0.2f, 0.9f};
        for (int j = 0; j < 10; ++j)
            if (!std::isnan(walk[j])) QVERIFY(p.setRow(j, {walk[j], 1.0f - walk[j]}).ok());
        QCOMPARE(predictedSegments(p, 0),
                 (std::vector<FrameSegment>{{0, 8, QStringLiteral("walk")},
                                            {12, 24, QStringLiteral("walk")},
                                            {36, 40, QStringLiteral("walk")}}));
        QCOMPARE(predictedSegments(p, 0, 0.6),
                 (std::vector<FrameSegment>{{0, 8, QStringLiteral("walk")},
                                            {12, 16, QStringLiteral("walk")},
                                            {20, 24, QStringLiteral("walk")},
                                            {36, 40, QStringLiteral("walk")}}));
        QCOMPARE(predictedSegments(p, 0, 0.0, 2).size(), size_t(2));
        QCOMPARE(predictedSegments(p, 1),
                 (std::vector<FrameSegment>{{8, 12, QStringLiteral("rest")}, {28, 36, QStringLiteral("rest")}}));
        QVERIFY(predictedSegments(p, 5).empty());
        // A stride larger than the span leaves gaps: neighbouring fragments are separate runs.
        VideoPredictions gaps = VideoPredictions::empty(QStringLiteral("b.mp4"), {},
                                                        {QStringLiteral("x"), QStringLiteral("y")},
                                                        *FragmentSpec::make(2, 5, 1), 20);
        for (int j = 0; j < gaps.fragmentCount(); ++j) QVERIFY(gaps.setRow(j, {1.0f, 0.0f}).ok());
        QCOMPARE(predictedSegments(gaps, 0).size(), size_t(gaps.fragmentCount()));
    }

    void candidatesFromModel()
    {
        const FragmentSpec spec = *FragmentSpec::make(4, 4, 1);
        VideoPredictions p = VideoPredictions::empty(QStringLiteral("a.mp4"), {},
                                                     {QStringLiteral("walk"), QStringLiteral("rest")}, spec, 40, 2);
        QVERIFY(p.setRow(0, {0.9f, 0.1f}, {1, 0}).ok());
        QVERIFY(p.setRow(3, {0.3f, 0.7f}, {0, 1}).ok());
        std::vector<FrameSample> samples{{0, 50, 100, {}}, {10, 70, 100, {}}, {15, 90, 100, {}}};
        auto c = candidatesFromPredictions(p, 1, samples);
        QCOMPARE(c.size(), size_t(2));
        QCOMPARE(c[0].frame, qint64(2));  // middle frame of fragment 0 (frames 0..3)
        QCOMPARE(c[1].frame, qint64(14)); // of fragment 3 (frames 12..15)
        QCOMPARE(c[0].confidence, double(0.1f));
        QCOMPARE(c[1].confidence, double(0.7f));
        QCOMPARE(c[0].sharpness, 50.0); // nearest sample: frame 0
        QCOMPARE(c[1].sharpness, 90.0); // nearest sample: frame 15
        QCOMPARE(c[1].feature, (std::vector<float>{0, 1}));
        QVERIFY(candidatesFromPredictions(p, 7, samples).empty());
        // The model's pick for "rest" within its predicted run is fragment 3.
        const KeyframeSet set = selectKeyframes(predictedSegments(p, 1), c);
        QCOMPARE(set.frames(), std::vector<qint64>{14});
        QCOMPARE(set.keyframes().front().label, QStringLiteral("rest"));
    }
};

QTEST_GUILESS_MAIN(TestKeyframes)
#include "tst_keyframes.moc"
