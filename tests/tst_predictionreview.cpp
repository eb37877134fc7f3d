// What the views show of predictions and what reviewing them does: threshold and minimum-bout
// smoothing, stepping bout by bout and to uncertain fragments, accepting predictions as labels.
#include "analysis/PredictionReview.h"
#include "analysis/PredictionSmoothing.h"

#include <QTest>

#include <cmath>

using namespace fl;

namespace {

const QString A = QStringLiteral("a"), B = QStringLiteral("b");

// Two classes; fragment j gets p(a) = p[j] (NaN: not predicted).
VideoPredictions twoClass(const std::vector<float>& p, const FragmentSpec& spec = *FragmentSpec::make(4, 4, 1))
{
    const qint64 frames = (qint64(p.size()) - 1) * spec.stride + spec.span();
    VideoPredictions v = VideoPredictions::empty(QStringLiteral("v.mp4"), QStringLiteral("m"), {A, B}, spec, frames);
    for (size_t j = 0; j < p.size(); ++j)
        if (!std::isnan(p[j])) {
            const Status set = v.setRow(qint64(j), {p[j], 1.0f - p[j]});
            if (!set) qFatal("%s", qPrintable(set.error()));
        }
    return v;
}

constexpr float N = std::numeric_limits<float>::quiet_NaN();

} // namespace

class TestPredictionReview : public QObject {
    Q_OBJECT
private slots:
    void thresholdMarksUncertain()
    {
        const auto v = twoClass({0.9f, 0.55f, 0.1f, N});
        QCOMPARE(smoothedClasses(v), (std::vector<int>{0, 0, 1, kNotPredicted}));
        QCOMPARE(smoothedClasses(v, {0.6, 1}), (std::vector<int>{0, kUncertain, 1, kNotPredicted}));
    }

    void shortBoutsFoldIntoNeighbours()
    {
        // a a a b a a a | b b b b a b b  (flickers of one fragment)
        const auto v = twoClass({.9f, .9f, .9f, .2f, .9f, .9f, .9f, .1f, .1f, .1f, .1f, .8f, .1f, .1f});
        const std::vector<int> raw = smoothedClasses(v);
        QCOMPARE(raw[3], 1);
        const std::vector<int> s = smoothedClasses(v, {0, 2});
        QCOMPARE(s, (std::vector<int>{0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1}));
        // A bout as long as the minimum stays.
        const auto w = twoClass({.9f, .9f, .9f, .2f, .2f, .9f, .9f, .9f});
        QCOMPARE(smoothedClasses(w, {0, 2}), (std::vector<int>{0, 0, 0, 1, 1, 0, 0, 0}));
        // A short bout between two different classes joins the longer one.
        const auto x = twoClass({.9f, .9f, .9f, .55f, .1f, .1f, .1f, .1f});
        QCOMPARE(smoothedClasses(x, {0.6, 2}), (std::vector<int>{0, 0, 0, 1, 1, 1, 1, 1}));
    }

    void notPredictedIsABarrier()
    {
        const auto v = twoClass({.9f, .9f, .1f, N, .9f, .9f});
        // fragment 2 (class b, one long) only has the a-run on its left: it folds into it;
        // the NaN fragment stays untouched.
        QCOMPARE(smoothedClasses(v, {0, 2}), (std::vector<int>{0, 0, 0, kNotPredicted, 0, 0}));
        const auto lone = twoClass({N, .1f, N});
        QCOMPARE(smoothedClasses(lone, {0, 3}), (std::vector<int>{kNotPredicted, 1, kNotPredicted}));
    }

    void steppingByBouts()
    {
        const std::vector<int> shown{0, 0, 1, 1, 0, 1, kUncertain, 1, 1};
        QCOMPARE(nextBoutOf(shown, 0, +1, 1), qint64(2));
        QCOMPARE(nextBoutOf(shown, 2, +1, 1), qint64(5)); // not 3: the same bout
        QCOMPARE(nextBoutOf(shown, 5, +1, 1), qint64(7));
        QCOMPARE(nextBoutOf(shown, 7, +1, 1), qint64(-1));
        QCOMPARE(nextBoutOf(shown, 8, -1, 1), qint64(5)); // backwards: bouts start at their right end
        QCOMPARE(nextBoutOf(shown, 8, -1, 0), qint64(4));
        QCOMPARE(nextBoutOf(shown, 4, -1, 0), qint64(1));
        QCOMPARE(nextBoutOf(shown, 0, +1, kUncertain), qint64(6));
    }

    void steppingToUncertainFragments()
    {
        const auto v = twoClass({.9f, .55f, N, .95f, .4f, .99f});
        QCOMPARE(nextBelowConfidence(v, 0, +1, 0.7), qint64(1));
        QCOMPARE(nextBelowConfidence(v, 1, +1, 0.7), qint64(4)); // p(b) = .6 < .7
        QCOMPARE(nextBelowConfidence(v, 4, +1, 0.7), qint64(-1));
        QCOMPARE(nextBelowConfidence(v, 5, -1, 0.58), qint64(1));
    }

    void acceptingGivesMergedRanges()
    {
        const auto v = twoClass({.9f, .9f, .2f, .65f, N, .9f});
        const std::vector<int> shown = smoothedClasses(v);
        const auto all = acceptedRanges(v, shown, 0, 5);
        QCOMPARE(all.size(), size_t(4));
        QCOMPARE(all[0], (LabelRange{0, 8, A}));
        QCOMPARE(all[1], (LabelRange{8, 12, B}));
        QCOMPARE(all[2], (LabelRange{12, 16, A}));
        QCOMPARE(all[3], (LabelRange{20, 24, A}));
        // Above a threshold only, and within a range.
        const auto confident = acceptedRanges(v, shown, 1, 3, 0.7);
        QCOMPARE(confident.size(), size_t(2));
        QCOMPARE(confident[0], (LabelRange{4, 8, A}));
        QCOMPARE(confident[1], (LabelRange{8, 12, B}));
    }

    void overlappingFragmentsLetTheLaterWin()
    {
        const auto v = twoClass({.9f, .1f, .1f}, *FragmentSpec::make(4, 2, 1)); // frames 0-3, 2-5, 4-7
        const auto r = acceptedRanges(v, smoothedClasses(v), 0, 2);
        QCOMPARE(r.size(), size_t(2));
        QCOMPARE(r[0], (LabelRange{0, 2, A}));
        QCOMPARE(r[1], (LabelRange{2, 8, B}));
    }
};

QTEST_GUILESS_MAIN(TestPredictionReview)
#include "tst_predictionreview.moc"
