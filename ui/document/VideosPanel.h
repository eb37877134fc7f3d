#pragma once
// The Videos dock: the project's videos with their length and a labeling progress bar each;
// choose one to show it, add videos (the Add Videos action), remove one (undoable). The table
// is "videoTable".
#include <QWidget>

class QAction;
class QTableView;
class QToolButton;

namespace fl {

class ProjectDocument;
class VideoListModel;

class VideosPanel : public QWidget {
    Q_OBJECT
public:
    VideosPanel(ProjectDocument* document, QAction* addVideos, QWidget* parent = nullptr);

    VideoListModel* model() const { return m_model; }
    void setCurrentVideo(int video);

signals:
    void videoActivated(int video);
    void problem(const QString& message);

private:
    void removeSelected();
    ProjectDocument* m_document;
    VideoListModel* m_model;
    QTableView* m_view;
    QToolButton* m_remove;
    bool m_syncing = false;
};

} // namespace fl
