// FragmentModel: creation, deep copies, checkpoint save/load with validation.
#include "ml/FragmentModel.h"

#include "ml/WriteFailure.h"
#include "ml/detail/ModelState.h"

#include <torch/serialize.h>
#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>
#include <torch/utils.h>
#include <torch/version.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <sstream>

#include <fcntl.h>
#include <unistd.h>

namespace fl::ml {

namespace {

std::string oneLine(std::string s)
{
    // c10::Error messages carry a C++ stack trace after the first line.
    if (auto nl = s.find('\n'); nl != std::string::npos) s.resize(nl);
    return s;
}

std::uint64_t fnv1a(std::uint64_t h, const void* data, size_t n)
{
    const auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < n; ++i) {
        h ^= p[i];
        h *= 1099511628211ULL;
    }
    return h;
}

// A checksum over every parameter and buffer (names, shapes, bytes) in registration order.
std::uint64_t weightsChecksum(const detail::FragmentNetworkImpl& net)
{
    std::uint64_t h = 1469598103934665603ULL;
    auto add = [&h](const std::string& name, const torch::Tensor& t) {
        h = fnv1a(h, name.data(), name.size());
        const auto sizes = t.sizes();
        h = fnv1a(h, sizes.data(), sizes.size() * sizeof(int64_t));
        const auto c = t.detach().to(torch::kCPU).contiguous();
        h = fnv1a(h, c.data_ptr(), size_t(c.numel()) * c.element_size());
    };
    for (const auto& p : net.named_parameters()) add(p.key(), p.value());
    for (const auto& b : net.named_buffers()) add(b.key(), b.value());
    return h;
}

std::map<std::string, std::vector<int64_t>> shapesOf(const detail::FragmentNetworkImpl& net)
{
    std::map<std::string, std::vector<int64_t>> shapes;
    for (const auto& p : net.named_parameters()) shapes[p.key()] = p.value().sizes().vec();
    for (const auto& b : net.named_buffers()) shapes[b.key()] = b.value().sizes().vec();
    return shapes;
}

c10::List<std::string> stringList(const std::vector<std::string>& v)
{
    c10::List<std::string> list;
    for (const auto& s : v) list.push_back(s);
    return list;
}

c10::List<double> doubleList(const std::array<float, 3>& v)
{
    c10::List<double> list;
    for (float f : v) list.push_back(double(f));
    return list;
}

// Typed reads of the metadata with one-line errors.
class MetaReader {
public:
    explicit MetaReader(torch::serialize::InputArchive& ar) : m_ar(ar) {}
    std::string error;

    c10::IValue get(const std::string& key)
    {
        c10::IValue v;
        if (error.empty() && !m_ar.try_read(key, v)) error = "missing field \"" + key + "\"";
        return v;
    }
    std::string string(const std::string& key)
    {
        auto v = get(key);
        if (!error.empty()) return {};
        if (!v.isString()) {
            error = "field \"" + key + "\" is not text";
            return {};
        }
        return v.toStringRef();
    }
    std::int64_t integer(const std::string& key)
    {
        auto v = get(key);
        if (!error.empty()) return 0;
        if (!v.isInt()) {
            error = "field \"" + key + "\" is not an integer";
            return 0;
        }
        return v.toInt();
    }
    double number(const std::string& key)
    {
        auto v = get(key);
        if (!error.empty()) return 0;
        if (v.isInt()) return double(v.toInt());
        if (!v.isDouble()) {
            error = "field \"" + key + "\" is not a number";
            return 0;
        }
        return v.toDouble();
    }
    bool boolean(const std::string& key)
    {
        auto v = get(key);
        if (!error.empty()) return false;
        if (!v.isBool()) {
            error = "field \"" + key + "\" is not true/false";
            return false;
        }
        return v.toBool();
    }
    std::vector<std::string> strings(const std::string& key)
    {
        auto v = get(key);
        std::vector<std::string> out;
        if (!error.empty()) return out;
        if (!v.isList()) {
            error = "field \"" + key + "\" is not a list";
            return out;
        }
        for (const auto& e : v.toListRef()) {
            if (!e.isString()) {
                error = "field \"" + key + "\" holds a non-text entry";
                return {};
            }
            out.push_back(e.toStringRef());
        }
        return out;
    }
    std::vector<double> numbers(const std::string& key)
    {
        auto v = get(key);
        std::vector<double> out;
        if (!error.empty()) return out;
        if (!v.isList()) {
            error = "field \"" + key + "\" is not a list";
            return out;
        }
        for (const auto& e : v.toListRef()) {
            if (!e.isDouble()) {
                error = "field \"" + key + "\" holds a non-number";
                return {};
            }
            out.push_back(e.toDouble());
        }
        return out;
    }
    std::array<float, 3> triple(const std::string& key)
    {
        auto v = get(key);
        std::array<float, 3> out{};
        if (!error.empty()) return out;
        if (!v.isList() || v.toListRef().size() != 3) {
            error = "field \"" + key + "\" is not a list of 3 numbers";
            return out;
        }
        for (size_t i = 0; i < 3; ++i) {
            const auto& e = v.toListRef()[i];
            if (!e.isDouble()) {
                error = "field \"" + key + "\" is not a list of 3 numbers";
                return out;
            }
            out[i] = float(e.toDouble());
        }
        return out;
    }

private:
    torch::serialize::InputArchive& m_ar;
};

} // namespace

FragmentModel::FragmentModel() = default;
FragmentModel::~FragmentModel() = default;
FragmentModel::FragmentModel(const FragmentModel&) = default;
FragmentModel& FragmentModel::operator=(const FragmentModel&) = default;
FragmentModel::FragmentModel(FragmentModel&&) noexcept = default;
FragmentModel& FragmentModel::operator=(FragmentModel&&) noexcept = default;
FragmentModel::FragmentModel(std::shared_ptr<Impl> impl) : m_impl(std::move(impl)) {}

MlResult<FragmentModel> FragmentModel::create(const ModelInfo& info, std::uint64_t seed)
{
    if (auto e = info.validate(); !e.empty()) return MlStatus::failure("invalid model: " + e);
    auto impl = std::make_shared<Impl>();
    impl->info = info;
    if (impl->info.torchVersion.empty()) impl->info.torchVersion = TORCH_VERSION;
    {
        // The weights come from LibTorch's global generator: seed and draw them in one go, so
        // models made on several threads at once are each what their seed makes.
        static std::mutex globalGenerator;
        std::lock_guard lock(globalGenerator);
        torch::manual_seed(seed);
        impl->net = detail::makeNetwork(info.config);
    }
    impl->net->seedDropout(seed * 0x2545F4914F6CDD1DULL + 1);
    return FragmentModel(std::move(impl));
}

const ModelInfo& FragmentModel::info() const
{
    static const ModelInfo none;
    return m_impl ? m_impl->info : none;
}

void FragmentModel::setInfo(const ModelInfo& info)
{
    if (m_impl && info.config == m_impl->info.config) m_impl->info = info;
}

ModelSize FragmentModel::size() const
{
    ModelSize s;
    if (!m_impl) return s;
    s.parameters = m_impl->net->parameterCount();
    s.macsPerFragment = m_impl->net->macsPerFragment();
    return s;
}

std::vector<std::string> FragmentModel::layerNames() const
{
    return m_impl ? m_impl->net->layerNames() : std::vector<std::string>{};
}

bool FragmentModel::hasOptimizerState() const
{
    return m_impl && !m_impl->optimizerState.empty();
}

FragmentModel FragmentModel::clone() const
{
    if (!m_impl) return {};
    auto impl = std::make_shared<Impl>(*m_impl);
    impl->net = detail::makeNetwork(m_impl->info.config);
    torch::NoGradGuard noGrad;
    auto src = m_impl->net->named_parameters();
    for (auto& p : impl->net->named_parameters()) p.value().copy_(src[p.key()]);
    auto srcBuffers = m_impl->net->named_buffers();
    for (auto& b : impl->net->named_buffers()) b.value().copy_(srcBuffers[b.key()]);
    impl->net->train(m_impl->net->is_training());
    return FragmentModel(std::move(impl));
}

MlStatus FragmentModel::save(const std::string& file) const
{
    if (!m_impl) return MlStatus::failure(file + ": no model to save");
    const ModelInfo& i = m_impl->info;
    // Written with our own descriptor (not LibTorch's stream), so a failed write keeps its
    // errno (disk full, permission denied) for the message, and the bytes reach the disk
    // (fsync) before the rename makes them the checkpoint.
    const std::string partial = file + ".partial";
    const int fd = ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return MlStatus::failure(file + ": cannot save the model: " + writeFailureReason(errno));
    int writeErrno = 0;
    // After a failed write the rest is discarded but reported as written: LibTorch's zip
    // writer must finish normally (a short count makes it throw from its destructor, which
    // terminates the process); writeErrno then fails the save.
    const auto writeAll = [fd, &writeErrno](const void* data, size_t size) -> size_t {
        if (writeErrno) return size;
        const char* p = static_cast<const char*>(data);
        size_t left = size;
        while (left > 0) {
            const ssize_t n = ::write(fd, p, left);
            if (n < 0) {
                if (errno == EINTR) continue;
                writeErrno = errno;
                return size;
            }
            p += n;
            left -= size_t(n);
        }
        return size;
    };
    const auto abandon = [fd, &partial](const std::string& why) {
        ::close(fd);
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        return MlStatus::failure(why);
    };
    try {
        torch::serialize::OutputArchive ar;
        ar.write("fragmentlab.format", c10::IValue(std::string(kFormat)));
        ar.write("fragmentlab.version", c10::IValue(std::int64_t(kFormatVersion)));
        ar.write("meta.architecture", c10::IValue(architectureName(i.config.architecture)));
        ar.write("meta.fusion", c10::IValue(fusionName(i.config.fusion)));
        ar.write("meta.frames", c10::IValue(std::int64_t(i.config.frames)));
        ar.write("meta.input_size", c10::IValue(std::int64_t(i.config.inputSize)));
        ar.write("meta.frame_difference", c10::IValue(i.config.frameDifference));
        ar.write("meta.width", c10::IValue(std::int64_t(i.config.width)));
        ar.write("meta.feature_size", c10::IValue(std::int64_t(i.config.featureSize)));
        ar.write("meta.dropout", c10::IValue(i.config.dropout));
        ar.write("meta.classes", c10::IValue(stringList(i.classes)));
        ar.write("meta.fragment_length", c10::IValue(std::int64_t(i.fragment.length)));
        ar.write("meta.fragment_stride", c10::IValue(std::int64_t(i.fragment.stride)));
        ar.write("meta.fragment_step", c10::IValue(std::int64_t(i.fragment.step)));
        ar.write("meta.norm_mean", c10::IValue(doubleList(i.normalization.mean)));
        ar.write("meta.norm_std", c10::IValue(doubleList(i.normalization.stdev)));
        ar.write("meta.torch_version",
                 c10::IValue(i.torchVersion.empty() ? std::string(TORCH_VERSION) : i.torchVersion));
        ar.write("meta.trained_at", c10::IValue(i.trainedAt));
        ar.write("meta.device", c10::IValue(i.device));
        ar.write("meta.seed", c10::IValue(static_cast<std::int64_t>(i.seed)));
        ar.write("meta.best_epoch", c10::IValue(std::int64_t(i.bestEpoch)));
        ar.write("meta.validation_macro_f1", c10::IValue(i.validationMacroF1));
        ar.write("meta.validation_accuracy", c10::IValue(i.validationAccuracy));
        ar.write("meta.appearance_stream", c10::IValue(i.config.appearanceStream));
        ar.write("meta.motion_stream", c10::IValue(i.config.motionStream));
        ar.write("meta.statistics", c10::IValue(i.config.statistics));
        ar.write("meta.convolutions", c10::IValue(i.config.convolutions));
        ar.write("meta.temperature", c10::IValue(i.temperature));
        c10::List<double> thresholds;
        for (double t : i.classThresholds) thresholds.push_back(t);
        ar.write("meta.class_thresholds", c10::IValue(thresholds));
        ar.write("meta.min_bout", c10::IValue(std::int64_t(i.minBout)));

        // Weights on the CPU, so a checkpoint trained on a GPU loads anywhere.
        // (clone() builds the copy on the CPU.)
        const bool onCpu = m_impl->net->parameters().empty() || m_impl->net->parameters().front().device().is_cpu();
        const FragmentModel cpuModel = onCpu ? *this : clone();
        torch::serialize::OutputArchive weights;
        cpuModel.m_impl->net->save(weights);
        ar.write("model", weights);
        if (!m_impl->optimizerState.empty()) {
            auto bytes = torch::empty({std::int64_t(m_impl->optimizerState.size())}, torch::kUInt8);
            std::memcpy(bytes.data_ptr(), m_impl->optimizerState.data(), m_impl->optimizerState.size());
            ar.write("optimizer", bytes);
        }
        ar.write("fragmentlab.checksum",
                 c10::IValue(static_cast<std::int64_t>(weightsChecksum(*cpuModel.m_impl->net))));
        ar.save_to(writeAll);
    } catch (const std::exception& e) {
        return abandon(
            file + ": cannot save the model: " + (writeErrno ? writeFailureReason(writeErrno) : oneLine(e.what())));
    }
    if (writeErrno) return abandon(file + ": cannot save the model: " + writeFailureReason(writeErrno));
    if (::fsync(fd) != 0) return abandon(file + ": cannot save the model: " + writeFailureReason(errno));
    if (::close(fd) != 0) {
        const int err = errno;
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        return MlStatus::failure(file + ": cannot save the model: " + writeFailureReason(err));
    }
    std::error_code ec;
    std::filesystem::rename(partial, file, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        return MlStatus::failure(file + ": cannot save the model: " + writeFailureReason(ec.value()));
    }
    return MlStatus::success();
}

MlResult<FragmentModel> FragmentModel::load(const std::string& file)
{
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return MlStatus::failure(file + ": not found");
    if (std::filesystem::is_directory(file, ec)) return MlStatus::failure(file + ": is a folder, not a model file");
    torch::serialize::InputArchive ar;
    try {
        ar.load_from(file, torch::kCPU);
    } catch (const std::exception& e) {
        return MlStatus::failure(file + ": not a FragmentLab model or damaged (" + oneLine(e.what()) + ")");
    }
    try {
        MetaReader meta(ar);
        if (meta.string("fragmentlab.format") != kFormat || !meta.error.empty())
            return MlStatus::failure(file + ": not a FragmentLab model file");
        const auto version = meta.integer("fragmentlab.version");
        if (!meta.error.empty()) return MlStatus::failure(file + ": damaged model file: " + meta.error);
        if (version > kFormatVersion)
            return MlStatus::failure(file + ": written by a newer FragmentLab (model format " + std::to_string(version)
                                     + ", this one reads up to " + std::to_string(kFormatVersion) + ")");
        if (version < 1) return MlStatus::failure(file + ": invalid model format version " + std::to_string(version));

        ModelInfo info;
        const auto arch = parseArchitecture(meta.string("meta.architecture"));
        const auto fusion = parseFusion(meta.string("meta.fusion"));
        if (meta.error.empty() && (!arch || !fusion)) meta.error = "unknown architecture or fusion";
        if (arch) info.config.architecture = *arch;
        if (fusion) info.config.fusion = *fusion;
        info.config.frames = int(meta.integer("meta.frames"));
        info.config.inputSize = int(meta.integer("meta.input_size"));
        info.config.frameDifference = meta.boolean("meta.frame_difference");
        info.config.width = int(meta.integer("meta.width"));
        info.config.featureSize = int(meta.integer("meta.feature_size"));
        info.config.dropout = meta.number("meta.dropout");
        info.classes = meta.strings("meta.classes");
        info.config.classes = int(info.classes.size());
        info.fragment.length = int(meta.integer("meta.fragment_length"));
        info.fragment.stride = int(meta.integer("meta.fragment_stride"));
        info.fragment.step = int(meta.integer("meta.fragment_step"));
        info.normalization.mean = meta.triple("meta.norm_mean");
        info.normalization.stdev = meta.triple("meta.norm_std");
        info.torchVersion = meta.string("meta.torch_version");
        info.trainedAt = meta.string("meta.trained_at");
        info.device = meta.string("meta.device");
        info.seed = static_cast<std::uint64_t>(meta.integer("meta.seed"));
        info.bestEpoch = int(meta.integer("meta.best_epoch"));
        info.validationMacroF1 = meta.number("meta.validation_macro_f1");
        info.validationAccuracy = meta.number("meta.validation_accuracy");
        if (version >= 2) {
            info.config.appearanceStream = meta.boolean("meta.appearance_stream");
            info.config.motionStream = meta.boolean("meta.motion_stream");
            info.config.statistics = meta.boolean("meta.statistics");
            info.config.convolutions = meta.boolean("meta.convolutions");
            info.temperature = meta.number("meta.temperature");
            info.classThresholds = meta.numbers("meta.class_thresholds");
            info.minBout = int(meta.integer("meta.min_bout"));
        }
        const auto checksum = static_cast<std::uint64_t>(meta.integer("fragmentlab.checksum"));
        if (!meta.error.empty()) return MlStatus::failure(file + ": damaged model file: " + meta.error);
        if (auto e = info.validate(); !e.empty()) return MlStatus::failure(file + ": damaged model file: " + e);

        auto impl = std::make_shared<Impl>();
        impl->info = info;
        impl->net = detail::makeNetwork(info.config);
        const auto expected = shapesOf(*impl->net);
        torch::serialize::InputArchive weights;
        if (!ar.try_read("model", weights)) return MlStatus::failure(file + ": damaged model file: no weights");
        impl->net->load(weights);
        if (shapesOf(*impl->net) != expected)
            return MlStatus::failure(file + ": damaged model file: the weights do not fit " + info.config.describe());
        if (weightsChecksum(*impl->net) != checksum)
            return MlStatus::failure(file + ": damaged model file: the weights fail their checksum");
        torch::Tensor optimizer;
        if (ar.try_read("optimizer", optimizer) && optimizer.defined()) {
            optimizer = optimizer.contiguous();
            impl->optimizerState.assign(static_cast<const char*>(optimizer.data_ptr()), size_t(optimizer.numel()));
        }
        impl->net->eval();
        return FragmentModel(std::move(impl));
    } catch (const std::exception& e) {
        return MlStatus::failure(file + ": damaged model file (" + oneLine(e.what()) + ")");
    }
}

} // namespace fl::ml
