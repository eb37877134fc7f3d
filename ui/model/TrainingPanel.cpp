#include "model/TrainingPanel.h"

#include "jobs/JobRunner.h"
#include "ml/TorchRuntime.h"
#include "model/TrainingCurves.h"
#include "model/TrainingReportView.h"
#include "project/Project.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <climits>

namespace fl {

namespace {

QString timeText(double seconds)
{
    if (seconds < 0) return QString();
    const int s = int(seconds + 0.5);
    return s >= 3600 ? QStringLiteral("%1:%2:%3")
                           .arg(s / 3600)
                           .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

TrainingPanel::TrainingPanel(ProjectGetter project, JobRunner* runner, QWidget* parent)
    : QWidget(parent), m_project(std::move(project)), m_runner(runner)
{
    setObjectName(QStringLiteral("trainingPanel"));
    m_trainAction = new QAction(tr("&Train model"), this);
    m_trainAction->setShortcut(QKeySequence(tr("Ctrl+Shift+T")));
    m_trainAction->setToolTip(tr("Train a model on the project's labels"));
    connect(m_trainAction, &QAction::triggered, this, &TrainingPanel::startTraining);
    addAction(m_trainAction);

    m_train = new QPushButton(tr("Train"), this);
    m_train->setObjectName(QStringLiteral("trainButton"));
    m_train->setToolTip(m_trainAction->toolTip()
                        + QStringLiteral(" (%1)").arg(m_trainAction->shortcut().toString(QKeySequence::NativeText)));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelTrainingButton"));
    m_cancel->setEnabled(false);
    m_activate = new QCheckBox(tr("Make the new model active"), this);
    m_activate->setChecked(true);
    m_retryOnCpu = new QPushButton(tr("Train on the CPU instead"), this);
    m_retryOnCpu->setVisible(false);
    connect(m_retryOnCpu, &QPushButton::clicked, this, [this] {
        m_device->setCurrentIndex(std::max(0, m_device->findData(QStringLiteral("cpu"))));
        m_retryOnCpu->setVisible(false);
        startTraining();
    });
    connect(m_train, &QPushButton::clicked, this, &TrainingPanel::startTraining);
    connect(m_cancel, &QPushButton::clicked, this, &TrainingPanel::cancelTraining);

    // ---- advanced settings (hidden until the box is checked)
    m_advanced = new QGroupBox(tr("Advanced"), this);
    m_advanced->setObjectName(QStringLiteral("trainingAdvancedBox"));
    m_advanced->setCheckable(true);
    m_advanced->setChecked(false);
    m_advanced->setFlat(true);
    m_advancedForm = new QWidget(m_advanced);
    auto* form = new QFormLayout(m_advancedForm);
    form->setContentsMargins(0, 0, 0, 0);
    m_arch = new QComboBox(m_advancedForm);
    m_arch->addItem(tr("Automatic: cross-validation picks the best"), QStringLiteral("auto"));
    m_arch->addItem(tr("Motion statistics"), QStringLiteral("motion"));
    m_arch->addItem(tr("Appearance statistics"), QStringLiteral("appearance"));
    m_arch->addItem(tr("Motion and appearance statistics"), QStringLiteral("two-stream"));
    m_arch->addItem(tr("Motion and appearance statistics with CNNs"), QStringLiteral("two-stream+cnn"));
    m_arch->addItem(tr("FragNet (2D CNN per frame + temporal fusion)"), QStringLiteral("fragnet"));
    m_arch->addItem(tr("R(2+1)D (factorised 3D convolutions)"), QStringLiteral("r2plus1d"));
    m_arch->setToolTip(
        tr("Automatic tries the default configurations on held-out folds of your labels and keeps the best"));
    m_fusion = new QComboBox(m_advancedForm);
    m_fusion->addItem(tr("Temporal convolution"), QStringLiteral("tconv"));
    m_fusion->addItem(tr("Concatenation"), QStringLiteral("concat"));
    m_fusion->addItem(tr("GRU"), QStringLiteral("gru"));
    connect(m_arch, &QComboBox::currentIndexChanged, this,
            [this] { m_fusion->setEnabled(m_arch->currentData().toString() == QLatin1String("fragnet")); });
    m_epochs = new QSpinBox(m_advancedForm);
    m_epochs->setRange(1, 1000);
    m_inputSize = new QSpinBox(m_advancedForm);
    m_inputSize->setRange(16, 256);
    m_inputSize->setSingleStep(8);
    m_inputSize->setSuffix(tr(" px"));
    m_learningRate = new QDoubleSpinBox(m_advancedForm);
    m_learningRate->setDecimals(5);
    m_learningRate->setRange(0.00001, 1.0);
    m_learningRate->setSingleStep(0.0005);
    m_seed = new QSpinBox(m_advancedForm);
    m_seed->setRange(0, INT_MAX);
    m_device = new QComboBox(m_advancedForm);
    m_device->addItem(tr("Automatic"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    if (!ml::torchRuntimeInfo().cudaAvailable) {
        if (auto* items = qobject_cast<QStandardItemModel*>(m_device->model())) items->item(2)->setEnabled(false);
        m_device->setItemData(2, tr("No CUDA device is available to this build"), Qt::ToolTipRole);
    }
    form->addRow(tr("Configuration"), m_arch);
    form->addRow(tr("Temporal fusion"), m_fusion);
    form->addRow(tr("Epochs (at most)"), m_epochs);
    form->addRow(tr("Input size"), m_inputSize);
    form->addRow(tr("Learning rate"), m_learningRate);
    form->addRow(tr("Seed"), m_seed);
    form->addRow(tr("Device"), m_device);
    auto* advancedLayout = new QVBoxLayout(m_advanced);
    advancedLayout->addWidget(m_advancedForm);
    m_advancedForm->setVisible(false);
    connect(m_advanced, &QGroupBox::toggled, m_advancedForm, &QWidget::setVisible);
    setRequest(defaultTrainingRequest()); // one click: the default training (Automatic)

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("trainingProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_detail = new QLabel(this);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("trainingStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_curves = new TrainingCurves(this);
    m_curves->setObjectName(QStringLiteral("trainingCurves"));
    m_candidates = new QTableWidget(0, 4, this);
    m_candidates->setObjectName(QStringLiteral("candidatesTable"));
    m_candidates->setHorizontalHeaderLabels({tr("Configuration"), tr("Held-out macro-F1"), tr("Log loss"), tr("Time")});
    m_candidates->horizontalHeaderItem(1)->setToolTip(tr("Mean ± standard deviation over the cross-validation folds"));
    m_candidates->verticalHeader()->setVisible(false);
    m_candidates->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_candidates->setSelectionMode(QAbstractItemView::NoSelection);
    m_candidates->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_candidates->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_candidates->setWordWrap(false);
    m_candidates->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_candidates->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_candidates->setVisible(false);
    m_selection = new QLabel(this);
    m_selection->setObjectName(QStringLiteral("trainingSelection"));
    m_selection->setWordWrap(true);
    m_selection->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_train);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_activate);
    buttons->addWidget(m_retryOnCpu);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_advanced);
    layout->addWidget(m_progress);
    layout->addWidget(m_detail);
    layout->addWidget(m_status);
    layout->addWidget(m_candidates);
    layout->addWidget(m_selection);
    layout->addWidget(m_curves, 1);
}

TrainingRequest TrainingPanel::request() const
{
    TrainingRequest r;
    ml::TrainingOptions& o = r.options;
    o.epochs = m_epochs->value();
    o.model.inputSize = m_inputSize->value() / 8 * 8;
    o.learningRate = m_learningRate->value();
    o.seed = quint64(m_seed->value());
    o.device = ml::parseDeviceChoice(m_device->currentData().toString().toStdString()).value_or(ml::DeviceChoice::Auto);
    const QString config = m_arch->currentData().toString();
    if (config == QLatin1String("auto")) {
        r.candidates = defaultTrainingCandidates(o);
    } else if (auto named = namedTrainingCandidate(config, o)) {
        o = named->options;
    } else {
        o.model.architecture = ml::parseArchitecture(config.toStdString()).value_or(ml::Architecture::FragNet);
        o.model.fusion =
            ml::parseFusion(m_fusion->currentData().toString().toStdString()).value_or(ml::TemporalFusion::Convolution);
    }
    return r;
}

void TrainingPanel::setRequest(const TrainingRequest& r)
{
    const ml::TrainingOptions& o = r.options;
    QString config = QStringLiteral("auto");
    if (r.candidates.empty()) {
        const ml::ModelConfig& m = o.model;
        if (m.architecture == ml::Architecture::TwoStream) {
            config = m.appearanceStream && m.motionStream ? QStringLiteral("two-stream")
                : m.motionStream                          ? QStringLiteral("motion")
                                                          : QStringLiteral("appearance");
            if (m.convolutions) config += QStringLiteral("+cnn");
        } else {
            config = QString::fromStdString(ml::architectureName(m.architecture));
        }
    }
    m_arch->setCurrentIndex(std::max(0, m_arch->findData(config)));
    m_fusion->setCurrentIndex(std::max(0, m_fusion->findData(QString::fromStdString(ml::fusionName(o.model.fusion)))));
    m_epochs->setValue(o.epochs);
    m_inputSize->setValue(o.model.inputSize);
    m_learningRate->setValue(o.learningRate);
    m_seed->setValue(int(std::min<quint64>(o.seed, INT_MAX)));
    m_device->setCurrentIndex(std::max(0, m_device->findData(QString::fromStdString(ml::deviceChoiceName(o.device)))));
}

void TrainingPanel::startTraining()
{
    if (isTraining() || !m_runner) return;
    const Project project = m_project ? m_project() : Project();
    if (project.isNull()) {
        showStatus(tr("Open or create a project first."), true);
        return;
    }
    auto* job = new TrainingJob(project, request());
    m_job = job;
    connect(job, &TrainingJob::batchProgress, this, &TrainingPanel::onBatch);
    connect(job, &TrainingJob::epochFinished, m_curves, &TrainingCurves::addEpoch);
    connect(job, &TrainingJob::candidateScored, this, &TrainingPanel::onCandidate);
    connect(job, &TrainingJob::stageChanged, this, [this](const QString& stage) {
        m_final = stage.startsWith(QLatin1String("Final"));
        m_detail->setText(stage);
    });
    connect(job, &Job::progress, this, [this](qint64 done, qint64 total, const QString& what, double eta) {
        // "Training" covers the whole search (every fold of every candidate, then the final run).
        m_progress->setRange(0, int(std::min<qint64>(total, INT_MAX)));
        m_progress->setValue(int(std::min<qint64>(done, INT_MAX)));
        m_progress->setFormat(eta >= 0 ? tr("%p% — %1 left").arg(timeText(eta)) : QStringLiteral("%p%"));
        if (what != QLatin1String("Training")) m_detail->setText(what);
    });
    connect(job, &Job::finished, this, &TrainingPanel::onFinished);
    m_curves->clear();
    m_candidates->setRowCount(0);
    m_candidates->setVisible(false);
    m_selection->clear();
    m_final = false;
    m_retryOnCpu->setVisible(false);
    setBusy(true);
    showStatus(tr("Training on the labels of %1…").arg(project.name()), false);
    m_detail->setText(tr("Preparing…"));
    m_progress->setRange(0, 0);
    emit trainingStarted();
    m_runner->start(std::unique_ptr<Job>(job));
}

void TrainingPanel::cancelTraining()
{
    if (m_job) {
        m_job->requestCancel();
        m_cancel->setEnabled(false);
        m_detail->setText(tr("Cancelling…"));
    }
}

void TrainingPanel::onCandidate(const CandidateScore& c)
{
    const int row = m_candidates->rowCount();
    m_candidates->insertRow(row);
    const auto item = [](const QString& text, const QString& tip = {}) {
        auto* i = new QTableWidgetItem(text);
        if (!tip.isEmpty()) i->setToolTip(tip);
        return i;
    };
    QStringList folds;
    for (double f : c.foldMacroF1) folds << QString::number(f, 'f', 3);
    m_candidates->setItem(row, 0, item(c.name, c.architecture));
    m_candidates->setItem(row, 1,
                          item(QStringLiteral("%1 ± %2").arg(c.meanMacroF1, 0, 'f', 3).arg(c.sdMacroF1, 0, 'f', 3),
                               tr("Folds: %1").arg(folds.join(QStringLiteral(", ")))));
    m_candidates->setItem(row, 2, item(QString::number(c.logLoss, 'f', 3)));
    m_candidates->setItem(row, 3, item(tr("%1 s").arg(c.seconds, 0, 'f', 1)));
    m_candidates->resizeRowsToContents();
    // As tall as its rows (up to five), so every configuration tried shows without scrolling.
    const int rows = std::min(5, m_candidates->rowCount());
    m_candidates->setFixedHeight(m_candidates->horizontalHeader()->height() + rows * m_candidates->rowHeight(0)
                                 + 2 * m_candidates->frameWidth());
    m_candidates->setVisible(true);
}

void TrainingPanel::showSelection(const TrainingReport& report)
{
    const ModelSelection& s = report.selection;
    if (!s.used) {
        m_selection->setText(tr("Trained %1 as configured.").arg(report.architecture));
        return;
    }
    for (int row = 0; row < m_candidates->rowCount(); ++row) {
        const bool winner = m_candidates->item(row, 0) && m_candidates->item(row, 0)->text() == s.winner;
        for (int col = 0; col < m_candidates->columnCount(); ++col) {
            if (auto* i = m_candidates->item(row, col)) {
                QFont f = i->font();
                f.setBold(winner);
                i->setFont(f);
            }
        }
        if (winner && m_candidates->item(row, 0)) m_candidates->item(row, 0)->setText(tr("%1 (chosen)").arg(s.winner));
    }
    QStringList thresholds;
    for (int c = 0; c < s.classThresholds.size() && c < report.classes.size(); ++c)
        thresholds << QStringLiteral("%1 %2").arg(report.classes[c]).arg(s.classThresholds[c], 0, 'f', 2);
    m_selection->setText(
        tr("Chosen: %1 — %2. Folds: %3. Calibration: temperature %4, expected calibration error %5 → %6. "
           "Decisions: %7; minimum bout %8 fragment(s). Time: cross-validation %9 s, final training %10 s.")
            .arg(s.winner, s.winnerReason, s.foldReason)
            .arg(s.temperature, 0, 'f', 2)
            .arg(s.eceBefore, 0, 'f', 3)
            .arg(s.eceAfter, 0, 'f', 3)
            .arg(thresholds.isEmpty() ? tr("argmax (no class threshold helped)")
                                      : tr("class thresholds %1").arg(thresholds.join(QStringLiteral(", "))))
            .arg(s.minBout)
            .arg(s.selectionSeconds, 0, 'f', 1)
            .arg(s.finalSeconds, 0, 'f', 1));
}

void TrainingPanel::onBatch(const ml::BatchProgress& p)
{
    m_curves->addBatch(p);
    m_detail->setText(tr("Final training · epoch %1/%2 · step %3/%4 · loss %5 · accuracy %6 · %7 fragments/s")
                          .arg(p.epoch)
                          .arg(p.epochs)
                          .arg(p.step)
                          .arg(p.stepsPerEpoch)
                          .arg(p.loss, 0, 'f', 4)
                          .arg(p.accuracy, 0, 'f', 3)
                          .arg(p.samplesPerSecond, 0, 'f', 0));
}

void TrainingPanel::onFinished(Job::State state, const QString& error)
{
    TrainingJob* job = m_job;
    m_job.clear();
    setBusy(false);
    m_progress->setRange(0, 1);
    m_progress->setValue(state == Job::State::Succeeded ? 1 : 0);
    m_progress->setFormat(QStringLiteral("%p%"));
    if (state == Job::State::Cancelled || !job) {
        showStatus(tr("Training cancelled; the models are as they were."), false);
        m_detail->clear();
        emit trainingCancelled();
        return;
    }
    if (state == Job::State::Failed) {
        showStatus(error, true);
        m_retryOnCpu->setVisible(error.contains(QLatin1String("out of GPU memory")));
        m_detail->clear();
        emit trainingFailed(error);
        return;
    }
    const TrainingReport report = job->report();
    QString trained = tr("Trained %1.").arg(report.modelFile);
    if (report.selection.used) {
        // The winner's per-fold mean is the honest estimate (the table's number); the pooled
        // figure uses the thresholds tuned on those same held-out predictions.
        for (const CandidateScore& c : report.selection.candidates)
            if (c.name == report.selection.winner)
                trained =
                    tr("Trained %1: held-out macro-F1 %2 ± %3 over %4 labeled fragments (%5 pooled with the tuned thresholds).")
                        .arg(report.modelFile)
                        .arg(c.meanMacroF1, 0, 'f', 3)
                        .arg(c.sdMacroF1, 0, 'f', 3)
                        .arg(report.validationFragments)
                        .arg(report.validation.macroF1, 0, 'f', 3);
    }
    showStatus(trained, false);
    showSelection(report);
    emit trainingFinished(job->modelFile(), job->reportFile());
    if (m_activate->isChecked()) emit activeModelChosen(QFileInfo(job->modelFile()).fileName());
    if (m_openReport) {
        if (m_reportWindow) m_reportWindow->setObjectName(QString()); // the name marks the latest
        m_reportWindow = TrainingReportView::openWindow(report, this);
        m_reportWindow->setObjectName(QStringLiteral("trainingReportWindow"));
    }
}

void TrainingPanel::setBusy(bool busy)
{
    m_train->setEnabled(!busy);
    m_trainAction->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    m_advanced->setEnabled(!busy);
}

void TrainingPanel::showStatus(const QString& text, bool error)
{
    m_status->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
    m_status->setText(text);
}

} // namespace fl
