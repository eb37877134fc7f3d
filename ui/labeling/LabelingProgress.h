#pragma once
// The status bar's labeling summary for the current video: a coloured chip with the count of
// labeled fragments per class, and a bar "Labeled N / M (P%)". Follows the workbench (video
// changes, label and class edits, palette changes) by itself.
#include <QWidget>

class QLabel;
class QProgressBar;

namespace fl {

class Workbench;

class LabelingProgress : public QWidget {
    Q_OBJECT
public:
    explicit LabelingProgress(Workbench* workbench, QWidget* parent = nullptr);

    void refresh();

protected:
    void changeEvent(QEvent* e) override;

private:
    Workbench* m_workbench;
    QLabel* m_counts;
    QProgressBar* m_progress;
};

} // namespace fl
