#include "document/NewProjectDialog.h"

#include "project/Project.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace fl {

NewProjectDialog::NewProjectDialog(const QString& suggestedFolder, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("New Project"));
    m_folder = new QLineEdit(suggestedFolder, this);
    m_folder->setToolTip(tr("A new or empty folder; the project file, cache and models go in it"));
    auto* browse = new QPushButton(tr("Browse..."), this);
    browse->setToolTip(tr("Choose the project folder"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Project Folder"), m_folder->text());
        if (!dir.isEmpty()) m_folder->setText(dir);
    });
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    m_classes = new QLineEdit(tr("motion, static", "default class names, comma-separated"), this);
    m_classes->setToolTip(tr("Comma-separated class names; keys 1-9 are assigned in order. More can be added later."));
    m_length = new QSpinBox(this);
    m_length->setRange(FragmentSpec::kMinLength, FragmentSpec::kMaxLength);
    m_length->setValue(4);
    m_length->setToolTip(tr("Frames per fragment (T)"));
    m_stride = new QSpinBox(this);
    m_stride->setRange(1, 4096);
    m_stride->setValue(4);
    m_stride->setToolTip(tr("Frames between the starts of two fragments (S); equal to the length: no overlap, no gap"));
    m_step = new QSpinBox(this);
    m_step->setRange(1, 64);
    m_step->setValue(1);
    m_step->setToolTip(tr("Step between the frames of a fragment (K)"));
    connect(m_length, &QSpinBox::valueChanged, this, [this](int v) {
        if (m_stride->value() < v || m_stride->value() == v - 1 || m_stride->value() == v + 1) m_stride->setValue(v);
    });
    m_problem = new QLabel(this);
    m_problem->setStyleSheet(QStringLiteral("color: #d32f2f"));
    m_problem->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Folder"), folderRow);
    form->addRow(tr("Classes"), m_classes);
    form->addRow(tr("Fragment length"), m_length);
    form->addRow(tr("Stride"), m_stride);
    form->addRow(tr("Frame step"), m_step);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    auto check = [this, buttons] {
        validate();
        buttons->button(QDialogButtonBox::Ok)->setEnabled(m_problem->text().isEmpty());
    };
    connect(m_folder, &QLineEdit::textChanged, this, check);
    connect(m_classes, &QLineEdit::textChanged, this, check);
    check();
    resize(560, sizeHint().height());
}

QString NewProjectDialog::folder() const
{
    return m_folder->text().trimmed();
}

QStringList NewProjectDialog::classNames() const
{
    QStringList names;
    for (const QString& part : m_classes->text().split(QLatin1Char(',')))
        if (const QString n = part.trimmed(); !n.isEmpty() && !names.contains(n)) names << n;
    return names;
}

FragmentSpec NewProjectDialog::spec() const
{
    FragmentSpec s;
    s.length = m_length->value();
    s.stride = m_stride->value();
    s.step = m_step->value();
    return s;
}

void NewProjectDialog::validate()
{
    QString problem;
    if (folder().isEmpty())
        problem = tr("Choose a folder for the project.");
    else if (QFileInfo::exists(QDir(folder()).filePath(Project::projectFileName())))
        problem = tr("This folder already holds a project; open it instead.");
    else if (classNames().isEmpty())
        problem = tr("Give at least one class.");
    m_problem->setText(problem);
}

} // namespace fl
