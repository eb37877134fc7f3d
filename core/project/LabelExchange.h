#pragma once
// Label import/export.
//
// CSV: header exactly `video,start_frame,end_frame,label`; one row per labeled range
// [start_frame, end_frame) (end exclusive); `video` is the file name as added to the project;
// RFC 4180 quoting; rows sorted by video then start. CRLF and a UTF-8 BOM are accepted.
// JSON: {"format":"fragmentlab-labels","version":1,
//        "labels":[{"video":"a.mp4","start_frame":0,"end_frame":40,"label":"motion"}]}
//
// Import is all or nothing: on any error the project is left exactly as it was, and the
// message names the file and the line (CSV) or entry (JSON). Imported ranges overwrite the
// labels they cover. Export, then import into a project without labels, gives the same labels.
#include "Result.h"

#include <QString>

namespace fl {

class Project;

struct LabelImportOptions {
    bool createMissingClasses = false; // add classes the file names that the project lacks
};

Status exportLabelsCsv(const Project& project, const QString& file);
Result<int> importLabelsCsv(Project& project, const QString& file, const LabelImportOptions& options = {});

// The CSV forms on bytes in memory (`file` names them in messages); the file functions above
// are these plus an atomic write / a read.
QByteArray labelsCsvText(const Project& project);
Result<int> importLabelsCsvText(Project& project, const QByteArray& bytes, const QString& file,
                                const LabelImportOptions& options = {});

Status exportLabelsJson(const Project& project, const QString& file);
Result<int> importLabelsJson(Project& project, const QString& file, const LabelImportOptions& options = {});

// By suffix: .json is JSON, anything else CSV. Return the number of ranges imported.
Status exportLabels(const Project& project, const QString& file);
Result<int> importLabels(Project& project, const QString& file, const LabelImportOptions& options = {});

} // namespace fl
