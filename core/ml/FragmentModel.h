#pragma once
// A fragment classifier: network weights plus ModelInfo (classes, geometry, input size,
// normalisation, provenance), and the optimizer state it was trained with. LibTorch stays
// behind a pimpl: this header is safe for core/, ui/ and moc.
//
// Copies share the weights (cheap, thread-safe for inference); clone() makes a deep copy.
// Checkpoints: save() writes "<file>.partial" and renames it over <file>, so a killed save
// never leaves a file that load() would take as valid; load() validates the format tag, the
// format version, the metadata, every tensor's shape and a checksum over the weights, and
// says what is wrong in one line.
#include "ml/MlResult.h"
#include "ml/ModelInfo.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace fl::ml {

struct ModelSize {
    std::int64_t parameters = 0;
    std::int64_t macsPerFragment = 0; // multiply-accumulates of one forward pass
    std::int64_t flopsPerFragment() const { return 2 * macsPerFragment; }
};

class FragmentModel {
public:
    static constexpr const char* kFormat = "fragmentlab-model";
    // 2: the twostream architecture's options, calibration temperature, class thresholds and
    // minimum bout (version 1 files still load: no calibration, argmax, no smoothing).
    static constexpr int kFormatVersion = 2;

    FragmentModel(); // invalid (isValid() false)
    ~FragmentModel();
    FragmentModel(const FragmentModel&);
    FragmentModel& operator=(const FragmentModel&);
    FragmentModel(FragmentModel&&) noexcept;
    FragmentModel& operator=(FragmentModel&&) noexcept;

    // A randomly initialised model (torch::manual_seed(seed) first). Fails on an invalid info.
    static MlResult<FragmentModel> create(const ModelInfo& info, std::uint64_t seed);
    static MlResult<FragmentModel> load(const std::string& file);
    MlStatus save(const std::string& file) const;

    bool isValid() const { return bool(m_impl); }
    const ModelInfo& info() const;
    void setInfo(const ModelInfo& info); // metadata only; config must stay the same
    ModelSize size() const;
    // Names of the layers whose activations can be inspected (see detail/Networks.h).
    std::vector<std::string> layerNames() const;
    bool hasOptimizerState() const;
    FragmentModel clone() const;

    // Internal (core/ml .cpp files only): see detail/ModelState.h.
    struct Impl;
    Impl* impl() const { return m_impl.get(); }

private:
    explicit FragmentModel(std::shared_ptr<Impl> impl);
    std::shared_ptr<Impl> m_impl;
};

} // namespace fl::ml
