#pragma once
// The on-disk fragment cache that training and inference share: every frame of a video
// decoded once, resized to the model's input size, stored as RGB uint8 in one
// memory-mapped file. A fragment comes out as one tensor-ready block T x H x W x 3.
//
// File: <cacheDir>/frames/<content-hash>_<W>x<H>.flcache — a header (magic, version, size,
// frame count, the video's content hash) then the frames back to back. It is written through
// QSaveFile (a temporary file renamed only when complete), so a cancelled or killed build
// leaves nothing that could be taken as valid. Any spec (T, S, K) reads the same file.
#include "Cancellation.h"
#include "Result.h"
#include "fragments/FragmentSpec.h"
#include "video/VideoSource.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace fl {

struct FrameSize {
    int width = 112;
    int height = 112;
    bool operator==(const FrameSize&) const = default;
};

// Sees each frame while ensure() builds a cache: its index and H x W x 3 RGB pixels (valid
// only during the call), in order. Returning false stops the build (it fails as cancelled).
// Lets a consumer (the prediction job) work on frames while the video is still decoding.
using CachedFrameObserver = std::function<bool(qint64 i, const std::uint8_t* rgb)>;

class FragmentCache {
public:
    FragmentCache() = default;

    static QString fileFor(const QString& cacheDir, const QString& contentHash, FrameSize size);
    // The form the cache stores frames in (and a model sees them): RGB at `size`, shrunk from the
    // decoder's own pixels by libswscale's area average. VideoSource::frame(i, modelFormat(size))
    // gives a frame outside any cache (the inspector) exactly as the cache would hold it.
    static FrameFormat modelFormat(FrameSize size);

    // Opens the cache of `videoPath` at `size`, building it first if missing or stale (reuses or
    // writes the frame index in options.indexCacheDir). Without an index, the indexing pass
    // builds it; with one, the video is read in parts by several decoders at once
    // (readInParts), unless an observer is set: it sees every frame of a build in order (not
    // called when a valid cache already exists), so those builds read in one pass.
    static Result<FragmentCache> ensure(const QString& videoPath, const QString& cacheDir, FrameSize size,
                                        const VideoOpenOptions& options = {}, const WorkControl& control = {},
                                        const CachedFrameObserver& observer = {});
    // Opens an existing, complete cache file; fails (naming the file) if it is damaged.
    static Result<FragmentCache> open(const QString& file);

    bool isValid() const { return m_data != nullptr; }
    QString file() const;
    FrameSize frameSize() const { return m_size; }
    qint64 frameCount() const { return m_frameCount; }
    QString contentHash() const { return m_hash; }
    qint64 bytesPerFrame() const { return qint64(m_size.width) * m_size.height * 3; }

    // Pointer to frame i's H x W x 3 RGB pixels (valid while this object lives).
    const std::uint8_t* frame(qint64 i) const;
    // Lets go of the mapped pages of frames [first, end) in this process (they stay in the
    // system's page cache; reading them again just maps them back). A sequential reader of a
    // long video calls it behind itself, so its memory does not grow with the video.
    void releaseFrames(qint64 first, qint64 end) const;
    // Copies fragment `fragment` of `spec` into out (T * H * W * 3 bytes).
    Status fragmentBlock(const FragmentSpec& spec, qint64 fragment, std::uint8_t* out) const;
    std::vector<std::uint8_t> fragmentBlock(const FragmentSpec& spec, qint64 fragment) const;

private:
    struct Mapping;
    std::shared_ptr<Mapping> m_map;
    const std::uint8_t* m_data = nullptr;
    FrameSize m_size;
    qint64 m_frameCount = 0;
    QString m_hash;
};

} // namespace fl
