#include "labeling/LabelingProgress.h"

#include "document/ProjectDocument.h"
#include "labeling/ClassColor.h"
#include "shell/Workbench.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

#include <algorithm>

namespace fl {

LabelingProgress::LabelingProgress(Workbench* workbench, QWidget* parent) : QWidget(parent), m_workbench(workbench)
{
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("labelCounts"));
    m_counts->setTextFormat(Qt::RichText);
    m_counts->setToolTip(tr("Labeled fragments per class in the current video"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("videoLabelProgress"));
    m_progress->setFixedWidth(210);
    m_progress->setMaximumHeight(18);
    m_progress->setToolTip(tr("Labeled fragments of the current video"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addStretch(1); // room the status bar gives beyond the counts' width stays left of them
    layout->addWidget(m_counts);
    layout->addWidget(m_progress);

    ProjectDocument* document = workbench->document();
    connect(workbench, &Workbench::currentVideoChanged, this, &LabelingProgress::refresh);
    connect(document, &ProjectDocument::classesChanged, this, &LabelingProgress::refresh);
    connect(document, &ProjectDocument::videosChanged, this, &LabelingProgress::refresh);
    connect(document, &ProjectDocument::projectReplaced, this, &LabelingProgress::refresh);
    connect(document, &ProjectDocument::labelsChanged, this, [this](int video, qint64, qint64) {
        if (video < 0 || video == m_workbench->currentVideo()) refresh();
    });
    refresh();
}

void LabelingProgress::refresh()
{
    if (!m_workbench->hasCurrentVideo()) {
        m_counts->clear();
        m_progress->setRange(0, 1);
        m_progress->setValue(0);
        m_progress->setFormat(tr("No video"));
        return;
    }
    const ProjectDocument* document = m_workbench->document();
    const Project& p = document->project();
    const int video = m_workbench->currentVideo();
    const auto counts = p.labeledFragmentCounts(video);
    QStringList chips;
    qint64 labeled = 0;
    for (const LabelClass& c : p.classes()) {
        const qint64 n = counts.value(c.name);
        labeled += n;
        chips << QStringLiteral("<span style='color:%1'>&#9632;</span>&nbsp;%2&nbsp;<b>%3</b>")
                     .arg(classDisplayColor(c), c.name.toHtmlEscaped())
                     .arg(n);
    }
    m_counts->setText(chips.join(QStringLiteral("&nbsp;&nbsp; ")));
    const qint64 total = document->fragmentCount(video);
    m_progress->setRange(0, int(std::max<qint64>(1, total)));
    m_progress->setValue(int(std::min(labeled, total)));
    m_progress->setFormat(tr("Labeled %1 / %2 (%3%)")
                              .arg(labeled)
                              .arg(total)
                              .arg(total > 0 ? int(100.0 * double(labeled) / double(total) + 0.5) : 0));
}

void LabelingProgress::changeEvent(QEvent* e)
{
    if (e->type() == QEvent::PaletteChange || e->type() == QEvent::StyleChange) refresh();
    QWidget::changeEvent(e);
}

} // namespace fl
