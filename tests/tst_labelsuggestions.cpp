// "Label next" ranking: uncertainty by margin or entropy, diversity in time and in feature
// space, labeled fragments excluded, deterministic order.
#include "analysis/LabelSuggestions.h"

#include <QTest>

#include <cmath>

using namespace fl;

namespace {

const FragmentSpec kSpec = *FragmentSpec::make(4, 4, 1);

// Two classes; fragment j gets p(class 0) = p[j] (NaN: not predicted).
VideoPredictions twoClass(const QString& name, const std::vector<float>& p, int featureSize = 0)
{
    VideoPredictions v = VideoPredictions::empty(name, QStringLiteral("m"), {QStringLiteral("a"), QStringLiteral("b")},
                                                 kSpec, qint64(p.size()) * 4, featureSize);
    for (size_t j = 0; j < p.size(); ++j)
        if (!std::isnan(p[j])) {
            const Status set = v.setRow(qint64(j), {p[j], 1.0f - p[j]});
            if (!set) qFatal("%s", qPrintable(set.error()));
        }
    return v;
}

std::vector<qint64> fragments(const std::vector<Suggestion>& s)
{
    std::vector<qint64> out;
    for (const Suggestion& x : s) out.push_back(x.fragment);
    return out;
}

// 200 fragments: an uncertain moment at 50..59 (p = 0.5), a less uncertain one at 150
// (p = 0.6, margin uncertainty 0.8), everything else confident (p = 0.99).
std::vector<float> moments()
{
    std::vector<float> p(200, 0.99f);
    for (int j = 50; j < 60; ++j) p[size_t(j)] = 0.5f;
    p[150] = 0.6f;
    return p;
}

} // namespace

class TestLabelSuggestions : public QObject {
    Q_OBJECT
private slots:
    void uncertaintyMeasures()
    {
        const auto margin = UncertaintyMeasure::Margin;
        const auto entropy = UncertaintyMeasure::Entropy;
        QCOMPARE(uncertainty({0.5f, 0.5f}, margin), 1.0);
        QCOMPARE(uncertainty({1.0f, 0.0f}, margin), 0.0);
        QVERIFY(std::abs(uncertainty({0.7f, 0.2f, 0.1f}, margin) - 0.5) < 1e-6);
        QVERIFY(std::abs(uncertainty({1 / 3.0f, 1 / 3.0f, 1 / 3.0f}, entropy) - 1.0) < 1e-6);
        QCOMPARE(uncertainty({1.0f, 0.0f, 0.0f}, entropy), 0.0);
        QCOMPARE(uncertainty({NAN, NAN}, margin), 0.0);
        QCOMPARE(uncertainty({1.0f}, entropy), 0.0);
    }

    void diverseInTime()
    {
        const std::vector<VideoPredictions> v{twoClass(QStringLiteral("a.mp4"), moments())};
        SuggestionOptions o;
        o.count = 3;
        const auto s = rankLabelSuggestions(v, {}, o);
        // One from the uncertain moment, then the other moment, then the far edge of the first.
        QCOMPARE(fragments(s), (std::vector<qint64>{50, 150, 59}));
        QCOMPARE(s[0].uncertainty, 1.0);
        QCOMPARE(s[0].score, 1.0);
        QVERIFY(std::abs(s[1].uncertainty - 0.8) < 1e-6);
        QVERIFY(std::abs(s[2].score - (1.0 - 0.64)) < 1e-6); // 9 fragments from 50: penalty 1 - 9/25
        // Without diversity: ten neighbours of the same moment.
        o.temporalWeight = 0;
        QCOMPARE(fragments(rankLabelSuggestions(v, {}, o)), (std::vector<qint64>{50, 51, 52}));
    }

    void labeledAreExcludedAndRepel()
    {
        const std::vector<VideoPredictions> v{twoClass(QStringLiteral("a.mp4"), moments())};
        std::vector<FragmentRef> labeled;
        for (int j = 50; j < 58; ++j) labeled.push_back({0, j});
        SuggestionOptions o;
        o.count = 3;
        const auto s = rankLabelSuggestions(v, labeled, o);
        for (const Suggestion& x : s) QVERIFY(x.fragment < 50 || x.fragment >= 58);
        // 58 and 59 sit next to labeled fragments (penalty 0.5 x (1 - 1/25)): 150 comes first.
        QCOMPARE(s[0].fragment, qint64(150));
        QCOMPARE(fragments(s), (std::vector<qint64>{150, 59, 58}));
        o.labeledWeight = 0;
        QCOMPARE(rankLabelSuggestions(v, labeled, o)[0].fragment, qint64(58));
    }

    void diverseInFeatures()
    {
        // Two videos, no temporal link between them. Fragment 10 of each is maximally
        // uncertain and they look alike; fragment 30 of video 0 is a little less uncertain and
        // looks different.
        std::vector<float> p(40, 0.99f);
        p[10] = 0.5f;
        VideoPredictions a = twoClass(QStringLiteral("a.mp4"), p, 2);
        p[30] = 0.55f;
        VideoPredictions b = twoClass(QStringLiteral("b.mp4"), std::vector<float>(p.begin(), p.begin() + 20), 2);
        a.probabilities[60] = 0.55f; // fragment 30 of a
        a.probabilities[61] = 0.45f;
        for (qint64 j = 0; j < a.fragmentCount(); ++j) {
            const float angle = float(j) / 40.0f; // neighbours look alike, far ones differ
            std::copy_n(std::vector<float>{std::cos(angle), std::sin(angle)}.begin(), 2, a.features.begin() + j * 2);
        }
        for (qint64 j = 0; j < b.fragmentCount(); ++j) {
            const float angle = float(j) / 40.0f;
            std::copy_n(std::vector<float>{std::cos(angle), std::sin(angle)}.begin(), 2, b.features.begin() + j * 2);
        }
        const std::vector<VideoPredictions> v{a, b};
        SuggestionOptions o;
        o.count = 2;
        o.featureScale = 0.3;
        auto s = rankLabelSuggestions(v, {}, o);
        QCOMPARE(s.size(), size_t(2));
        QCOMPARE(s[0].video, 0);
        QCOMPARE(s[0].fragment, qint64(10));
        QCOMPARE(s[1].video, 0);
        QCOMPARE(s[1].fragment, qint64(30)); // not b's look-alike fragment 10
        o.featureWeight = 0;
        s = rankLabelSuggestions(v, {}, o);
        QCOMPARE(s[1].video, 1);
        QCOMPARE(s[1].fragment, qint64(10));
    }

    void entropyDiffersFromMargin()
    {
        VideoPredictions v = VideoPredictions::empty(QStringLiteral("a.mp4"), {},
                                                     {QStringLiteral("x"), QStringLiteral("y"), QStringLiteral("z")},
                                                     kSpec, 400);
        QVERIFY(v.setRow(10, {0.4f, 0.4f, 0.2f}).ok());   // margin 1.00, entropy 0.960
        QVERIFY(v.setRow(60, {0.45f, 0.3f, 0.25f}).ok()); // margin 0.85, entropy 0.971
        SuggestionOptions o;
        o.count = 1;
        QCOMPARE(rankLabelSuggestions({v}, {}, o)[0].fragment, qint64(10));
        o.measure = UncertaintyMeasure::Entropy;
        QCOMPARE(rankLabelSuggestions({v}, {}, o)[0].fragment, qint64(60));
        // Fragments not predicted are never suggested.
        o.count = 50;
        QCOMPARE(rankLabelSuggestions({v}, {}, o).size(), size_t(2));
    }

    void poolAndValidation()
    {
        const std::vector<VideoPredictions> v{twoClass(QStringLiteral("a.mp4"), moments())};
        SuggestionOptions o;
        o.poolSize = 5; // only the five most uncertain are considered
        o.count = 10;
        const auto s = rankLabelSuggestions(v, {}, o);
        QCOMPARE(s.size(), size_t(5));
        for (const Suggestion& x : s) QVERIFY(x.fragment >= 50 && x.fragment < 55);
        o.count = 0;
        QVERIFY(!o.validate().ok());
        QVERIFY(rankLabelSuggestions(v, {}, o).empty());
        o = {};
        o.temporalWeight = 2;
        QVERIFY(!o.validate().ok());
        QVERIFY(rankLabelSuggestions({}, {}, {}).empty());
    }
};

QTEST_GUILESS_MAIN(TestLabelSuggestions)
#include "tst_labelsuggestions.moc"
