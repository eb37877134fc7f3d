#pragma once
// File > New Project: a folder, the classes to start with and the fragment spec.
#include "fragments/FragmentSpec.h"

#include <QDialog>
#include <QStringList>

class QLineEdit;
class QSpinBox;
class QLabel;

namespace fl {

class NewProjectDialog : public QDialog {
    Q_OBJECT
public:
    explicit NewProjectDialog(const QString& suggestedFolder, QWidget* parent = nullptr);
    QString folder() const;
    QStringList classNames() const;
    FragmentSpec spec() const;

private:
    void validate();
    QLineEdit* m_folder;
    QLineEdit* m_classes;
    QSpinBox* m_length;
    QSpinBox* m_stride;
    QSpinBox* m_step;
    QLabel* m_problem;
};

} // namespace fl
