#include "MainWindow.h"

#include "FrameDecoder.h"
#include "FrameView.h"
#include "LabelStrip.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QProgressBar>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStatusBar>
#include <QVBoxLayout>

#include <algorithm>

namespace fl {

namespace {

QString timecode(qint64 frame, double fps)
{
    const double seconds = fps > 0 ? double(frame) / fps : 0;
    const qint64 ms = qint64(seconds * 1000.0 + 0.5);
    return QStringLiteral("%1:%2:%3.%4")
        .arg(ms / 3600000, 2, 10, QLatin1Char('0'))
        .arg(ms / 60000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms / 1000 % 60, 2, 10, QLatin1Char('0'))
        .arg(ms % 1000, 3, 10, QLatin1Char('0'));
}

QIcon swatch(const QColor& color)
{
    QPixmap pm(14, 14);
    pm.fill(color);
    return QIcon(pm);
}

} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("FragmentLab"));
    m_decoder = new FrameDecoder(this);

    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    m_view = new FrameView(central);
    m_view->setMessage(tr("Open a project (File > Open Project...)"));
    m_strip = new LabelStrip(central);
    auto* controls = new QHBoxLayout;
    m_slider = new QSlider(Qt::Horizontal, central);
    m_slider->setToolTip(tr("Position in the video (frame)"));
    m_frameBox = new QSpinBox(central);
    m_frameBox->setToolTip(tr("Current frame number (0-based); type one to go there"));
    m_timeLabel = new QLabel(central);
    m_timeLabel->setMinimumWidth(110);
    controls->addWidget(m_slider, 1);
    controls->addWidget(new QLabel(tr("Frame"), central));
    controls->addWidget(m_frameBox);
    controls->addWidget(m_timeLabel);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_strip);
    layout->addLayout(controls);
    setCentralWidget(central);

    m_videoList = new QListWidget(this);
    m_videoList->setToolTip(tr("Videos of the project; select one to show it"));
    auto* videosDock = new QDockWidget(tr("Videos"), this);
    videosDock->setObjectName(QStringLiteral("videosDock"));
    videosDock->setWidget(m_videoList);
    addDockWidget(Qt::LeftDockWidgetArea, videosDock);

    m_classList = new QListWidget(this);
    m_classList->setToolTip(tr("Classes with their shortcut keys and labeled fragment counts"));
    auto* classesDock = new QDockWidget(tr("Classes"), this);
    classesDock->setObjectName(QStringLiteral("classesDock"));
    classesDock->setWidget(m_classList);
    addDockWidget(Qt::LeftDockWidgetArea, classesDock);

    m_statusLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->hide();
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_progress);

    connect(m_videoList, &QListWidget::currentRowChanged, this, &MainWindow::selectVideo);
    connect(m_slider, &QSlider::valueChanged, this, [this](int v) { seek(v); });
    connect(m_frameBox, &QSpinBox::valueChanged, this, [this](int v) { seek(v); });
    connect(m_strip, &LabelStrip::seekRequested, this, &MainWindow::seek);
    connect(m_decoder, &FrameDecoder::opened, this, [this](const QString&, qint64 frames, double fps, int, int) {
        m_progress->hide();
        m_frameCount = frames;
        m_fps = fps > 0 ? fps : 25.0;
        m_slider->setRange(0, int(std::max<qint64>(0, frames - 1)));
        m_frameBox->setRange(0, int(std::max<qint64>(0, frames - 1)));
        m_strip->setVideo(frames, m_project ? m_project->spec().stride : 1);
        refreshClasses();
        m_frame = -1;
        seek(0);
    });
    connect(m_decoder, &FrameDecoder::frameReady, this, [this](qint64 index, const QImage& image) {
        if (index != m_frame) return;
        m_view->setImage(image);
        emit frameShown(index);
    });
    connect(m_decoder, &FrameDecoder::progress, this, [this](qint64 done, qint64 total, const QString& what) {
        m_progress->show();
        m_progress->setRange(0, int(std::max<qint64>(1, total)));
        m_progress->setValue(int(std::min(done, total)));
        m_progress->setFormat(what + QStringLiteral(" %p%"));
    });
    connect(m_decoder, &FrameDecoder::failed, this, [this](const QString& message) {
        m_progress->hide();
        m_view->setMessage(message);
        statusBar()->showMessage(message, 10000);
    });

    buildActions();
    resize(1280, 800);
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

MainWindow::~MainWindow()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::buildActions()
{
    auto add = [this](QMenu* menu, const QString& text, const QKeySequence& key, const QString& tip, auto slot) {
        auto* action = menu->addAction(text);
        action->setShortcut(key);
        action->setToolTip(tip);
        action->setStatusTip(tip);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    QMenu* file = menuBar()->addMenu(tr("&File"));
    add(file, tr("&Open Project..."), QKeySequence::Open, tr("Open a FragmentLab project folder"), [this] { showOpenDialog(); });
    file->addSeparator();
    add(file, tr("&Quit"), QKeySequence::Quit, tr("Quit FragmentLab"), [this] { close(); });

    QMenu* go = menuBar()->addMenu(tr("&Navigate"));
    add(go, tr("Next Frame"), QKeySequence(Qt::Key_Right), tr("Step one frame forward"), [this] { stepFrames(1); });
    add(go, tr("Previous Frame"), QKeySequence(Qt::Key_Left), tr("Step one frame back"), [this] { stepFrames(-1); });
    add(go, tr("Next Fragment"), QKeySequence(Qt::SHIFT | Qt::Key_Right), tr("Jump to the next fragment's first frame"), [this] { stepFragments(1); });
    add(go, tr("Previous Fragment"), QKeySequence(Qt::SHIFT | Qt::Key_Left), tr("Jump to the previous fragment's first frame"), [this] { stepFragments(-1); });
    add(go, tr("First Frame"), QKeySequence(Qt::Key_Home), tr("Go to the first frame"), [this] { seek(0); });
    add(go, tr("Last Frame"), QKeySequence(Qt::Key_End), tr("Go to the last frame"), [this] { seek(m_frameCount - 1); });
    add(go, tr("Next Video"), QKeySequence(Qt::Key_PageDown), tr("Show the next video of the project"),
        [this] { if (m_project && m_video + 1 < int(m_project->videos().size())) m_videoList->setCurrentRow(m_video + 1); });
    add(go, tr("Previous Video"), QKeySequence(Qt::Key_PageUp), tr("Show the previous video of the project"),
        [this] { if (m_video > 0) m_videoList->setCurrentRow(m_video - 1); });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    add(help, tr("&About FragmentLab"), QKeySequence(Qt::Key_F1), tr("Version, credits and licences"), [this] { showAbout(); });
}

Status MainWindow::openProject(const QString& dir)
{
    auto loaded = Project::load(dir);
    if (!loaded) return loaded.status();
    m_project = std::move(*loaded);
    QSettings().setValue(QStringLiteral("lastProject"), m_project->dir());
    setWindowTitle(tr("FragmentLab - %1").arg(m_project->name()));
    m_video = -1;
    m_videoList->clear();
    for (const ProjectVideo& v : m_project->videos())
        m_videoList->addItem(tr("%1  (%2 frames)").arg(v.fileName()).arg(v.frameCount));
    refreshClasses();
    if (!m_project->videos().empty())
        m_videoList->setCurrentRow(0);
    else
        m_view->setMessage(tr("This project has no videos yet. Add some with: fragmentlab-cli project add %1 VIDEO...").arg(m_project->dir()));
    return Status::success();
}

QColor MainWindow::classColor(const QString& name) const
{
    if (m_project)
        for (const LabelClass& c : m_project->classes())
            if (c.name == name) return QColor(c.color);
    return Qt::gray;
}

void MainWindow::refreshClasses()
{
    m_classList->clear();
    if (!m_project) return;
    const auto counts = m_project->labeledFragmentCounts();
    QMap<QString, QColor> colors;
    for (const LabelClass& c : m_project->classes()) {
        colors.insert(c.name, QColor(c.color));
        auto* item = new QListWidgetItem(swatch(QColor(c.color)),
                                         tr("%1   [%2]   %3 labeled fragments").arg(c.name, c.shortcut).arg(counts.value(c.name)));
        m_classList->addItem(item);
    }
    if (m_video >= 0)
        m_strip->setLabels(m_project->labels(m_video), colors);
}

void MainWindow::selectVideo(int index)
{
    if (!m_project || index < 0 || index >= int(m_project->videos().size()) || index == m_video) return;
    m_video = index;
    m_view->setMessage(tr("Opening %1...").arg(m_project->video(index).fileName()));
    m_decoder->openVideo(m_project->absoluteVideoPath(index), m_project->indexCacheDir());
}

void MainWindow::seek(qint64 frame)
{
    if (m_frameCount <= 0) return;
    frame = std::clamp<qint64>(frame, 0, m_frameCount - 1);
    if (frame == m_frame) return;
    m_frame = frame;
    const QSignalBlocker b1(m_slider), b2(m_frameBox);
    m_slider->setValue(int(frame));
    m_frameBox->setValue(int(frame));
    m_strip->setPlayhead(frame);
    m_decoder->requestFrame(frame);
    updateStatus();
}

void MainWindow::stepFrames(qint64 delta)
{
    seek(m_frame + delta);
}

void MainWindow::stepFragments(qint64 delta)
{
    if (!m_project || m_frameCount <= 0) return;
    const FragmentSpec& spec = m_project->spec();
    const qint64 current = spec.fragmentAtFrame(m_frame, m_frameCount);
    if (current < 0) return;
    // Back from inside a fragment goes to its own start first.
    const qint64 target = (delta < 0 && m_frame > spec.firstFrame(current)) ? current + delta + 1 : current + delta;
    seek(spec.firstFrame(std::clamp<qint64>(target, 0, spec.count(m_frameCount) - 1)));
}

void MainWindow::updateStatus()
{
    m_timeLabel->setText(timecode(m_frame, m_fps));
    if (!m_project || m_video < 0) return;
    const FragmentSpec& spec = m_project->spec();
    const qint64 fragment = spec.fragmentAtFrame(m_frame, m_frameCount);
    QString text = tr("Frame %1 / %2   %3").arg(m_frame).arg(m_frameCount).arg(timecode(m_frame, m_fps));
    QString caption;
    if (fragment >= 0 && m_frame < spec.endFrame(fragment)) {
        const auto label = m_project->fragmentLabel(m_video, fragment);
        caption = label ? *label : QString();
        text += tr("   fragment %1 [%2, %3)  %4").arg(fragment).arg(spec.firstFrame(fragment)).arg(spec.endFrame(fragment))
                    .arg(label ? *label : tr("unlabeled"));
    }
    m_view->setCaption(caption, classColor(caption));
    m_statusLabel->setText(text);
}

void MainWindow::showOpenDialog()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open FragmentLab Project"),
                                                          m_project ? m_project->dir() : QString());
    if (dir.isEmpty()) return;
    if (auto status = openProject(dir); !status)
        QMessageBox::warning(this, tr("Cannot open project"), status.error());
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About FragmentLab"),
                       tr("<h3>FragmentLab %1</h3>"
                          "<p>A workbench for spatial-temporal fragments of video: label, train, inspect.</p>"
                          "<p>Built with Qt %2, OpenCV and LibTorch.</p>"
                          "<p><b>Demo media</b><br>"
                          "Big Buck Bunny &copy; Blender Foundation, www.bigbuckbunny.org, licensed CC BY 3.0.<br>"
                          "cityCC0.mpg from the Kivy examples, released under CC0.</p>")
                           .arg(QStringLiteral(FRAGMENTLAB_VERSION), QString::fromLatin1(qVersion())));
}

} // namespace fl
