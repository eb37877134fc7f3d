#include "model/ClassScoresView.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fl {

namespace {

QTableWidgetItem* cell(const QString& text, Qt::Alignment align = Qt::AlignRight | Qt::AlignVCenter)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    item->setTextAlignment(align);
    return item;
}

QString number(double v)
{
    return QString::number(v, 'f', 3);
}

} // namespace

ClassScoresView::ClassScoresView(QWidget* parent) : QWidget(parent)
{
    m_classes = new QTableWidget(this);
    m_classes->setObjectName(QStringLiteral("classScoresTable"));
    m_classes->setColumnCount(5);
    m_classes->setHorizontalHeaderLabels({tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")});
    m_classes->verticalHeader()->hide();
    m_classes->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_classes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_confusion = new QTableWidget(this);
    m_confusion->setObjectName(QStringLiteral("confusionTable"));
    m_confusion->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_confusion->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_confusion->setToolTip(tr("Rows: true class. Columns: predicted class. Click a cell to see its fragments."));
    connect(m_confusion, &QTableWidget::cellClicked, this, [this](int row, int column) {
        if (row < m_scores.classes.size() && column < m_scores.classes.size()) emit confusionCellClicked(row, column);
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Per class"), this));
    layout->addWidget(m_classes, 1);
    layout->addWidget(new QLabel(tr("Confusion matrix (rows: true class, columns: predicted)"), this));
    layout->addWidget(m_confusion, 1);
}

void ClassScoresView::setScores(const ClassScores& s)
{
    m_scores = s;
    const int k = int(s.classes.size());
    m_classes->setRowCount(k + 3);
    for (int i = 0; i < k; ++i) {
        const ClassScore& c = s.classes[i];
        m_classes->setItem(i, 0, cell(c.name, Qt::AlignLeft | Qt::AlignVCenter));
        m_classes->setItem(i, 1, cell(number(c.precision)));
        m_classes->setItem(i, 2, cell(number(c.recall)));
        m_classes->setItem(i, 3, cell(number(c.f1)));
        m_classes->setItem(i, 4, cell(QString::number(c.support)));
    }
    const auto summary = [this](int row, const QString& name, const QString& p, const QString& r, const QString& f1,
                                qint64 n) {
        m_classes->setItem(row, 0, cell(name, Qt::AlignLeft | Qt::AlignVCenter));
        m_classes->setItem(row, 1, cell(p));
        m_classes->setItem(row, 2, cell(r));
        m_classes->setItem(row, 3, cell(f1));
        m_classes->setItem(row, 4, cell(QString::number(n)));
        QFont bold = m_classes->font();
        bold.setBold(true);
        for (int c = 0; c < 5; ++c) m_classes->item(row, c)->setFont(bold);
    };
    summary(k, tr("accuracy"), QString(), QString(), number(s.accuracy), s.total);
    summary(k + 1, tr("macro avg"), number(s.macroPrecision), number(s.macroRecall), number(s.macroF1), s.total);
    summary(k + 2, tr("weighted avg"), number(s.weightedPrecision), number(s.weightedRecall), number(s.weightedF1),
            s.total);

    m_confusion->setRowCount(k);
    m_confusion->setColumnCount(k);
    m_confusion->setHorizontalHeaderLabels(s.classNames());
    m_confusion->setVerticalHeaderLabels(s.classNames());
    for (int t = 0; t < k && t < s.confusion.size(); ++t) {
        qint64 rowTotal = 0;
        for (qint64 v : s.confusion[t]) rowTotal += v;
        for (int p = 0; p < k && p < s.confusion[t].size(); ++p) {
            const qint64 v = s.confusion[t][p];
            auto* item = cell(QString::number(v), Qt::AlignCenter);
            const double share = rowTotal > 0 ? double(v) / double(rowTotal) : 0.0;
            const QColor base = t == p ? QColor(44, 160, 44) : QColor(214, 39, 40);
            QColor shade = base;
            shade.setAlphaF(0.12 + 0.6 * share);
            if (v > 0) item->setBackground(shade);
            item->setToolTip(tr("%1 fragments of %2 predicted as %3 (%4% of the row)")
                                 .arg(v)
                                 .arg(s.classes[t].name, s.classes[p].name)
                                 .arg(qRound(share * 100)));
            m_confusion->setItem(t, p, item);
        }
    }
}

} // namespace fl
