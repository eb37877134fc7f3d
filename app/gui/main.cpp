// fragmentlab: the GUI. Opens the project given on the command line, else the last one,
// else (first start) a writable copy of the bundled demo project.
#include "GuiLanguage.h"
#include "MainWindow.h"

#include "ml/TorchRuntime.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

namespace {

// The demo as shipped: next to an installed binary, else in the source tree.
QString shippedDemoDir()
{
    const QString installed = QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../share/fragmentlab/demo"));
    if (QFileInfo::exists(installed + QStringLiteral("/project.json"))) return QDir::cleanPath(installed);
    return QStringLiteral(FL_DEMO_PROJECT_DIR);
}

// A user-writable copy of the demo (labels get edited, caches get written).
QString writableDemoDir(QString* error)
{
    const QString target = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("demo-project"));
    if (QFileInfo::exists(target + QStringLiteral("/project.json"))) return target;
    const QString source = shippedDemoDir();
    QDirIterator it(source, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString rel = QDir(source).relativeFilePath(file);
        if (rel.startsWith(QLatin1String("cache/"))) continue;
        const QString dest = QDir(target).filePath(rel);
        QDir().mkpath(QFileInfo(dest).absolutePath());
        if (!QFile::copy(file, dest)) {
            *error = QObject::tr("%1: cannot copy the demo project to %2").arg(file, dest);
            return {};
        }
    }
    return target;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("FragmentLab"));
    QApplication::setOrganizationName(QStringLiteral("FragmentLab"));
    QApplication::setApplicationVersion(QStringLiteral(FRAGMENTLAB_VERSION));
    fl::installTranslatorFromSettings(); // before any tr(): the system locale or the chosen language
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/fragmentlab.svg")));
    fl::ml::configureTorchRuntime();

    QCommandLineParser parser;
    parser.setApplicationDescription(QObject::tr("FragmentLab: label, train and inspect spatial-temporal video fragments"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("project"), QObject::tr("Project folder to open"));
    QCommandLineOption demo(QStringLiteral("demo"), QObject::tr("Open the bundled demo project"));
    parser.addOption(demo);
    parser.process(app);

    fl::MainWindow window;
    QString project;
    QString error;
    if (!parser.positionalArguments().isEmpty())
        project = parser.positionalArguments().constFirst();
    else if (!parser.isSet(demo))
        project = QSettings().value(QStringLiteral("lastProject")).toString();
    if (project.isEmpty() || !QFileInfo::exists(project))
        project = writableDemoDir(&error);
    window.show();
    if (!error.isEmpty()) {
        QMessageBox::warning(&window, QObject::tr("Demo project"), error);
    } else if (auto status = window.openProject(project); !status) {
        QMessageBox::warning(&window, QObject::tr("Cannot open project"), status.error());
    }
    return app.exec();
}
