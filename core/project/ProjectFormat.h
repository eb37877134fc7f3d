#pragma once
// project.json: reading (with validation of every field and migration of older schemas)
// and writing (fixed key order, indented, one label range per line).
//
// {"format": "fragmentlab-project", "schema": 1, "name": "...",
//  "fragment": {"length": 4, "stride": 4, "step": 1},
//  "active_model": "20240501-120000-fragnet.flmodel",   (optional: a file in models/)
//  "classes": [{"name": "motion", "color": "#1f77b4", "shortcut": "1"}],
//  "videos": [{"path": "media/a.mp4", "size": 123, "hash": "<64 hex>", "frames": 300, "fps": 30,
//              "labels": [{"start": 0, "end": 40, "class": "motion"}]}]}
#include "Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace fl {

class Project;

class ProjectFormat {
public:
    static constexpr const char* kFormat = "fragmentlab-project";

    static QByteArray write(const Project& project);
    // `file` names the file in messages; `dir` becomes the project's folder.
    static Result<Project> read(const QByteArray& bytes, const QString& file, const QString& dir);

private:
    // Brings a document of schema `from` up to Project::kSchemaVersion, one step at a time.
    static Status migrate(QJsonObject& root, int from, const QString& file);
};

} // namespace fl
