#include "TrainingArgs.h"

#include "CliOutput.h"

#include <algorithm>
#include <limits>

namespace fl::cli {

// --arch, --fusion, --epochs, --device, --seed, --input-size, --batch-size, --lr, --validation
void addTrainingOptions(ArgParser& args)
{
    args.addValue(QStringLiteral("arch"), QStringLiteral("NAME"),
                  QStringLiteral("twostream (default), fragnet or r2plus1d"));
    args.addValue(QStringLiteral("streams"), QStringLiteral("LIST"),
                  QStringLiteral("twostream's streams: appearance,motion (default both)"));
    args.addFlag(QStringLiteral("no-statistics"), QStringLiteral("twostream without its pooled statistics path"));
    args.addFlag(QStringLiteral("no-convolutions"), QStringLiteral("twostream without its CNNs (statistics only)"));
    args.addValue(QStringLiteral("fusion"), QStringLiteral("NAME"),
                  QStringLiteral("fragnet's temporal fusion: tconv (default), concat, gru"));
    args.addValue(QStringLiteral("epochs"), QStringLiteral("N"), QStringLiteral("at most N epochs (default 30)"));
    args.addValue(QStringLiteral("device"), QStringLiteral("DEVICE"), QStringLiteral("auto (default), cpu or cuda"));
    args.addValue(QStringLiteral("seed"), QStringLiteral("S"), QStringLiteral("random seed (default 1)"));
    args.addValue(QStringLiteral("input-size"), QStringLiteral("PX"),
                  QStringLiteral("frame side in pixels, multiple of 8 (default 64)"));
    args.addValue(QStringLiteral("batch-size"), QStringLiteral("N"),
                  QStringLiteral("fragments per batch (default 32)"));
    args.addValue(QStringLiteral("lr"), QStringLiteral("X"), QStringLiteral("peak learning rate (default 0.003)"));
    args.addValue(QStringLiteral("validation"), QStringLiteral("F"),
                  QStringLiteral("validation fraction of --export-split in (0, 0.5] (default 0.2)"));
    args.addValue(QStringLiteral("candidates"), QStringLiteral("LIST"),
                  QStringLiteral(
                      "the configurations cross-validation chooses among (default: all of the default training's)"));
    args.addValue(QStringLiteral("folds"), QStringLiteral("N"),
                  QStringLiteral("cross-validation folds, 2..10 (default 3)"));
    args.addValue(
        QStringLiteral("motion-scale"), QStringLiteral("X"),
        QStringLiteral(
            "augmentation: scale the changes between frames by U(X, 1) (default: as the configuration has it)"));
    args.addValue(QStringLiteral("contrast"), QStringLiteral("X"),
                  QStringLiteral("augmentation: contrast x U(1-X, 1+X) (default: as the configuration has it)"));
    args.addValue(QStringLiteral("views"), QStringLiteral("N"),
                  QStringLiteral("twostream: augmented views per fragment, 1..64 (default 4)"));
    args.addValue(QStringLiteral("min-steps"), QStringLiteral("N"),
                  QStringLiteral("at least N optimisation steps (more epochs for few labels)"));
    args.addValue(QStringLiteral("weight-decay"), QStringLiteral("X"),
                  QStringLiteral("AdamW weight decay (default 0.01)"));
    args.addValue(QStringLiteral("dropout"), QStringLiteral("X"),
                  QStringLiteral("dropout before the feature and class layers (default 0.2)"));
    args.addFlag(QStringLiteral("no-tuning"),
                 QStringLiteral("keep the plain argmax: no calibration, class thresholds or minimum bout"));
}

std::optional<TrainingRequest> parseTrainingOptions(const ArgParser& args, int* exit)
{
    TrainingRequest r;
    ml::TrainingOptions& o = r.options;
    // A model option makes it that one configuration; otherwise the default candidates.
    bool custom = false;
    for (const char* name : {"arch", "streams", "no-statistics", "no-convolutions", "fusion"})
        custom = custom || args.isSet(QString::fromLatin1(name));
    if (args.isSet(QStringLiteral("arch"))) {
        const auto arch = ml::parseArchitecture(args.value(QStringLiteral("arch")).toStdString());
        if (!arch) {
            *exit = usageError(QStringLiteral("--arch must be twostream, fragnet or r2plus1d, got '%1'")
                                   .arg(args.value(QStringLiteral("arch"))),
                               args.usage);
            return std::nullopt;
        }
        o.model.architecture = *arch;
    }
    if (args.isSet(QStringLiteral("streams"))) {
        const QStringList streams = args.value(QStringLiteral("streams")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        o.model.appearanceStream = streams.contains(QStringLiteral("appearance"));
        o.model.motionStream = streams.contains(QStringLiteral("motion"));
        for (const QString& s : streams) {
            if (s != QLatin1String("appearance") && s != QLatin1String("motion")) {
                *exit = usageError(QStringLiteral("--streams takes appearance and/or motion, got '%1'").arg(s),
                                   args.usage);
                return std::nullopt;
            }
        }
        if (streams.isEmpty()) {
            *exit = usageError(QStringLiteral("--streams needs appearance, motion or both"), args.usage);
            return std::nullopt;
        }
    }
    if (args.isSet(QStringLiteral("no-statistics"))) o.model.statistics = false;
    if (args.isSet(QStringLiteral("no-convolutions"))) o.model.convolutions = false;
    if (args.isSet(QStringLiteral("fusion"))) {
        const auto fusion = ml::parseFusion(args.value(QStringLiteral("fusion")).toStdString());
        if (!fusion) {
            *exit = usageError(QStringLiteral("--fusion must be tconv, concat or gru, got '%1'")
                                   .arg(args.value(QStringLiteral("fusion"))),
                               args.usage);
            return std::nullopt;
        }
        o.model.fusion = *fusion;
    }
    if (args.isSet(QStringLiteral("device"))) {
        const auto device = ml::parseDeviceChoice(args.value(QStringLiteral("device")).toStdString());
        if (!device) {
            *exit = usageError(QStringLiteral("--device must be auto, cpu or cuda, got '%1'")
                                   .arg(args.value(QStringLiteral("device"))),
                               args.usage);
            return std::nullopt;
        }
        o.device = *device;
    }
    const auto epochs = args.integer(QStringLiteral("epochs"), o.epochs, 1, 10000, exit);
    if (!epochs) return std::nullopt;
    o.epochs = int(*epochs);
    const auto seed = args.integer(QStringLiteral("seed"), qint64(o.seed), 0, std::numeric_limits<qint64>::max(), exit);
    if (!seed) return std::nullopt;
    o.seed = quint64(*seed);
    const auto size = args.integer(QStringLiteral("input-size"), o.model.inputSize, 16, 512, exit);
    if (!size) return std::nullopt;
    if (*size % 8 != 0) {
        *exit = usageError(QStringLiteral("--input-size must be a multiple of 8, got %1").arg(*size), args.usage);
        return std::nullopt;
    }
    o.model.inputSize = int(*size);
    const auto batch = args.integer(QStringLiteral("batch-size"), o.batchSize, 1, 4096, exit);
    if (!batch) return std::nullopt;
    o.batchSize = int(*batch);
    const auto number = [&](const QString& name, double fallback, double min, double max) -> std::optional<double> {
        if (!args.isSet(name)) return fallback;
        bool ok = false;
        const double v = args.value(name).toDouble(&ok);
        if (!ok || !(v > min && v <= max)) {
            *exit = usageError(QStringLiteral("--%1 must be a number in (%2, %3], got '%4'")
                                   .arg(name)
                                   .arg(min)
                                   .arg(max)
                                   .arg(args.value(name)),
                               args.usage);
            return std::nullopt;
        }
        return v;
    };
    const auto lr = number(QStringLiteral("lr"), o.learningRate, 0, 1);
    if (!lr) return std::nullopt;
    o.learningRate = *lr;
    const auto fraction = number(QStringLiteral("validation"), r.validationFraction, 0, 0.5);
    if (!fraction) return std::nullopt;
    r.validationFraction = *fraction;
    // A number in [0, max].
    const auto share = [&](const QString& name, double fallback, double max) -> std::optional<double> {
        if (!args.isSet(name)) return fallback;
        bool ok = false;
        const double v = args.value(name).toDouble(&ok);
        if (!ok || !(v >= 0 && v <= max)) {
            *exit = usageError(
                QStringLiteral("--%1 must be a number in [0, %2], got '%3'").arg(name).arg(max).arg(args.value(name)),
                args.usage);
            return std::nullopt;
        }
        return v;
    };
    const auto motionScale = share(QStringLiteral("motion-scale"), o.augmentation.motionScale, 1);
    if (!motionScale) return std::nullopt;
    const bool motionScaleGiven = args.isSet(QStringLiteral("motion-scale"));
    o.augmentation.motionScale = *motionScale;
    const auto contrast = share(QStringLiteral("contrast"), o.augmentation.contrast, 0.95);
    if (!contrast) return std::nullopt;
    o.augmentation.contrast = *contrast;
    const auto views = args.integer(QStringLiteral("views"), o.augmentation.views, 1, 64, exit);
    if (!views) return std::nullopt;
    const auto minSteps = args.integer(QStringLiteral("min-steps"), o.minSteps, 0, 1000000, exit);
    if (!minSteps) return std::nullopt;
    const auto weightDecay = share(QStringLiteral("weight-decay"), o.weightDecay, 9.99);
    if (!weightDecay) return std::nullopt;
    const auto dropout = share(QStringLiteral("dropout"), o.model.dropout, 0.95);
    if (!dropout) return std::nullopt;
    // Applied to the configuration and to every candidate.
    const auto applyTuning = [&](ml::TrainingOptions& t) {
        if (args.isSet(QStringLiteral("views"))) t.augmentation.views = int(*views);
        if (args.isSet(QStringLiteral("min-steps"))) t.minSteps = int(*minSteps);
        if (args.isSet(QStringLiteral("weight-decay"))) t.weightDecay = *weightDecay;
        if (args.isSet(QStringLiteral("dropout"))) t.model.dropout = *dropout;
    };
    applyTuning(o);
    const auto folds = args.integer(QStringLiteral("folds"), r.folds, 2, 10, exit);
    if (!folds) return std::nullopt;
    r.folds = int(*folds);
    r.tuneDecisions = !args.isSet(QStringLiteral("no-tuning"));
    if (!custom) {
        r.candidates = defaultTrainingCandidates(o);
        for (auto& c : r.candidates) {
            if (args.isSet(QStringLiteral("epochs"))) c.options.minSteps = 0; // exactly the epochs asked for
            if (motionScaleGiven) c.options.augmentation.motionScale = *motionScale;
            if (args.isSet(QStringLiteral("contrast"))) c.options.augmentation.contrast = *contrast;
            applyTuning(c.options);
        }
        if (args.isSet(QStringLiteral("candidates"))) {
            r.candidates.clear();
            for (const QString& w :
                 args.value(QStringLiteral("candidates")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                auto c = namedTrainingCandidate(w, o);
                if (!c) {
                    *exit = usageError(
                        QStringLiteral(
                            "--candidates: unknown configuration '%1' (motion, appearance, two-stream, each with or "
                            "without +cnn)")
                            .arg(w),
                        args.usage);
                    return std::nullopt;
                }
                if (motionScaleGiven) c->options.augmentation.motionScale = *motionScale;
                if (args.isSet(QStringLiteral("epochs"))) c->options.minSteps = 0; // exactly the epochs asked for
                if (args.isSet(QStringLiteral("contrast"))) c->options.augmentation.contrast = *contrast;
                applyTuning(c->options);
                r.candidates.push_back(*c);
            }
            if (r.candidates.empty()) {
                *exit = usageError(QStringLiteral("--candidates needs at least one configuration"), args.usage);
                return std::nullopt;
            }
        }
    } else if (args.isSet(QStringLiteral("candidates"))) {
        *exit =
            usageError(QStringLiteral("--candidates cannot be combined with model options (--arch, --streams, ...)"),
                       args.usage);
        return std::nullopt;
    }
    return r;
}

} // namespace fl::cli
