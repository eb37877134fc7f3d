#include "analysis/SceneListExport.h"

#include "analysis/Timecode.h"
#include "project/FileBytes.h"

#include <set>

namespace fl {

namespace {

double timeOf(const VideoAnalysis& a, qint64 frame)
{
    return frame >= 0 && frame < qint64(a.frameTimesMs.size()) ? a.frameTimesMs[size_t(frame)] / 1000.0 : 0.0;
}

QString fixed(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

} // namespace

QByteArray sceneCutsCsv(const VideoAnalysis& analysis)
{
    const TimecodeFormat tc = TimecodeFormat::forRate(analysis.info.nominalFps);
    QString out = QStringLiteral("frame,time_s,timecode,kind,score\n");
    for (const SceneCut& c : analysis.scenes.cuts)
        out += QStringLiteral("%1,%2,%3,%4,%5\n")
                   .arg(c.frame)
                   .arg(fixed(timeOf(analysis, c.frame), 6), tc.format(c.frame), SceneCut::kindName(c.kind),
                        fixed(c.score, 3));
    return out.toUtf8();
}

QByteArray sceneStatsCsv(const VideoAnalysis& analysis)
{
    const SceneDetection& s = analysis.scenes;
    std::set<qint64> cuts;
    for (const SceneCut& c : s.cuts) cuts.insert(c.frame);
    auto at = [](const std::vector<float>& v, qint64 i) { return i < qint64(v.size()) ? double(v[size_t(i)]) : 0.0; };
    QString out = QStringLiteral("frame,time_s,content_score,adaptive_ratio,brightness,luma_step,window_change,"
                                 "window_blend,window_correlation,window_steadiness,recall,cut\n");
    for (qint64 i = 0; i < s.frameCount; ++i)
        out += QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9,")
                   .arg(i)
                   .arg(fixed(timeOf(analysis, i), 6), fixed(s.contentScore[size_t(i)], 3),
                        fixed(s.adaptiveRatio[size_t(i)], 3), fixed(s.brightness[size_t(i)], 3),
                        fixed(at(s.lumaStep, i), 3), fixed(at(s.windowChange, i), 3), fixed(at(s.windowBlend, i), 3),
                        fixed(at(s.windowCorrelation, i), 3))
            + QStringLiteral("%1,%2,%3\n")
                  .arg(fixed(s.windowSteadiness(i), 3), fixed(at(s.recall, i), 3))
                  .arg(cuts.count(i) ? 1 : 0);
    return out.toUtf8();
}

Status writeSceneCutsCsv(const QString& file, const VideoAnalysis& analysis)
{
    return writeFileAtomically(file, sceneCutsCsv(analysis));
}

Status writeSceneStatsCsv(const QString& file, const VideoAnalysis& analysis)
{
    return writeFileAtomically(file, sceneStatsCsv(analysis));
}

} // namespace fl
