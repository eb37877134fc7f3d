#include "jobs/PredictionJob.h"

#include "training/ModelDecisions.h"

#include "fragments/FragmentCache.h"
#include "ml/FragmentModel.h"
#include "ml/Predictor.h"
#include "training/PredictionStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <condition_variable>
#include <cstring>
#include <deque>
#include <thread>

namespace fl {

namespace {

// Consecutive fragments [first, first + count) as blocks of T x H x W x 3 bytes.
struct BlockBatch {
    qint64 first = 0;
    int count = 0;
    std::vector<std::uint8_t> pixels;
};

// A bounded single-producer / single-consumer queue of batches. close() ends it: push()
// returns false from then on, pop() drains what is left and then returns false.
class BatchQueue {
public:
    explicit BatchQueue(size_t capacity) : m_capacity(std::max<size_t>(1, capacity)) {}

    bool push(BlockBatch batch)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_closed || m_items.size() < m_capacity; });
        if (m_closed) return false;
        m_items.push_back(std::move(batch));
        m_changed.notify_all();
        return true;
    }
    // Waits at most `ms` for an item (so the consumer can check its cancel flag).
    enum class Pop { Item, Timeout, Closed };
    Pop pop(BlockBatch& out, int ms)
    {
        std::unique_lock lock(m_mutex);
        if (!m_changed.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_closed || !m_items.empty(); }))
            return Pop::Timeout;
        if (m_items.empty()) return Pop::Closed;
        out = std::move(m_items.front());
        m_items.pop_front();
        m_changed.notify_all();
        return Pop::Item;
    }
    void close(Status status = Status::success())
    {
        std::lock_guard lock(m_mutex);
        if (!m_closed) m_status = std::move(status);
        m_closed = true;
        m_changed.notify_all();
    }
    Status status() const
    {
        std::lock_guard lock(m_mutex);
        return m_status;
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<BlockBatch> m_items;
    size_t m_capacity;
    bool m_closed = false;
    Status m_status;
};

// Cuts a stream of frames (in order) into fragment blocks and batches them.
class BlockAssembler {
public:
    BlockAssembler(const FragmentSpec& spec, qint64 fragments, qint64 frameBytes, int batchSize, BatchQueue& queue)
        : m_spec(spec), m_fragments(fragments), m_frameBytes(frameBytes), m_batchSize(std::max(1, batchSize)),
          m_queue(queue), m_ring(size_t(spec.span() * frameBytes))
    {}

    // Frame i's RGB pixels; false when the queue was closed (cancel).
    bool add(qint64 i, const std::uint8_t* rgb)
    {
        const qint64 span = m_spec.span();
        std::memcpy(m_ring.data() + (i % span) * m_frameBytes, rgb, size_t(m_frameBytes));
        const qint64 start = i - (span - 1); // first frame of the fragment that ends here
        if (start < 0 || start % m_spec.stride != 0) return true;
        const qint64 j = start / m_spec.stride;
        if (j >= m_fragments) return true;
        if (m_batch.count == 0) {
            m_batch.first = j;
            m_batch.pixels.resize(size_t(m_batchSize) * size_t(m_spec.length * m_frameBytes));
        }
        std::uint8_t* dst = m_batch.pixels.data() + size_t(m_batch.count) * size_t(m_spec.length * m_frameBytes);
        for (int t = 0; t < m_spec.length; ++t)
            std::memcpy(dst + t * m_frameBytes, m_ring.data() + (m_spec.frameAt(j, t) % span) * m_frameBytes,
                        size_t(m_frameBytes));
        ++m_batch.count;
        if (m_batch.count == m_batchSize || j == m_fragments - 1) return flush();
        return true;
    }
    bool flush()
    {
        if (m_batch.count == 0) return true;
        m_batch.pixels.resize(size_t(m_batch.count) * size_t(m_spec.length * m_frameBytes));
        const bool ok = m_queue.push(std::move(m_batch));
        m_batch = {};
        return ok;
    }
    bool calledOnce() const { return m_calls > 0; }
    void count() { ++m_calls; }

private:
    FragmentSpec m_spec;
    qint64 m_fragments;
    qint64 m_frameBytes;
    int m_batchSize;
    BatchQueue& m_queue;
    std::vector<std::uint8_t> m_ring;
    BlockBatch m_batch;
    qint64 m_calls = 0;
};

} // namespace

PredictionJob::PredictionJob(Project project, PredictionRequest request, QObject* parent)
    : Job(QStringLiteral("Prediction"), parent), m_project(std::move(project)), m_request(std::move(request))
{}

QString PredictionJob::modelFile() const
{
    std::lock_guard lock(m_mutex);
    return m_modelFile;
}

QString PredictionJob::modelId() const
{
    std::lock_guard lock(m_mutex);
    return m_modelId;
}

VideoPredictions PredictionJob::snapshot(const QString& video) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_results.find(video);
    return it == m_results.end() ? VideoPredictions{} : it->second;
}

bool PredictionJob::copyRows(const QString& video, qint64 first, qint64 count, VideoPredictions& into) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_results.find(video);
    if (it == m_results.end()) return false;
    const VideoPredictions& from = it->second;
    if (from.fragmentCount() != into.fragmentCount() || from.classes.size() != into.classes.size() || first < 0
        || count < 0 || first + count > from.fragmentCount())
        return false;
    const size_t k = size_t(from.classes.size());
    std::copy_n(from.probabilities.begin() + qsizetype(first * k), size_t(count) * k,
                into.probabilities.begin() + qsizetype(first * k));
    if (from.hasFeatures()) {
        if (into.featureSize != from.featureSize || into.features.size() != from.features.size()) {
            into.featureSize = from.featureSize;
            into.features.assign(from.features.size(), 0.0f);
        }
        const size_t d = size_t(from.featureSize);
        std::copy_n(from.features.begin() + qsizetype(first * d), size_t(count) * d,
                    into.features.begin() + qsizetype(first * d));
    }
    return true;
}

SmoothingOptions PredictionJob::modelDecisions() const
{
    std::lock_guard lock(m_mutex);
    return m_decisions;
}

std::vector<VideoPredictions> PredictionJob::results() const
{
    std::lock_guard lock(m_mutex);
    std::vector<VideoPredictions> out;
    for (const QString& v : m_order) out.push_back(m_results.at(v));
    return out;
}

QStringList PredictionJob::savedFiles() const
{
    std::lock_guard lock(m_mutex);
    return m_saved;
}

Status PredictionJob::saveVideo(const QString& video)
{
    if (!m_request.save) return Status::success();
    const VideoPredictions copy = snapshot(video);
    auto file = PredictionStore::save(m_project, copy);
    if (!file) return file.status();
    std::lock_guard lock(m_mutex);
    if (!m_saved.contains(*file)) m_saved << *file;
    return Status::success();
}

Status PredictionJob::execute(const WorkControl& control)
{
    const QString modelFile = m_request.modelFile.isEmpty() ? m_project.activeModelFile() : m_request.modelFile;
    if (modelFile.isEmpty())
        return Status::failure(QStringLiteral("%1: no active model (train one first)").arg(m_project.projectFile()));
    if (!QFileInfo::exists(modelFile))
        return Status::failure(QStringLiteral("%1: model file not found").arg(modelFile));
    auto model = ml::FragmentModel::load(QFile::encodeName(modelFile).toStdString());
    if (!model) return Status::failure(QString::fromStdString(model.error()));
    const ml::ModelInfo& info = model->info();
    const FragmentSpec spec = m_project.spec();
    if (info.fragment.length != spec.length || info.fragment.step != spec.step)
        return Status::failure(
            QStringLiteral("%1: the model reads fragments of %2 frames with step %3, the project now uses %4; "
                           "train a new model")
                .arg(modelFile)
                .arg(info.fragment.length)
                .arg(info.fragment.step)
                .arg(spec.toString()));
    QStringList classes;
    for (const auto& c : info.classes) classes << QString::fromStdString(c);
    const QString modelId = QFileInfo(modelFile).fileName();
    {
        std::lock_guard lock(m_mutex);
        m_modelFile = modelFile;
        m_modelId = modelId;
        m_decisions = modelSmoothing(info);
    }

    std::vector<int> videos;
    if (m_request.videos.isEmpty()) {
        for (int i = 0; i < m_project.videoCount(); ++i) videos.push_back(i);
    } else {
        for (const QString& name : m_request.videos) {
            const int i = m_project.videoIndexByName(name);
            if (i < 0)
                return Status::failure(
                    QStringLiteral("%1: no video \"%2\" in the project").arg(m_project.projectFile(), name));
            videos.push_back(i);
        }
    }
    if (videos.empty())
        return Status::failure(QStringLiteral("%1: the project has no videos").arg(m_project.projectFile()));
    qint64 total = 0;
    for (int v : videos) total += spec.count(m_project.video(v).frameCount);

    auto predictor = ml::Predictor::create(*model, m_request.device, std::max(1, m_request.batchSize));
    if (!predictor) return Status::failure(QString::fromStdString(predictor.error()));
    const int size = info.config.inputSize;
    const qint64 frameBytes = qint64(size) * size * 3;
    const qint64 blockBytes = frameBytes * spec.length;
    const int featureSize = m_request.keepFeatures ? info.config.featureSize : 0;

    qint64 done = 0;
    for (int v : videos) {
        const ProjectVideo& pv = m_project.video(v);
        const QString name = pv.fileName();
        const qint64 fragments = spec.count(pv.frameCount);
        {
            std::lock_guard lock(m_mutex);
            m_results[name] = VideoPredictions::empty(name, modelId, classes, spec, pv.frameCount, featureSize);
            if (!m_order.contains(name)) m_order << name;
        }
        emit videoStarted(name, fragments);
        const QString what = QStringLiteral("Predicting %1").arg(name);
        if (m_request.reuseFresh && m_request.save) {
            auto stored = PredictionStore::read(PredictionStore::fileFor(m_project, modelId, name));
            if (stored && PredictionStore::staleReason(m_project, v, *stored).isEmpty()
                && stored->predictions.classes == classes && stored->predictions.predictedCount() == fragments
                && (featureSize == 0 || stored->predictions.featureSize == featureSize)) {
                VideoPredictions reused = std::move(stored->predictions);
                if (featureSize == 0) {
                    reused.featureSize = 0;
                    reused.features.clear();
                }
                {
                    std::lock_guard lock(m_mutex);
                    m_results[name] = std::move(reused);
                }
                done += fragments;
                emit rowsPredicted(name, 0, fragments);
                control.report(done, total, what);
                emit videoFinished(name, fragments);
                continue;
            }
        }
        control.report(done, total, what);
        if (fragments == 0) {
            if (Status s = saveVideo(name); !s) return s;
            emit videoFinished(name, 0);
            continue;
        }

        // Producer: frames -> fragment blocks -> queue.
        const QString path = m_project.absoluteVideoPath(v);
        if (!QFileInfo(path).isFile())
            return Status::failure(QStringLiteral("%1: video not found (relink the project's videos)").arg(path));
        BatchQueue queue(size_t(std::max(1, m_request.queueBatches)));
        std::atomic<bool> stop{false};
        std::thread producer([&, path] {
            BlockAssembler assembler(spec, fragments, frameBytes, m_request.batchSize, queue);
            WorkControl producerControl;
            producerControl.cancel = &stop;
            VideoOpenOptions options;
            options.indexCacheDir = m_project.indexCacheDir();
            const CachedFrameObserver observer = [&assembler](qint64 i, const std::uint8_t* rgb) {
                assembler.count();
                return assembler.add(i, rgb);
            };
            auto cache = FragmentCache::ensure(path, m_project.cacheDir(), FrameSize{size, size}, options,
                                               producerControl, observer);
            if (!cache) {
                queue.close(cache.status());
                return;
            }
            if (cache->frameCount() < pv.frameCount) {
                queue.close(Status::failure(
                    QStringLiteral("%1: decoded %2 frames, the project expects %3 (the file changed? relink it)")
                        .arg(path)
                        .arg(cache->frameCount())
                        .arg(pv.frameCount)));
                return;
            }
            if (!assembler.calledOnce()) {
                // The cache existed: read the frames from it (no decoding). The assembler copies
                // each frame, so the pages behind are let go (memory stays flat on long videos).
                constexpr qint64 kReleaseEvery = 256;
                for (qint64 i = 0; i < pv.frameCount; ++i) {
                    if (stop.load() || !assembler.add(i, cache->frame(i))) break;
                    // Two windows: the page a window's start shares with the one before goes too.
                    if ((i + 1) % kReleaseEvery == 0) cache->releaseFrames(i + 1 - 2 * kReleaseEvery, i + 1);
                }
            }
            assembler.flush();
            queue.close();
        });
        const auto finishProducer = [&] {
            stop.store(true);
            queue.close(Status::failure(QStringLiteral("cancelled")));
            producer.join();
        };

        QElapsedTimer sinceSave;
        sinceSave.start();
        qint64 predicted = 0;
        Status failure;
        bool cancelled = false;
        std::vector<const std::uint8_t*> blocks;
        for (;;) {
            if (control.cancelled()) {
                cancelled = true;
                break;
            }
            BlockBatch batch;
            const auto popped = queue.pop(batch, 100);
            if (popped == BatchQueue::Pop::Timeout) continue;
            if (popped == BatchQueue::Pop::Closed) {
                failure = queue.status();
                break;
            }
            blocks.clear();
            for (int i = 0; i < batch.count; ++i)
                blocks.push_back(batch.pixels.data() + size_t(i) * size_t(blockBytes));
            auto rows = predictor->predict(blocks);
            if (!rows) {
                failure = Status::failure(QStringLiteral("%1: %2").arg(name, QString::fromStdString(rows.error())));
                break;
            }
            {
                std::lock_guard lock(m_mutex);
                VideoPredictions& p = m_results[name];
                for (int i = 0; i < batch.count; ++i) {
                    const auto& r = (*rows)[size_t(i)];
                    p.setRow(batch.first + i, r.probabilities, featureSize > 0 ? r.features : std::vector<float>{});
                }
            }
            predicted += batch.count;
            done += batch.count;
            emit rowsPredicted(name, batch.first, batch.count);
            control.report(done, total, what);
            if (m_request.saveIntervalSeconds > 0
                && sinceSave.elapsed() >= qint64(m_request.saveIntervalSeconds) * 1000) {
                if (Status s = saveVideo(name); !s) {
                    failure = s;
                    break;
                }
                sinceSave.restart();
            }
        }
        finishProducer();
        // Whatever was predicted is kept, also on cancel or failure (rows not reached stay NaN).
        const Status saved = predicted > 0 || (failure.ok() && !cancelled) ? saveVideo(name) : Status::success();
        if (cancelled) return Status::failure(QStringLiteral("cancelled"));
        if (!failure.ok()) return failure;
        if (!saved.ok()) return saved;
        if (predicted < fragments)
            return Status::failure(
                QStringLiteral("%1: predicted %2 of %3 fragments").arg(path).arg(predicted).arg(fragments));
        emit videoFinished(name, predicted);
    }
    return Status::success();
}

} // namespace fl
