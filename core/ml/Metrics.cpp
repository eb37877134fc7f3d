#include "ml/Metrics.h"

#include <algorithm>
#include <cstdio>

namespace fl::ml {

ClassificationReport classificationReport(const std::vector<int>& truth, const std::vector<int>& predicted,
                                          const std::vector<std::string>& classNames)
{
    const int k = int(classNames.size());
    ClassificationReport r;
    r.confusion.assign(size_t(k), std::vector<std::int64_t>(size_t(k), 0));
    const size_t n = std::min(truth.size(), predicted.size());
    std::int64_t correct = 0;
    for (size_t i = 0; i < n; ++i) {
        const int t = truth[i];
        const int p = predicted[i];
        if (t < 0 || t >= k || p < 0 || p >= k) continue;
        ++r.confusion[size_t(t)][size_t(p)];
        ++r.total;
        if (t == p) ++correct;
    }
    r.accuracy = r.total > 0 ? double(correct) / double(r.total) : 0.0;

    int present = 0;
    for (int c = 0; c < k; ++c) {
        ClassMetrics m;
        m.name = classNames[size_t(c)];
        const std::int64_t tp = r.confusion[size_t(c)][size_t(c)];
        for (int o = 0; o < k; ++o) {
            m.support += r.confusion[size_t(c)][size_t(o)];
            m.predicted += r.confusion[size_t(o)][size_t(c)];
        }
        m.precision = m.predicted > 0 ? double(tp) / double(m.predicted) : 0.0;
        m.recall = m.support > 0 ? double(tp) / double(m.support) : 0.0;
        m.f1 = m.precision + m.recall > 0 ? 2.0 * m.precision * m.recall / (m.precision + m.recall) : 0.0;
        if (m.support > 0 || m.predicted > 0) {
            ++present;
            r.macro.precision += m.precision;
            r.macro.recall += m.recall;
            r.macro.f1 += m.f1;
        }
        if (r.total > 0) {
            const double w = double(m.support) / double(r.total);
            r.weighted.precision += w * m.precision;
            r.weighted.recall += w * m.recall;
            r.weighted.f1 += w * m.f1;
        }
        r.classes.push_back(std::move(m));
    }
    if (present > 0) {
        r.macro.precision /= present;
        r.macro.recall /= present;
        r.macro.f1 /= present;
    }
    return r;
}

std::string formatReport(const ClassificationReport& r)
{
    size_t nameWidth = 12;
    for (const auto& c : r.classes) nameWidth = std::max(nameWidth, c.name.size());
    std::string out;
    char line[512];
    const int w = int(nameWidth);
    std::snprintf(line, sizeof line, "%-*s %9s %9s %9s %9s\n", w, "class", "precision", "recall", "f1", "support");
    out += line;
    for (const auto& c : r.classes) {
        std::snprintf(line, sizeof line, "%-*s %9.4f %9.4f %9.4f %9lld\n", w, c.name.c_str(), c.precision, c.recall,
                      c.f1, static_cast<long long>(c.support));
        out += line;
    }
    std::snprintf(line, sizeof line, "%-*s %9s %9s %9.4f %9lld\n", w, "accuracy", "", "", r.accuracy,
                  static_cast<long long>(r.total));
    out += line;
    std::snprintf(line, sizeof line, "%-*s %9.4f %9.4f %9.4f %9lld\n", w, "macro avg", r.macro.precision,
                  r.macro.recall, r.macro.f1, static_cast<long long>(r.total));
    out += line;
    std::snprintf(line, sizeof line, "%-*s %9.4f %9.4f %9.4f %9lld\n", w, "weighted avg", r.weighted.precision,
                  r.weighted.recall, r.weighted.f1, static_cast<long long>(r.total));
    out += line;
    out += "\nconfusion matrix (rows: truth, columns: predicted)\n";
    std::snprintf(line, sizeof line, "%-*s", w, "");
    out += line;
    for (const auto& c : r.classes) {
        std::snprintf(line, sizeof line, " %9.9s", c.name.c_str());
        out += line;
    }
    out += "\n";
    for (size_t t = 0; t < r.classes.size(); ++t) {
        std::snprintf(line, sizeof line, "%-*s", w, r.classes[t].name.c_str());
        out += line;
        for (size_t p = 0; p < r.classes.size(); ++p) {
            std::snprintf(line, sizeof line, " %9lld", static_cast<long long>(r.confusion[t][p]));
            out += line;
        }
        out += "\n";
    }
    return out;
}

} // namespace fl::ml
