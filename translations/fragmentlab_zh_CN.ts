<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>FragmentInspection</name>
    <message>
        <source>the model takes fragments of %1 frames, the project&apos;s are %2</source>
        <translation>模型使用 %1 帧的片段，而本项目的片段为 %2 帧</translation>
    </message>
</context>
<context>
    <name>PredictionTrack</name>
    <message>
        <source>Predicted</source>
        <translation>已预测</translation>
    </message>
    <message>
        <source>Not predicted</source>
        <translation>未预测</translation>
    </message>
    <message>
        <source>Fragment %1: %2</source>
        <translation>片段 %1：%2</translation>
    </message>
    <message>
        <source>uncertain</source>
        <translation>不确定</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>%1: cannot copy the demo project to %2</source>
        <translation>%1：无法将演示项目复制到 %2</translation>
    </message>
    <message>
        <source>FragmentLab: label, train and inspect spatial-temporal video fragments</source>
        <translation>FragmentLab：标注、训练并检查视频的时空片段</translation>
    </message>
    <message>
        <source>Open the bundled demo project</source>
        <translation>打开自带的演示项目</translation>
    </message>
    <message>
        <source>Project folder to open (or, with --bench-seek, the video)</source>
        <translation>要打开的项目文件夹（若使用 --bench-seek，则为视频）</translation>
    </message>
    <message>
        <source>Render the main window to FILE and quit</source>
        <translation>将主窗口渲染到 FILE 后退出</translation>
    </message>
    <message>
        <source>Window size for --screenshot (default 1600x1000)</source>
        <translation>--screenshot 的窗口大小（默认 1600x1000）</translation>
    </message>
    <message>
        <source>Measure seek-to-display latency on VIDEO and quit</source>
        <translation>测量在 VIDEO 上从定位到显示的延迟后退出</translation>
    </message>
    <message>
        <source>Measure timeline paint time and quit</source>
        <translation>测量时间轴绘制时间后退出</translation>
    </message>
    <message>
        <source>Clicks for --bench-seek (default 100)</source>
        <translation>--bench-seek 的点击次数（默认 100）</translation>
    </message>
    <message>
        <source>--bench-seek without scrub previews</source>
        <translation>不使用拖动预览的 --bench-seek</translation>
    </message>
    <message>
        <source>Fragments for --bench-timeline (default 100000)</source>
        <translation>--bench-timeline 的片段数（默认 100000）</translation>
    </message>
    <message>
        <source>Benchmark results as JSON</source>
        <translation>以 JSON 输出基准测试结果</translation>
    </message>
    <message>
        <source>Theme for --screenshot: system, light or dark</source>
        <translation>--screenshot 的主题：system、light 或 dark</translation>
    </message>
    <message>
        <source>View for --screenshot: labeling, training, models, predictions, check, inspector, embedding or scenes</source>
        <translation>--screenshot 显示的视图：labeling、training、models、predictions、check、inspector、embedding 或 scenes</translation>
    </message>
    <message>
        <source>%1: the demo project is missing</source>
        <translation>%1：缺少演示项目</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Indexing %1 (%2 of %3)</source>
        <translation>正在索引 %1（第 %2 个，共 %3 个）</translation>
    </message>
    <message>
        <source>Fragment cache of %1 (%2 of %3)</source>
        <translation>%1 的片段缓存（第 %2 个，共 %3 个）</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: minutes and seconds must be below 60</source>
        <translation>“%1”：分钟和秒必须小于 60</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a frame number (120) nor a time (65.2s, 1:05.2, 00:01:05.200)</source>
        <translation>“%1”既不是帧号（120），也不是时间（65.2s、1:05.2、00:01:05.200）</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Start as usual, write the window&apos;s and panels&apos; geometry to FILE (JSON) and a screenshot to FILE.png, then quit (saving the layout as on quit)</source>
        <translation>照常启动，把窗口和各面板的几何信息写入 FILE（JSON），把截图写入 FILE.png，然后退出（像退出时一样保存布局）</translation>
    </message>
    <message>
        <source>With --layout-report: View &gt; Reset Layout first</source>
        <translation>与 --layout-report 一起使用：先执行 视图 &gt; 重置布局</translation>
    </message>
    <message>
        <source>Edit labels of frames %1-%2</source>
        <translation>编辑第 %1-%2 帧的标签</translation>
    </message>
    <message>
        <source>Clear labels of frames %1-%2</source>
        <translation>清除第 %1-%2 帧的标注</translation>
    </message>
    <message>
        <source>Label 1 fragment as %1</source>
        <translation>将 1 个片段标注为 %1</translation>
    </message>
    <message>
        <source>Label %1 fragments as %2</source>
        <translation>将 %1 个片段标注为 %2</translation>
    </message>
    <message>
        <source>Label frames %1-%2 as %3</source>
        <translation>将第 %1-%2 帧标注为 %3</translation>
    </message>
</context>
<context>
    <name>ScenesTrack</name>
    <message>
        <source>Scenes</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>%1: frames %2-%3</source>
        <translation>%1：第 %2-%3 帧</translation>
    </message>
    <message>
        <source>Keyframe %1 (added by hand)</source>
        <translation>关键帧 %1（手动添加）</translation>
    </message>
    <message>
        <source>Keyframe %1, score %2</source>
        <translation>关键帧 %1，得分 %2</translation>
    </message>
    <message>
        <source>Cut at frame %1</source>
        <translation>第 %1 帧处切换</translation>
    </message>
    <message>
        <source>Fade through black at frame %1 (dark frames %2-%3)</source>
        <translation>第 %1 帧处经黑场淡变（暗帧 %2-%3）</translation>
    </message>
    <message>
        <source>Dissolve at frame %1 (frames %2-%3)</source>
        <translation>第 %1 帧处叠化（第 %2-%3 帧）</translation>
    </message>
</context>
<context>
    <name>fl::ActionRegistry</name>
    <message>
        <source>The key %1 is taken by &quot;%2&quot;</source>
        <translation>按键 %1 已被“%2”占用</translation>
    </message>
</context>
<context>
    <name>fl::ClassListModel</name>
    <message>
        <source>%1 (colour %2). Double-click to rename.</source>
        <translation>%1（颜色 %2）。双击可重命名。</translation>
    </message>
    <message>
        <source>No key. Double-click to set one.</source>
        <translation>无按键。双击可设置。</translation>
    </message>
    <message>
        <source>Press %1 to label the selection as %2. Double-click to change.</source>
        <translation>按 %1 将所选内容标注为 %2。双击可更改。</translation>
    </message>
    <message>
        <source>Fragments labeled %1 in the current video</source>
        <translation>当前视频中标注为 %1 的片段</translation>
    </message>
    <message>
        <source>Fragments labeled %1 in all videos</source>
        <translation>所有视频中标注为 %1 的片段</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Class name and colour</source>
        <translation>类别名称和颜色</translation>
    </message>
    <message>
        <source>The key that labels with this class</source>
        <translation>用此类别进行标注的按键</translation>
    </message>
    <message>
        <source>Labeled fragments in the current video</source>
        <translation>当前视频中已标注的片段</translation>
    </message>
    <message>
        <source>Labeled fragments in the whole project</source>
        <translation>整个项目中已标注的片段</translation>
    </message>
</context>
<context>
    <name>fl::ClassScoresView</name>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Rows: true class. Columns: predicted class. Click a cell to see its fragments.</source>
        <translation>行：真实类别。列：预测类别。点击单元格可查看其中的片段。</translation>
    </message>
    <message>
        <source>Per class</source>
        <translation>各类别</translation>
    </message>
    <message>
        <source>Confusion matrix (rows: true class, columns: predicted)</source>
        <translation>混淆矩阵（行：真实类别，列：预测类别）</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>macro avg</source>
        <translation>宏平均</translation>
    </message>
    <message>
        <source>weighted avg</source>
        <translation>加权平均</translation>
    </message>
    <message>
        <source>%1 fragments of %2 predicted as %3 (%4% of the row)</source>
        <translation>%2 中有 %1 个片段被预测为 %3（占该行的 %4%）</translation>
    </message>
</context>
<context>
    <name>fl::ClassesPanel</name>
    <message>
        <source>Classes: double-click a name or key to change it</source>
        <translation>类别：双击名称或按键可进行修改</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Add a class</source>
        <translation>添加类别</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Change the colour of the selected class</source>
        <translation>更改所选类别的颜色</translation>
    </message>
    <message>
        <source>Move the selected class up</source>
        <translation>将所选类别上移</translation>
    </message>
    <message>
        <source>Move the selected class down</source>
        <translation>将所选类别下移</translation>
    </message>
    <message>
        <source>Delete the selected class and its labels (undoable)</source>
        <translation>删除所选类别及其标注（可撤销）</translation>
    </message>
    <message>
        <source>Delete Class</source>
        <translation>删除类别</translation>
    </message>
    <message>
        <source>Delete the class &quot;%1&quot;? One labeled fragment loses its label. Edit &gt; Undo brings the class and its label back.</source>
        <translation>删除类别“%1”？有 1 个已标注片段将失去其标注。“编辑 &gt; 撤销”可恢复该类别及其标注。</translation>
    </message>
    <message>
        <source>Delete the class &quot;%1&quot;? %2 labeled fragments lose their label. Edit &gt; Undo brings the class and its labels back.</source>
        <translation>删除类别“%1”？有 %2 个已标注片段将失去其标注。“编辑 &gt; 撤销”可恢复该类别及其标注。</translation>
    </message>
    <message>
        <source>Add Class</source>
        <translation>添加类别</translation>
    </message>
    <message>
        <source>Name of the new class:</source>
        <translation>新类别的名称：</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>%1 的颜色</translation>
    </message>
</context>
<context>
    <name>fl::ClipExportController</name>
    <message>
        <source>This video has no scenes: detect scenes first.</source>
        <translation>此视频没有场景：请先检测场景。</translation>
    </message>
    <message>
        <source>Exporting scene clips</source>
        <translation>正在导出场景剪辑</translation>
    </message>
    <message>
        <source>This video has no predictions: predict first.</source>
        <translation>此视频没有预测结果：请先进行预测。</translation>
    </message>
    <message>
        <source>Choose a class (not &quot;uncertain&quot;) whose bouts to export.</source>
        <translation>请选择要导出其连续段的类别（不能是“不确定”）。</translation>
    </message>
    <message>
        <source>No bout of %1 in this video as the timeline shows it.</source>
        <translation>按时间轴当前的显示，此视频中没有 %1 的连续段。</translation>
    </message>
    <message>
        <source>Exporting bout clips</source>
        <translation>正在导出连续段剪辑</translation>
    </message>
    <message>
        <source>Export clips</source>
        <translation>导出剪辑</translation>
    </message>
    <message numerus="yes">
        <source>%n clip(s) written to %1; these failed:</source>
        <translation>
            <numerusform>已将 %n 个剪辑写入 %1；以下剪辑失败：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n clip(s) exported to %1</source>
        <translation>
            <numerusform>已将 %n 个剪辑导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Stream copy where possible, else re-encode</source>
        <translation>尽可能流复制，否则重新编码</translation>
    </message>
    <message>
        <source>Always re-encode (frame-exact)</source>
        <translation>始终重新编码（逐帧精确）</translation>
    </message>
    <message>
        <source>Stream copy only</source>
        <translation>仅流复制</translation>
    </message>
    <message>
        <source>Clips</source>
        <translation>剪辑</translation>
    </message>
    <message>
        <source>How to cut</source>
        <translation>剪切方式</translation>
    </message>
    <message>
        <source>Folder for the Scene Clips</source>
        <translation>场景剪辑的文件夹</translation>
    </message>
    <message>
        <source>Folder for the Bout Clips</source>
        <translation>连续段剪辑的文件夹</translation>
    </message>
</context>
<context>
    <name>fl::DialogPrompts</name>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The project &quot;%1&quot; has changes that are not saved.</source>
        <translation>项目“%1”有尚未保存的更改。</translation>
    </message>
    <message>
        <source>Recover Unsaved Changes</source>
        <translation>恢复未保存的更改</translation>
    </message>
    <message>
        <source>FragmentLab did not close normally, and unsaved changes to this project were kept in %1 (%2).

Recover them? (No opens the project as it was last saved and deletes the recovery file.)</source>
        <translation>FragmentLab 未正常关闭，此项目未保存的更改已保留在 %1（%2）中。

是否恢复？（选择“否”将按上次保存的状态打开项目，并删除恢复文件。）</translation>
    </message>
    <message>
        <source>FragmentLab project</source>
        <translation>FragmentLab 项目</translation>
    </message>
    <message>
        <source>Add Videos</source>
        <translation>添加视频</translation>
    </message>
    <message>
        <source>Videos (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.mpg *.mpeg *.mts *.m2ts *.ts *.wmv *.flv *.ogv *.3gp *.mxf *.dv *.y4m);;All files (*)</source>
        <translation>视频 (*.mp4 *.m4v *.mov *.mkv *.webm *.avi *.mpg *.mpeg *.mts *.m2ts *.ts *.wmv *.flv *.ogv *.3gp *.mxf *.dv *.y4m);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Folder to Search for Moved Videos</source>
        <translation>搜索已移动视频的文件夹</translation>
    </message>
    <message>
        <source>Import Labels</source>
        <translation>导入标注</translation>
    </message>
    <message>
        <source>Label files (*.csv *.json);;All files (*)</source>
        <translation>标注文件 (*.csv *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export Labels</source>
        <translation>导出标注</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>fl::DockLayout</name>
    <message>
        <source>Videos</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation>撤销历史</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Model Check</source>
        <translation>模型检验</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>检查器</translation>
    </message>
    <message>
        <source>Scenes and Keyframes</source>
        <translation>场景与关键帧</translation>
    </message>
    <message>
        <source>Embedding Map</source>
        <translation>嵌入图</translation>
    </message>
    <message>
        <source>Show or hide the %1 panel</source>
        <translation>显示或隐藏 %1 面板</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
</context>
<context>
    <name>fl::EmbeddingPanel</name>
    <message>
        <source>This video</source>
        <translation>当前视频</translation>
    </message>
    <message>
        <source>All videos</source>
        <translation>所有视频</translation>
    </message>
    <message>
        <source>Which fragments the map shows</source>
        <translation>地图显示哪些片段</translation>
    </message>
    <message>
        <source>Colour by label</source>
        <translation>按标注着色</translation>
    </message>
    <message>
        <source>Colour by prediction</source>
        <translation>按预测着色</translation>
    </message>
    <message>
        <source>No fragment features to map yet: predict first.</source>
        <translation>还没有可绘制的片段特征：请先进行预测。</translation>
    </message>
    <message>
        <source>%1 fragments; PCA: the two axes explain %2% and %3% of the variance.</source>
        <translation>%1 个片段；PCA：两个坐标轴分别解释了 %2% 和 %3% 的方差。</translation>
    </message>
    <message>
        <source>not predicted</source>
        <translation>未预测</translation>
    </message>
    <message>
        <source>unlabeled</source>
        <translation>未标注</translation>
    </message>
    <message>
        <source>PC 1</source>
        <translation>主成分 1</translation>
    </message>
    <message>
        <source>PC 2</source>
        <translation>主成分 2</translation>
    </message>
    <message>
        <source>Hover over a point to see its fragment; click to go there.</source>
        <translation>将鼠标悬停在点上可查看其片段；点击可跳转到该片段。</translation>
    </message>
    <message>
        <source>%1, fragment %2</source>
        <translation>%1，片段 %2</translation>
    </message>
</context>
<context>
    <name>fl::FrameView</name>
    <message>
        <source>The current frame, exactly as decoded</source>
        <translation>当前帧，与解码结果完全一致</translation>
    </message>
</context>
<context>
    <name>fl::GuiLanguage</name>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
<context>
    <name>fl::InspectorPanel</name>
    <message>
        <source>No fragment</source>
        <translation>无片段</translation>
    </message>
    <message>
        <source>Follow the playhead</source>
        <translation>跟随播放头</translation>
    </message>
    <message>
        <source>Inspect the fragment under the playhead; off: keep the one shown</source>
        <translation>检查播放头所在的片段；关闭时保持当前显示的片段</translation>
    </message>
    <message>
        <source>Frames and saliency (Grad-CAM)</source>
        <translation>帧与显著性（Grad-CAM）</translation>
    </message>
    <message>
        <source>The class whose evidence the overlay shows</source>
        <translation>叠加层显示其证据的类别</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Opacity of the saliency overlay</source>
        <translation>显著性叠加层的不透明度</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>The layer whose activations are shown</source>
        <translation>显示其激活值的层</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <source>Which frame of the fragment (time step of the layer)</source>
        <translation>片段中的哪一帧（该层的时间步）</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>通道</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>激活比例</translation>
    </message>
    <message>
        <source>Share of positions with a positive activation</source>
        <translation>激活值为正的位置所占比例</translation>
    </message>
    <message>
        <source>Inspecting fragment %1...</source>
        <translation>正在检查片段 %1...</translation>
    </message>
    <message>
        <source>Cannot inspect: %1</source>
        <translation>无法检查：%1</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <source>Probabilities: %1</source>
        <translation>概率：%1</translation>
    </message>
    <message>
        <source>Fragment %1, frames %2-%3</source>
        <translation>片段 %1，第 %2-%3 帧</translation>
    </message>
    <message>
        <source>No saliency: %1</source>
        <translation>无显著性：%1</translation>
    </message>
    <message>
        <source>Grad-CAM for %1 at layer %2: warm colours are where the evidence for it is</source>
        <translation>%1 在层 %2 的 Grad-CAM：暖色区域是支持该类别的证据所在</translation>
    </message>
    <message>
        <source>%1 is a vector layer (%2 values): see the table</source>
        <translation>%1 是向量层（%2 个值）：请查看表格</translation>
    </message>
    <message>
        <source>%1: %2 channels of %3 x %4 (first %5 shown), frame %6, each scaled to its own range</source>
        <translation>%1：%2 个 %3 x %4 的通道（显示前 %5 个），第 %6 帧，每个通道按其自身范围缩放</translation>
    </message>
</context>
<context>
    <name>fl::JobProgressWidget</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel this task (nothing half-done is kept)</source>
        <translation>取消此任务（不会保留未完成的结果）</translation>
    </message>
    <message>
        <source>a moment left</source>
        <translation>即将完成</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>剩余约 %1 秒</translation>
    </message>
    <message>
        <source>about %1 min left</source>
        <translation>剩余约 %1 分钟</translation>
    </message>
    <message>
        <source>about %1 h left</source>
        <translation>剩余约 %1 小时</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>(+%1 more)</source>
        <translation>（另有 %1 项）</translation>
    </message>
    <message>
        <source>Cancelling %1</source>
        <translation>正在取消 %1</translation>
    </message>
</context>
<context>
    <name>fl::LabelBadge</name>
    <message>
        <source>no fragment</source>
        <translation>无片段</translation>
    </message>
    <message>
        <source>unlabeled</source>
        <translation>未标注</translation>
    </message>
    <message>
        <source>fragment %1 · frames %2-%3</source>
        <translation>片段 %1 · 第 %2-%3 帧</translation>
    </message>
    <message>
        <source>Fragment %1 of %2 · %3</source>
        <translation>片段 %1 / %2 · %3</translation>
    </message>
</context>
<context>
    <name>fl::LabelingActions</name>
    <message>
        <source>&amp;Clear Labels</source>
        <translation>清除标注(&amp;C)</translation>
    </message>
    <message>
        <source>Remove the labels of the selection or of the fragment under the playhead</source>
        <translation>移除所选内容或播放头所在片段的标注</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>&amp;Paint While Playing</source>
        <translation>播放时涂抹标注(&amp;P)</translation>
    </message>
    <message>
        <source>While playing, holding a class key labels every fragment the playhead passes</source>
        <translation>播放时按住类别键，会标注播放头经过的每个片段</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Add &amp;Class...</source>
        <translation>添加类别(&amp;C)...</translation>
    </message>
    <message>
        <source>Add a label class</source>
        <translation>添加标注类别</translation>
    </message>
    <message>
        <source>Class %1 has no key: %2. Choose another in the Classes panel.</source>
        <translation>类别 %1 没有按键：%2。请在“类别”面板中选择其他按键。</translation>
    </message>
    <message>
        <source>Label as %1</source>
        <translation>标注为 %1</translation>
    </message>
    <message>
        <source>Label the selection (or the fragment under the playhead) as %1; hold while playing to paint</source>
        <translation>将所选内容（或播放头所在的片段）标注为 %1；播放时按住可涂抹标注</translation>
    </message>
</context>
<context>
    <name>fl::LabelingController</name>
    <message>
        <source>There is no fragment to label here (the video is shorter than one fragment).</source>
        <translation>此处没有可标注的片段（视频短于一个片段）。</translation>
    </message>
</context>
<context>
    <name>fl::LabelingProgress</name>
    <message>
        <source>Labeled fragments per class in the current video</source>
        <translation>当前视频中每个类别的已标注片段数</translation>
    </message>
    <message>
        <source>Labeled fragments of the current video</source>
        <translation>当前视频的已标注片段</translation>
    </message>
    <message>
        <source>No video</source>
        <translation>无视频</translation>
    </message>
    <message>
        <source>Labeled %1 / %2 (%3%)</source>
        <translation>已标注 %1 / %2（%3%）</translation>
    </message>
</context>
<context>
    <name>fl::MainWindow</name>
    <message>
        <source>Videos</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit FragmentLab</source>
        <translation>退出 FragmentLab</translation>
    </message>
    <message>
        <source>&amp;About FragmentLab</source>
        <translation>关于 FragmentLab(&amp;A)</translation>
    </message>
    <message>
        <source>Version, credits and licences</source>
        <translation>版本、致谢和许可证</translation>
    </message>
    <message>
        <source>Opening %1...</source>
        <translation>正在打开 %1...</translation>
    </message>
    <message>
        <source>About FragmentLab</source>
        <translation>关于 FragmentLab</translation>
    </message>
    <message>
        <source>Open a project (File &gt; Open Project) or drop video files here.</source>
        <translation>打开一个项目（文件 &gt; 打开项目）或将视频文件拖放到此处。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>帮助</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last change (Ctrl+Z)</source>
        <translation>撤销上一次更改（Ctrl+Z）</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Redo the change undone last (Ctrl+Shift+Z)</source>
        <translation>重做最近撤销的更改（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <source>Se&amp;ttings...</source>
        <translation>设置(&amp;T)...</translation>
    </message>
    <message>
        <source>Autosave, playback, labeling, timeline and appearance settings</source>
        <translation>自动保存、播放、标注、时间轴和外观设置</translation>
    </message>
    <message>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <source>Put the panels back where they were at first start</source>
        <translation>将面板恢复到首次启动时的位置</translation>
    </message>
    <message>
        <source>F&amp;ull Screen</source>
        <translation>全屏(&amp;U)</translation>
    </message>
    <message>
        <source>Toggle full screen</source>
        <translation>切换全屏</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>List every action with its keys</source>
        <translation>列出每个操作及其按键</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;已打开&gt;</translation>
    </message>
    <message>
        <source>Every change since the project was opened; click one to go back to it</source>
        <translation>自打开项目以来的每次更改；点击其中一项可回到该状态</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1：已取消</translation>
    </message>
    <message>
        <source>This project has no videos yet.
Drop video files here or use File &gt; Add Videos (Ctrl+I).</source>
        <translation>此项目还没有视频。
请将视频文件拖放到此处，或使用“文件 &gt; 添加视频”（Ctrl+I）。</translation>
    </message>
    <message>
        <source>Autosaved unsaved changes to the recovery file</source>
        <translation>已将未保存的更改自动保存到恢复文件</translation>
    </message>
    <message>
        <source>Autosave failed: %1</source>
        <translation>自动保存失败：%1</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>%1: %2%</source>
        <translation>%1：%2%</translation>
    </message>
    <message>
        <source>%1 is missing (moved or deleted).
File &gt; Relink Missing Videos finds it by content.</source>
        <translation>%1 缺失（已移动或删除）。
“文件 &gt; 重新链接缺失的视频”可按内容找到它。</translation>
    </message>
    <message>
        <source>No project</source>
        <translation>无项目</translation>
    </message>
    <message>
        <source>%1[*] - FragmentLab</source>
        <translation>%1[*] - FragmentLab</translation>
    </message>
    <message>
        <source>frame %1 · %2</source>
        <translation>第 %1 帧 · %2</translation>
    </message>
    <message>
        <source>fragment %1 selected</source>
        <translation>已选择片段 %1</translation>
    </message>
    <message>
        <source>%1 fragments selected (%2-%3)</source>
        <translation>已选择 %1 个片段（%2-%3）</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FragmentLab %1&lt;/h3&gt;&lt;p&gt;A workbench for spatial-temporal fragments of video: label them, train a model on them, inspect what it learned.&lt;/p&gt;&lt;p&gt;Built with Qt %2, OpenCV (FFmpeg) and LibTorch.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Demo media&lt;/b&gt;&lt;br&gt;&lt;i&gt;Big Buck Bunny&lt;/i&gt; &amp;copy; copyright 2008, Blender Foundation, &lt;a href=&apos;https://www.bigbuckbunny.org&apos;&gt;www.bigbuckbunny.org&lt;/a&gt;, licensed &lt;a href=&apos;https://creativecommons.org/licenses/by/3.0/&apos;&gt;CC BY 3.0&lt;/a&gt;.&lt;br&gt;&lt;i&gt;cityCC0.mpg&lt;/i&gt; (a city at night) from the Kivy examples, released under &lt;a href=&apos;https://creativecommons.org/publicdomain/zero/1.0/&apos;&gt;CC0&lt;/a&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FragmentLab %1&lt;/h3&gt;&lt;p&gt;视频时空片段工作台：标注片段、用它们训练模型、检查模型学到了什么。&lt;/p&gt;&lt;p&gt;基于 Qt %2、OpenCV（FFmpeg）和 LibTorch 构建。&lt;/p&gt;&lt;p&gt;&lt;b&gt;演示素材&lt;/b&gt;&lt;br&gt;&lt;i&gt;Big Buck Bunny&lt;/i&gt; &amp;copy; copyright 2008, Blender Foundation, &lt;a href=&apos;https://www.bigbuckbunny.org&apos;&gt;www.bigbuckbunny.org&lt;/a&gt;，采用 &lt;a href=&apos;https://creativecommons.org/licenses/by/3.0/&apos;&gt;CC BY 3.0&lt;/a&gt; 许可。&lt;br&gt;&lt;i&gt;cityCC0.mpg&lt;/i&gt;（夜晚的城市）来自 Kivy 示例，以 &lt;a href=&apos;https://creativecommons.org/publicdomain/zero/1.0/&apos;&gt;CC0&lt;/a&gt; 发布。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>fl::Menus</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>标注(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
</context>
<context>
    <name>fl::ModelCheckPanel</name>
    <message>
        <source>Score on</source>
        <translation>评分依据</translation>
    </message>
    <message>
        <source>the validation split (held out by training)</source>
        <translation>验证集（训练时留出）</translation>
    </message>
    <message>
        <source>every labeled fragment</source>
        <translation>所有已标注片段</translation>
    </message>
    <message>
        <source>Training fragments flatter the model: the validation split is the honest score</source>
        <translation>训练片段会高估模型：验证集上的分数才是可信的</translation>
    </message>
    <message>
        <source>Fragments in the clicked cell:</source>
        <translation>所点击单元格中的片段：</translation>
    </message>
    <message>
        <source>Click a fragment to go there</source>
        <translation>点击片段可跳转到该处</translation>
    </message>
    <message>
        <source>No predictions of the active model yet: run Predict first.</source>
        <translation>活动模型还没有预测结果：请先运行“预测”。</translation>
    </message>
    <message>
        <source>%1 labeled fragments scored.</source>
        <translation>已评估 %1 个已标注片段。</translation>
    </message>
    <message>
        <source>%1 not predicted yet.</source>
        <translation>%1 个尚未预测。</translation>
    </message>
    <message>
        <source>%1 carry a class the model does not know.</source>
        <translation>%1 个带有模型不认识的类别。</translation>
    </message>
    <message>
        <source>%1, fragment %2 (labeled %3, predicted %4)</source>
        <translation>%1，片段 %2（标注为 %3，预测为 %4）</translation>
    </message>
</context>
<context>
    <name>fl::ModelListModel</name>
    <message>
        <source>%1
classes: %2</source>
        <translation>%1
类别：%2</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>训练时间</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>架构</translation>
    </message>
    <message>
        <source>Macro-F1</source>
        <translation>宏 F1</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练集</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
</context>
<context>
    <name>fl::ModelListPanel</name>
    <message>
        <source>Make active</source>
        <translation>设为活动模型</translation>
    </message>
    <message>
        <source>Show report</source>
        <translation>显示报告</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Training report</source>
        <translation>训练报告</translation>
    </message>
</context>
<context>
    <name>fl::ModelWorkspace</name>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
    <message>
        <source>No fragment</source>
        <translation>无片段</translation>
    </message>
    <message>
        <source>No active model: train one or pick one in the Models panel.</source>
        <translation>没有活动模型：请训练一个模型，或在“模型”面板中选择一个。</translation>
    </message>
    <message>
        <source>Active model</source>
        <translation>活动模型</translation>
    </message>
    <message>
        <source>Active model: %1 (save the project to keep the choice)</source>
        <translation>活动模型：%1（保存项目以保留此选择）</translation>
    </message>
</context>
<context>
    <name>fl::NewProjectDialog</name>
    <message>
        <source>New Project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <source>A new or empty folder; the project file, cache and models go in it</source>
        <translation>新的或空的文件夹；项目文件、缓存和模型都存放在其中</translation>
    </message>
    <message>
        <source>Browse...</source>
        <translation>浏览...</translation>
    </message>
    <message>
        <source>Choose the project folder</source>
        <translation>选择项目文件夹</translation>
    </message>
    <message>
        <source>Project Folder</source>
        <translation>项目文件夹</translation>
    </message>
    <message>
        <source>Comma-separated class names; keys 1-9 are assigned in order. More can be added later.</source>
        <translation>以逗号分隔的类别名称；按顺序分配按键 1-9。以后可以添加更多类别。</translation>
    </message>
    <message>
        <source>Frames per fragment (T)</source>
        <translation>每个片段的帧数（T）</translation>
    </message>
    <message>
        <source>Frames between the starts of two fragments (S); equal to the length: no overlap, no gap</source>
        <translation>两个片段起始帧之间的帧数（S）；等于长度时：无重叠、无间隔</translation>
    </message>
    <message>
        <source>Step between the frames of a fragment (K)</source>
        <translation>片段内各帧之间的步长（K）</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Fragment length</source>
        <translation>片段长度</translation>
    </message>
    <message>
        <source>Stride</source>
        <translation>步幅</translation>
    </message>
    <message>
        <source>Frame step</source>
        <translation>帧步长</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Choose a folder for the project.</source>
        <translation>请为项目选择一个文件夹。</translation>
    </message>
    <message>
        <source>This folder already holds a project; open it instead.</source>
        <translation>此文件夹已包含一个项目；请直接打开它。</translation>
    </message>
    <message>
        <source>Give at least one class.</source>
        <translation>请至少提供一个类别。</translation>
    </message>
    <message>
        <source>motion, static</source>
        <comment>default class names, comma-separated</comment>
        <translation>运动, 静止</translation>
    </message>
</context>
<context>
    <name>fl::PlaybackActions</name>
    <message>
        <source>Playback</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>&amp;Play / Pause</source>
        <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
        <source>Start or stop playback</source>
        <translation>开始或停止播放</translation>
    </message>
    <message>
        <source>Next &amp;Frame</source>
        <translation>下一帧(&amp;F)</translation>
    </message>
    <message>
        <source>Step one frame forward</source>
        <translation>前进一帧</translation>
    </message>
    <message>
        <source>Previous F&amp;rame</source>
        <translation>上一帧(&amp;R)</translation>
    </message>
    <message>
        <source>Step one frame back</source>
        <translation>后退一帧</translation>
    </message>
    <message>
        <source>Next Fra&amp;gment</source>
        <translation>下一个片段(&amp;G)</translation>
    </message>
    <message>
        <source>Jump to the first frame of the next fragment</source>
        <translation>跳到下一个片段的第一帧</translation>
    </message>
    <message>
        <source>Previous Fragm&amp;ent</source>
        <translation>上一个片段(&amp;E)</translation>
    </message>
    <message>
        <source>Jump to the first frame of this or the previous fragment</source>
        <translation>跳到当前或上一个片段的第一帧</translation>
    </message>
    <message>
        <source>Forward 1 Second</source>
        <translation>前进 1 秒</translation>
    </message>
    <message>
        <source>Jump one second ahead</source>
        <translation>向前跳一秒</translation>
    </message>
    <message>
        <source>Back 1 Second</source>
        <translation>后退 1 秒</translation>
    </message>
    <message>
        <source>Jump one second back</source>
        <translation>向后跳一秒</translation>
    </message>
    <message>
        <source>Forward 10 Seconds</source>
        <translation>前进 10 秒</translation>
    </message>
    <message>
        <source>Jump ten seconds ahead</source>
        <translation>向前跳十秒</translation>
    </message>
    <message>
        <source>Back 10 Seconds</source>
        <translation>后退 10 秒</translation>
    </message>
    <message>
        <source>Jump ten seconds back</source>
        <translation>向后跳十秒</translation>
    </message>
    <message>
        <source>First Frame</source>
        <translation>第一帧</translation>
    </message>
    <message>
        <source>Go to the first frame</source>
        <translation>跳到第一帧</translation>
    </message>
    <message>
        <source>Last Frame</source>
        <translation>最后一帧</translation>
    </message>
    <message>
        <source>Go to the last frame</source>
        <translation>跳到最后一帧</translation>
    </message>
    <message>
        <source>Faster</source>
        <translation>加快</translation>
    </message>
    <message>
        <source>Play faster (up to 4×)</source>
        <translation>加快播放（最高 4×）</translation>
    </message>
    <message>
        <source>Slower</source>
        <translation>减慢</translation>
    </message>
    <message>
        <source>Play slower (down to 0.25×)</source>
        <translation>减慢播放（最低 0.25×）</translation>
    </message>
    <message>
        <source>Normal Speed</source>
        <translation>正常速度</translation>
    </message>
    <message>
        <source>Play at 1×</source>
        <translation>以 1× 播放</translation>
    </message>
    <message>
        <source>&amp;Go To Frame or Time...</source>
        <translation>跳转到帧或时间(&amp;G)...</translation>
    </message>
    <message>
        <source>Jump to a frame number or a time</source>
        <translation>跳转到某个帧号或时间</translation>
    </message>
    <message>
        <source>Next &amp;Unlabeled Fragment</source>
        <translation>下一个未标注片段(&amp;U)</translation>
    </message>
    <message>
        <source>Jump to the next fragment without a label</source>
        <translation>跳到下一个没有标注的片段</translation>
    </message>
    <message>
        <source>Previous Unlabeled Fragment</source>
        <translation>上一个未标注片段</translation>
    </message>
    <message>
        <source>Jump to the previous fragment without a label</source>
        <translation>跳到上一个没有标注的片段</translation>
    </message>
    <message>
        <source>Next &amp;Video</source>
        <translation>下一个视频(&amp;V)</translation>
    </message>
    <message>
        <source>Show the next video of the project</source>
        <translation>显示项目中的下一个视频</translation>
    </message>
    <message>
        <source>Previous V&amp;ideo</source>
        <translation>上一个视频(&amp;I)</translation>
    </message>
    <message>
        <source>Show the previous video of the project</source>
        <translation>显示项目中的上一个视频</translation>
    </message>
    <message>
        <source>Go To</source>
        <translation>跳转</translation>
    </message>
    <message>
        <source>Frame number (0-%1) or time (e.g. 65.2s, 1:05.2, 00:01:05.200):</source>
        <translation>帧号（0-%1）或时间（例如 65.2s、1:05.2、00:01:05.200）：</translation>
    </message>
</context>
<context>
    <name>fl::PredictionWorkspace</name>
    <message>
        <source>Predict</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>&amp;Predict All Videos</source>
        <translation>预测所有视频(&amp;P)</translation>
    </message>
    <message>
        <source>Run the active model over every fragment of every video</source>
        <translation>用活动模型处理每个视频的每个片段</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Predict &amp;This Video</source>
        <translation>预测此视频(&amp;T)</translation>
    </message>
    <message>
        <source>Run the active model over every fragment of the current video</source>
        <translation>用活动模型处理当前视频的每个片段</translation>
    </message>
    <message>
        <source>no video is open</source>
        <translation>没有打开的视频</translation>
    </message>
    <message>
        <source>Next Predicted &amp;Bout</source>
        <translation>下一个预测连续段(&amp;B)</translation>
    </message>
    <message>
        <source>Go to the next bout predicted as the review class</source>
        <translation>跳到下一个被预测为审阅类别的连续段</translation>
    </message>
    <message>
        <source>Previous Predicted Bout</source>
        <translation>上一个预测连续段</translation>
    </message>
    <message>
        <source>Go to the previous bout predicted as the review class</source>
        <translation>跳到上一个被预测为审阅类别的连续段</translation>
    </message>
    <message>
        <source>Next &amp;Uncertain Fragment</source>
        <translation>下一个不确定片段(&amp;U)</translation>
    </message>
    <message>
        <source>Go to the next fragment the model is unsure about</source>
        <translation>跳到下一个模型不确定的片段</translation>
    </message>
    <message>
        <source>Previous Uncertain Fragment</source>
        <translation>上一个不确定片段</translation>
    </message>
    <message>
        <source>Go to the previous fragment the model is unsure about</source>
        <translation>跳到上一个模型不确定的片段</translation>
    </message>
    <message>
        <source>&amp;Accept Prediction</source>
        <translation>接受预测(&amp;A)</translation>
    </message>
    <message>
        <source>Make the prediction of the selected fragments (or the current one) their label</source>
        <translation>将所选片段（或当前片段）的预测设为其标注</translation>
    </message>
    <message>
        <source>Accept prediction</source>
        <translation>接受预测</translation>
    </message>
    <message>
        <source>Accept Predictions Above &amp;Threshold</source>
        <translation>接受高于阈值的预测(&amp;T)</translation>
    </message>
    <message>
        <source>Label every fragment of the selection (or the video) whose confidence reaches the threshold</source>
        <translation>标注所选内容（或整个视频）中置信度达到阈值的每个片段</translation>
    </message>
    <message>
        <source>Accept predictions</source>
        <translation>接受预测</translation>
    </message>
    <message>
        <source>Predicted: %1 (%2%)</source>
        <translation>预测：%1（%2%）</translation>
    </message>
    <message>
        <source>Predicted: uncertain</source>
        <translation>预测：不确定</translation>
    </message>
    <message>
        <source> (smoothed)</source>
        <translation>（已平滑）</translation>
    </message>
    <message>
        <source>No active model: train one (Tools &gt; Train model) or pick one in the Models panel.</source>
        <translation>没有活动模型：请训练一个模型（工具 &gt; 训练模型），或在“模型”面板中选择一个。</translation>
    </message>
    <message>
        <source>Active model: %1</source>
        <translation>活动模型：%1</translation>
    </message>
    <message>
        <source>uncertain: %1</source>
        <translation>不确定：%1</translation>
    </message>
    <message>
        <source>%1 of %2 fragments predicted. %3</source>
        <translation>已预测 %2 个片段中的 %1 个。%3</translation>
    </message>
    <message>
        <source>This video has no predictions of the active model yet.</source>
        <translation>此视频还没有活动模型的预测结果。</translation>
    </message>
    <message>
        <source>no project is open</source>
        <translation>没有打开的项目</translation>
    </message>
    <message>
        <source>a prediction is already running</source>
        <translation>已有预测正在运行</translation>
    </message>
    <message>
        <source>the project has no active model: train one first (Tools &gt; Train model) or pick one in the Models panel</source>
        <translation>项目没有活动模型：请先训练一个模型（工具 &gt; 训练模型），或在“模型”面板中选择一个</translation>
    </message>
    <message>
        <source>the project has no videos</source>
        <translation>项目中没有视频</translation>
    </message>
    <message>
        <source>No further bout of %1</source>
        <translation>没有更多 %1 的连续段</translation>
    </message>
    <message>
        <source>No further fragment below %1 confidence</source>
        <translation>没有更多置信度低于 %1 的片段</translation>
    </message>
    <message>
        <source>this video has no predictions</source>
        <translation>此视频没有预测结果</translation>
    </message>
    <message>
        <source>the project has no class &quot;%1&quot; (the model&apos;s class): add it first</source>
        <translation>项目中没有类别“%1”（模型的类别）：请先添加它</translation>
    </message>
    <message>
        <source>No suggestions: predict first, or every predicted fragment is labeled</source>
        <translation>没有建议：请先进行预测，或者所有已预测的片段都已标注</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标注</translation>
    </message>
</context>
<context>
    <name>fl::PredictionsPanel</name>
    <message>
        <source>Predict all videos</source>
        <translation>预测所有视频</translation>
    </message>
    <message>
        <source>Predict this video</source>
        <translation>预测此视频</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <source> fragments</source>
        <translation> 个片段</translation>
    </message>
    <message>
        <source>Bouts shorter than this are merged into their neighbours (1: no smoothing)</source>
        <translation>短于此长度的连续段将并入相邻的连续段（1：不平滑）</translation>
    </message>
    <message>
        <source>Minimum bout</source>
        <translation>最短连续段</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <source>The class that &quot;next/previous bout&quot; steps through</source>
        <translation>“下一个/上一个连续段”所遍历的类别</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Label next</source>
        <translation>建议接下来标注</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Fragment</source>
        <translation>片段</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Uncertainty</source>
        <translation>不确定度</translation>
    </message>
    <message>
        <source>Fragments the model is least sure about, spread over the videos: click one to go there</source>
        <translation>模型最没有把握的片段（分布在各个视频中）：点击一个可跳转到该处</translation>
    </message>
    <message>
        <source>Refresh suggestions</source>
        <translation>刷新建议</translation>
    </message>
    <message>
        <source>Rank the fragments again (after new labels or predictions)</source>
        <translation>重新对片段排序（在新增标注或预测之后）</translation>
    </message>
    <message>
        <source>(uncertain)</source>
        <translation>（不确定）</translation>
    </message>
    <message>
        <source>On the timeline&apos;s Predicted row, fragments whose confidence is below this are drawn grey, as uncertain (0: every fragment in its class colour); Shift+A accepts only fragments at or above it</source>
        <translation>在时间线的“预测”行上，置信度低于此值的片段显示为灰色，表示不确定（0：每个片段都用其类别颜色）；Shift+A 只接受置信度不低于此值的片段</translation>
    </message>
    <message>
        <source>Grey on timeline below</source>
        <translation>时间线上低于此值显示灰色</translation>
    </message>
    <message>
        <source>Decision thresholds</source>
        <translation>决策阈值</translation>
    </message>
    <message>
        <source>A fragment takes the class whose probability most exceeds its threshold; training tunes them on held-out folds of the labels</source>
        <translation>片段取概率超出其阈值最多的类别；训练时在标签的留出折上调优这些阈值</translation>
    </message>
    <message>
        <source>Model&apos;s values</source>
        <translation>模型的值</translation>
    </message>
    <message>
        <source>Put the thresholds and the minimum bout back to what training tuned</source>
        <translation>把阈值和最短片段数恢复为训练调优的值</translation>
    </message>
    <message>
        <source>Review only: Next / Previous Uncertain (M / Shift+M) stop at fragments whose confidence is below this; the timeline and the decisions do not change</source>
        <translation>仅用于审阅：下一个 / 上一个不确定片段（M / Shift+M）停在置信度低于此值的片段；时间线和决策不变</translation>
    </message>
    <message>
        <source>M stops below</source>
        <translation>M 停在低于此值处</translation>
    </message>
    <message>
        <source>Class &quot;%1&quot; is decided where its probability minus this beats every other class&apos;s</source>
        <translation>当类别“%1”的概率减去此值后仍高于其他每个类别时，判为该类别</translation>
    </message>
    <message>
        <source>No model.</source>
        <translation>没有模型。</translation>
    </message>
    <message>
        <source>The model&apos;s own decision: the most probable class.</source>
        <translation>模型自身的决策：概率最高的类别。</translation>
    </message>
    <message>
        <source>Tuned on held-out folds when the model was trained.</source>
        <translation>在训练模型时于留出折上调优。</translation>
    </message>
    <message>
        <source>Export bouts as clips...</source>
        <translation>将连续段导出为剪辑...</translation>
    </message>
    <message>
        <source>Each bout of the class above in the current video as a video file, in a folder (stream copy where a bout starts on a keyframe, else re-encoded)</source>
        <translation>将当前视频中上方所选类别的每个连续段各导出为一个视频文件，存入一个文件夹（连续段从关键帧开始时使用流复制，否则重新编码）</translation>
    </message>
</context>
<context>
    <name>fl::ProbabilityPlot</name>
    <message>
        <source>The model&apos;s probability for each class per fragment; click to go there</source>
        <translation>模型对每个片段各类别的概率；点击可跳转到该处</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>概率</translation>
    </message>
</context>
<context>
    <name>fl::ProjectDocument</name>
    <message>
        <source>%1: no recovery file to open</source>
        <translation>%1：没有可打开的恢复文件</translation>
    </message>
    <message>
        <source>no project is open</source>
        <translation>没有打开的项目</translation>
    </message>
    <message>
        <source>no video %1 in the project</source>
        <translation>项目中没有视频 %1</translation>
    </message>
    <message>
        <source>Label 1 fragment as %1</source>
        <translation>将 1 个片段标注为 %1</translation>
    </message>
    <message>
        <source>Label %1 fragments as %2</source>
        <translation>将 %1 个片段标注为 %2</translation>
    </message>
    <message>
        <source>Label frames %1-%2 as %3</source>
        <translation>将第 %1-%2 帧标注为 %3</translation>
    </message>
    <message>
        <source>Clear labels of frames %1-%2</source>
        <translation>清除第 %1-%2 帧的标注</translation>
    </message>
    <message>
        <source>Import labels from %1 (%2 ranges)</source>
        <translation>从 %1 导入标注（%2 个区间）</translation>
    </message>
    <message>
        <source>Clear the active model</source>
        <translation>清除活动模型</translation>
    </message>
    <message>
        <source>Make %1 the active model</source>
        <translation>将 %1 设为活动模型</translation>
    </message>
    <message>
        <source>Add class %1</source>
        <translation>添加类别 %1</translation>
    </message>
    <message>
        <source>Rename class %1 to %2</source>
        <translation>将类别 %1 重命名为 %2</translation>
    </message>
    <message>
        <source>no class &quot;%1&quot;</source>
        <translation>没有类别“%1”</translation>
    </message>
    <message>
        <source>Recolour class %1</source>
        <translation>更改类别 %1 的颜色</translation>
    </message>
    <message>
        <source>Set key of class %1 to %2</source>
        <translation>将类别 %1 的按键设为 %2</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>cannot move class %1 to position %2 (there are %3 classes)</source>
        <translation>无法将类别 %1 移动到位置 %2（共有 %3 个类别）</translation>
    </message>
    <message>
        <source>Move class %1</source>
        <translation>移动类别 %1</translation>
    </message>
    <message>
        <source>Delete class %1 (labeled fragments: %2)</source>
        <translation>删除类别 %1（已标注片段：%2）</translation>
    </message>
    <message>
        <source>Add video %1</source>
        <translation>添加视频 %1</translation>
    </message>
    <message>
        <source>Add %1 videos</source>
        <translation>添加 %1 个视频</translation>
    </message>
    <message>
        <source>Remove video %1</source>
        <translation>移除视频 %1</translation>
    </message>
    <message>
        <source>Relink moved videos (%1)</source>
        <translation>重新链接已移动的视频（%1）</translation>
    </message>
</context>
<context>
    <name>fl::ProjectFiles</name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>&amp;New Project...</source>
        <translation>新建项目(&amp;N)...</translation>
    </message>
    <message>
        <source>Create a project in a new folder</source>
        <translation>在新文件夹中创建项目</translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation>打开项目(&amp;O)...</translation>
    </message>
    <message>
        <source>Open a project folder</source>
        <translation>打开项目文件夹</translation>
    </message>
    <message>
        <source>Open &amp;Demo Project</source>
        <translation>打开演示项目(&amp;D)</translation>
    </message>
    <message>
        <source>Open (a copy of) the bundled demo project</source>
        <translation>打开自带演示项目（的副本）</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Save &amp;As...</source>
        <translation>另存为(&amp;A)...</translation>
    </message>
    <message>
        <source>Save the project into another folder and continue there</source>
        <translation>将项目保存到另一个文件夹并在那里继续</translation>
    </message>
    <message>
        <source>Add &amp;Videos...</source>
        <translation>添加视频(&amp;V)...</translation>
    </message>
    <message>
        <source>Add video files to the project (or drop them on the window)</source>
        <translation>向项目添加视频文件（或将其拖放到窗口上）</translation>
    </message>
    <message>
        <source>&amp;Relink Missing Videos...</source>
        <translation>重新链接缺失的视频(&amp;R)...</translation>
    </message>
    <message>
        <source>Find videos that moved, by content, in a folder you choose</source>
        <translation>在您选择的文件夹中按内容查找已移动的视频</translation>
    </message>
    <message>
        <source>&amp;Import Labels...</source>
        <translation>导入标注(&amp;I)...</translation>
    </message>
    <message>
        <source>Import labels from a CSV or JSON file (undoable)</source>
        <translation>从 CSV 或 JSON 文件导入标注（可撤销）</translation>
    </message>
    <message>
        <source>&amp;Export Labels...</source>
        <translation>导出标注(&amp;E)...</translation>
    </message>
    <message>
        <source>Export all labels to a CSV or JSON file</source>
        <translation>将所有标注导出到 CSV 或 JSON 文件</translation>
    </message>
    <message>
        <source>Build &amp;Fragment Cache</source>
        <translation>构建片段缓存(&amp;F)</translation>
    </message>
    <message>
        <source>Decode every video once into the fragment cache that training and prediction read</source>
        <translation>将每个视频解码一次，存入训练和预测所读取的片段缓存</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>Clear Recent Projects</source>
        <translation>清除最近的项目</translation>
    </message>
    <message>
        <source>Forget the list of recent projects</source>
        <translation>清除最近项目列表</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Demo Project</source>
        <translation>演示项目</translation>
    </message>
    <message>
        <source>Recovery Failed</source>
        <translation>恢复失败</translation>
    </message>
    <message>
        <source>%1
The project opens as it was last saved.</source>
        <translation>%1
项目将按上次保存的状态打开。</translation>
    </message>
    <message>
        <source>Cannot Open Project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Videos missing from this project: %1. File &gt; Relink Missing Videos finds moved files.</source>
        <translation>此项目缺少的视频：%1。“文件 &gt; 重新链接缺失的视频”可找到已移动的文件。</translation>
    </message>
    <message>
        <source>no demo project in this installation</source>
        <translation>此安装中没有演示项目</translation>
    </message>
    <message>
        <source>Cannot Create Project</source>
        <translation>无法创建项目</translation>
    </message>
    <message>
        <source>Open Project Folder</source>
        <translation>打开项目文件夹</translation>
    </message>
    <message>
        <source>Cannot Save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save Project As (a new folder)</source>
        <translation>项目另存为（新文件夹）</translation>
    </message>
    <message>
        <source>Saved as %1</source>
        <translation>已另存为 %1</translation>
    </message>
    <message>
        <source>Add Videos</source>
        <translation>添加视频</translation>
    </message>
    <message>
        <source>Open or create a project first (File &gt; New Project).</source>
        <translation>请先打开或创建一个项目（文件 &gt; 新建项目）。</translation>
    </message>
    <message>
        <source>no project is open</source>
        <translation>没有打开的项目</translation>
    </message>
    <message>
        <source>Adding 1 video</source>
        <translation>正在添加 1 个视频</translation>
    </message>
    <message>
        <source>Adding %1 videos</source>
        <translation>正在添加 %1 个视频</translation>
    </message>
    <message>
        <source>Added 1 video</source>
        <translation>已添加 1 个视频</translation>
    </message>
    <message>
        <source>Added %1 videos</source>
        <translation>已添加 %1 个视频</translation>
    </message>
    <message>
        <source>Some files were not added:

%1</source>
        <translation>部分文件未添加：

%1</translation>
    </message>
    <message>
        <source>Relink Videos</source>
        <translation>重新链接视频</translation>
    </message>
    <message>
        <source>Moved videos found: %1</source>
        <translation>找到已移动的视频：%1</translation>
    </message>
    <message>
        <source>Import Labels</source>
        <translation>导入标注</translation>
    </message>
    <message>
        <source>Label ranges imported: %1 (Edit &gt; Undo takes them back)</source>
        <translation>已导入的标注区间：%1（“编辑 &gt; 撤销”可撤回）</translation>
    </message>
    <message>
        <source>Exporting labels to %1</source>
        <translation>正在将标注导出到 %1</translation>
    </message>
    <message>
        <source>Exported labels to %1</source>
        <translation>已将标注导出到 %1</translation>
    </message>
    <message>
        <source>Export Labels</source>
        <translation>导出标注</translation>
    </message>
    <message>
        <source>Building the fragment cache</source>
        <translation>正在构建片段缓存</translation>
    </message>
    <message>
        <source>The fragment cache is complete</source>
        <translation>片段缓存已完整</translation>
    </message>
    <message>
        <source>Fragment Cache</source>
        <translation>片段缓存</translation>
    </message>
    <message>
        <source>Scrub preview of %1</source>
        <translation>%1 的拖动预览</translation>
    </message>
</context>
<context>
    <name>fl::ScenesController</name>
    <message>
        <source>&amp;Detect Scenes</source>
        <translation>检测场景(&amp;D)</translation>
    </message>
    <message>
        <source>Find the scene cuts of the current video</source>
        <translation>查找当前视频的场景切换</translation>
    </message>
    <message>
        <source>Pick &amp;Keyframes</source>
        <translation>挑选关键帧(&amp;K)</translation>
    </message>
    <message>
        <source>Pick the best frames of each scene (or predicted run)</source>
        <translation>挑选每个场景（或预测的连续段）中最好的帧</translation>
    </message>
    <message>
        <source>Add Keyframe Here</source>
        <translation>在此处添加关键帧</translation>
    </message>
    <message>
        <source>Make the current frame a keyframe</source>
        <translation>将当前帧设为关键帧</translation>
    </message>
    <message>
        <source>Remove Keyframe</source>
        <translation>移除关键帧</translation>
    </message>
    <message>
        <source>Remove the selected keyframe (or the one at the current frame)</source>
        <translation>移除所选关键帧（或当前帧上的关键帧）</translation>
    </message>
    <message>
        <source>&amp;Export Keyframes...</source>
        <translation>导出关键帧(&amp;E)...</translation>
    </message>
    <message>
        <source>Export keyframe images, CSV, EDL and chapters</source>
        <translation>导出关键帧图像、CSV、EDL 和章节</translation>
    </message>
    <message>
        <source>Detect scenes</source>
        <translation>检测场景</translation>
    </message>
    <message>
        <source>No video is open.</source>
        <translation>没有打开的视频。</translation>
    </message>
    <message numerus="yes">
        <source>%n scene(s) found</source>
        <translation>
            <numerusform>找到 %n 个场景</numerusform>
        </translation>
    </message>
    <message>
        <source>Pick keyframes</source>
        <translation>挑选关键帧</translation>
    </message>
    <message>
        <source>This video has no predictions: predict first.</source>
        <translation>此视频没有预测结果：请先进行预测。</translation>
    </message>
    <message>
        <source>No run of fragments is predicted as %1 with confidence %2 or more.</source>
        <translation>没有以 %2 或更高置信度被预测为 %1 的连续段。</translation>
    </message>
    <message>
        <source>Picking keyframes</source>
        <translation>正在挑选关键帧</translation>
    </message>
    <message>
        <source>no keyframes to export: pick keyframes first</source>
        <translation>没有可导出的关键帧：请先挑选关键帧</translation>
    </message>
    <message>
        <source>Exporting keyframes</source>
        <translation>正在导出关键帧</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1：无法创建文件夹</translation>
    </message>
    <message>
        <source>%1 scenes</source>
        <translation>%1 场景</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Export keyframes</source>
        <translation>导出关键帧</translation>
    </message>
    <message>
        <source>Keyframes exported to %1</source>
        <translation>关键帧已导出到 %1</translation>
    </message>
    <message>
        <source>no predictions to export: predict first</source>
        <translation>没有可导出的预测：请先进行预测</translation>
    </message>
    <message>
        <source>No keyframes to export: pick keyframes first.</source>
        <translation>没有可导出的关键帧：请先挑选关键帧。</translation>
    </message>
    <message>
        <source>Folder for the Keyframes</source>
        <translation>关键帧的文件夹</translation>
    </message>
    <message>
        <source>Image Format</source>
        <translation>图像格式</translation>
    </message>
    <message>
        <source>Keyframe images as</source>
        <translation>关键帧图像格式</translation>
    </message>
    <message>
        <source>Export Predictions</source>
        <translation>导出预测</translation>
    </message>
    <message>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Export predictions</source>
        <translation>导出预测</translation>
    </message>
    <message>
        <source>Predictions exported to %1</source>
        <translation>预测结果已导出到 %1</translation>
    </message>
    <message numerus="yes">
        <source>Detect scenes (%n scene(s))</source>
        <translation>
            <numerusform>检测场景（%n 个场景）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Pick keyframes (%n)</source>
        <translation>
            <numerusform>挑选关键帧（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>Add a keyframe at frame %1</source>
        <translation>在第 %1 帧添加关键帧</translation>
    </message>
    <message>
        <source>Remove the keyframe at frame %1</source>
        <translation>删除第 %1 帧的关键帧</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
</context>
<context>
    <name>fl::ScenesPanel</name>
    <message>
        <source>Scene cuts</source>
        <translation>场景切换</translation>
    </message>
    <message>
        <source>Content change (0-255) between frames that makes a cut; lower finds more cuts</source>
        <translation>使帧间判定为切换的内容变化量（0-255）；值越低，找到的切换越多</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source> frames</source>
        <translation> 帧</translation>
    </message>
    <message>
        <source>No scene is shorter than this</source>
        <translation>场景不会短于此长度</translation>
    </message>
    <message>
        <source>Minimum scene</source>
        <translation>最短场景</translation>
    </message>
    <message>
        <source>Detect fades to and from black</source>
        <translation>检测淡入和淡出黑场</translation>
    </message>
    <message>
        <source>Detect scenes</source>
        <translation>检测场景</translation>
    </message>
    <message>
        <source>Scenes of the current video: click one to go to its first frame</source>
        <translation>当前视频的场景：点击一个可跳转到其第一帧</translation>
    </message>
    <message>
        <source>Keyframes</source>
        <translation>关键帧</translation>
    </message>
    <message>
        <source>Pick keyframes in each scene, or in each run of fragments predicted as a class</source>
        <translation>在每个场景中，或在每段被预测为某一类别的连续段中挑选关键帧</translation>
    </message>
    <message>
        <source>In</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Per segment</source>
        <translation>每段数量</translation>
    </message>
    <message>
        <source>For runs of a class: fragments below this confidence end a run</source>
        <translation>对于某一类别的连续段：置信度低于此值的片段会结束该段</translation>
    </message>
    <message>
        <source>Minimum confidence</source>
        <translation>最低置信度</translation>
    </message>
    <message>
        <source>Pick keyframes</source>
        <translation>挑选关键帧</translation>
    </message>
    <message>
        <source>Keyframes of the current video: click to go there, Delete removes one</source>
        <translation>当前视频的关键帧：点击可跳转到该处，按 Delete 可删除</translation>
    </message>
    <message>
        <source>Export keyframes...</source>
        <translation>导出关键帧...</translation>
    </message>
    <message>
        <source>Images, a CSV, an EDL of the segments and FFmpeg chapters, into a folder</source>
        <translation>将图像、CSV、片段的 EDL 和 FFmpeg 章节导出到一个文件夹</translation>
    </message>
    <message>
        <source>Export predictions...</source>
        <translation>导出预测...</translation>
    </message>
    <message>
        <source>Every video&apos;s predictions as CSV or JSON</source>
        <translation>以 CSV 或 JSON 导出每个视频的预测结果</translation>
    </message>
    <message>
        <source>each scene</source>
        <translation>每个场景</translation>
    </message>
    <message>
        <source>runs predicted as %1</source>
        <translation>被预测为 %1 的连续段</translation>
    </message>
    <message>
        <source>Scene %1: frames %2-%3 (%4)</source>
        <translation>场景 %1：第 %2-%3 帧（%4）</translation>
    </message>
    <message>
        <source>Frame %1, added by hand</source>
        <translation>第 %1 帧，手动添加</translation>
    </message>
    <message>
        <source>Frame %1, score %2 (sharpness %3, representativeness %4%5)</source>
        <translation>第 %1 帧，得分 %2（清晰度 %3，代表性 %4%5）</translation>
    </message>
    <message>
        <source>, confidence %1</source>
        <translation>，置信度 %1</translation>
    </message>
    <message>
        <source>Export clips...</source>
        <translation>导出剪辑...</translation>
    </message>
    <message>
        <source>Each scene as a video file (VIDEO-Scene-001.mp4, ...) in a folder: stream copy where a scene starts on a keyframe, else re-encoded</source>
        <translation>将每个场景各导出为一个视频文件（VIDEO-Scene-001.mp4 等），存入一个文件夹：场景从关键帧开始时使用流复制，否则重新编码</translation>
    </message>
    <message>
        <source>Detect dissolves (cross-fades)</source>
        <translation>检测叠化（交叉淡变）</translation>
    </message>
    <message>
        <source>One boundary in the middle of each gradual blend from one shot to the next</source>
        <translation>在从一个镜头逐渐叠化到下一个镜头的过程中间设一个边界</translation>
    </message>
</context>
<context>
    <name>fl::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>How often unsaved changes are written to the recovery file (0: never)</source>
        <translation>将未保存的更改写入恢复文件的频率（0：从不）</translation>
    </message>
    <message>
        <source>Autosave every</source>
        <translation>自动保存间隔</translation>
    </message>
    <message>
        <source>Open the last project on start</source>
        <translation>启动时打开上次的项目</translation>
    </message>
    <message>
        <source>Otherwise FragmentLab starts with the demo project</source>
        <translation>否则 FragmentLab 启动时打开演示项目</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>×</source>
        <translation>×</translation>
    </message>
    <message>
        <source>Playback speed when a video opens</source>
        <translation>打开视频时的播放速度</translation>
    </message>
    <message>
        <source>Default speed</source>
        <translation>默认速度</translation>
    </message>
    <message>
        <source> frames</source>
        <translation> 帧</translation>
    </message>
    <message>
        <source>Frames decoded ahead of a paused playhead, so stepping forward is instant</source>
        <translation>在暂停的播放头之后预先解码的帧数，使向前逐帧即时响应</translation>
    </message>
    <message>
        <source>Read ahead</source>
        <translation>预读</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> MB</translation>
    </message>
    <message>
        <source>Memory for decoded frames</source>
        <translation>用于已解码帧的内存</translation>
    </message>
    <message>
        <source>Frame memory</source>
        <translation>帧内存</translation>
    </message>
    <message>
        <source>Build scrub previews</source>
        <translation>构建拖动预览</translation>
    </message>
    <message>
        <source>Keep a small copy of every frame in the project cache, so seeking anywhere shows the frame at once while the full frame decodes</source>
        <translation>在项目缓存中保存每一帧的小副本，这样定位到任意位置时会立即显示该帧，同时解码完整帧</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Height of scrub preview frames</source>
        <translation>拖动预览帧的高度</translation>
    </message>
    <message>
        <source>Preview height</source>
        <translation>预览高度</translation>
    </message>
    <message>
        <source>Playback</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Paint while playing</source>
        <translation>播放时涂抹标注</translation>
    </message>
    <message>
        <source>Holding a class key during playback labels every fragment the playhead passes</source>
        <translation>播放时按住类别键，会标注播放头经过的每个片段</translation>
    </message>
    <message>
        <source>Move to the next fragment after labeling one</source>
        <translation>标注一个片段后移到下一个片段</translation>
    </message>
    <message>
        <source>A class key on the current fragment (nothing selected) labels it and steps to the next</source>
        <translation>在当前片段上按类别键（未选择任何内容时）会标注它并前进到下一个片段</translation>
    </message>
    <message>
        <source>Snap dragged label edges to fragment boundaries</source>
        <translation>拖动标注边缘时吸附到片段边界</translation>
    </message>
    <message>
        <source>Hold Alt while dragging to move edges frame by frame</source>
        <translation>拖动时按住 Alt 可逐帧移动边缘</translation>
    </message>
    <message>
        <source>Labeling</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Show fragment boundaries</source>
        <translation>显示片段边界</translation>
    </message>
    <message>
        <source>Thin lines between fragments when zoomed in far enough</source>
        <translation>放大到足够程度时，在片段之间显示细线</translation>
    </message>
    <message>
        <source>Show keyframes</source>
        <translation>显示关键帧</translation>
    </message>
    <message>
        <source>Marks under the ruler where the video has keyframes</source>
        <translation>在标尺下方标记视频的关键帧位置</translation>
    </message>
    <message>
        <source>Follow the playhead</source>
        <translation>跟随播放头</translation>
    </message>
    <message>
        <source>Scroll the timeline when the playhead leaves it</source>
        <translation>播放头离开可见区域时滚动时间轴</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Colours of the whole application</source>
        <translation>整个应用程序的颜色</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>外观</translation>
    </message>
    <message>
        <source>Off (software)</source>
        <translation>关闭（软件解码）</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>Decode videos on the graphics card (VAAPI, VDPAU, NVDEC, ...) when it can; without the device, videos decode in software as before. Frames are the same either way; applies to videos opened from now on</source>
        <translation>在可行时用显卡解码视频（VAAPI、VDPAU、NVDEC 等）；没有该设备时，视频仍像以前一样用软件解码。两种方式得到的帧完全相同；对此后打开的视频生效</translation>
    </message>
    <message>
        <source>Hardware decoding</source>
        <translation>硬件解码</translation>
    </message>
</context>
<context>
    <name>fl::ShortcutTableModel</name>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>作用</translation>
    </message>
</context>
<context>
    <name>fl::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Filter (action, key or menu)</source>
        <translation>筛选（操作、按键或菜单）</translation>
    </message>
    <message>
        <source>Show only the shortcuts whose action, key, menu or description contains this text</source>
        <translation>只显示操作、按键、菜单或说明中包含此文本的快捷键</translation>
    </message>
</context>
<context>
    <name>fl::TimelineActions</name>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Select &amp;All Fragments</source>
        <translation>选择所有片段(&amp;A)</translation>
    </message>
    <message>
        <source>Select every fragment of the video</source>
        <translation>选择视频的每个片段</translation>
    </message>
    <message>
        <source>Select &amp;None</source>
        <translation>取消选择(&amp;N)</translation>
    </message>
    <message>
        <source>Clear the selection (keys then act on the fragment under the playhead)</source>
        <translation>清除选择（按键随后作用于播放头所在的片段）</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom the timeline in around the playhead (Ctrl+wheel over the timeline)</source>
        <translation>以播放头为中心放大时间轴（在时间轴上按 Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom the timeline out</source>
        <translation>缩小时间轴</translation>
    </message>
    <message>
        <source>Zoom to &amp;Fit</source>
        <translation>缩放至适合(&amp;F)</translation>
    </message>
    <message>
        <source>Show the whole video on the timeline</source>
        <translation>在时间轴上显示整个视频</translation>
    </message>
</context>
<context>
    <name>fl::TimelineView</name>
    <message>
        <source>Scroll through the video (wheel over the timeline pans too)</source>
        <translation>在视频中滚动（在时间轴上使用滚轮也可平移）</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Frame %1 (%2)</source>
        <translation>第 %1 帧（%2）</translation>
    </message>
    <message>
        <source>Fragment %1: frames %2-%3, %4</source>
        <translation>片段 %1：第 %2-%3 帧，%4</translation>
    </message>
    <message>
        <source>unlabeled</source>
        <translation>未标注</translation>
    </message>
    <message>
        <source>Drag to move this label edge (Alt: frame by frame)</source>
        <translation>拖动以移动此标注边缘（Alt：逐帧）</translation>
    </message>
</context>
<context>
    <name>fl::TrainingCurves</name>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>accuracy / F1</source>
        <translation>准确率 / F1</translation>
    </message>
    <message>
        <source>training (running)</source>
        <translation>训练（逐批次）</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>validation macro-F1</source>
        <translation>验证宏 F1</translation>
    </message>
</context>
<context>
    <name>fl::TrainingPanel</name>
    <message>
        <source>&amp;Train model</source>
        <translation>训练模型(&amp;T)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+T</source>
        <translation>Ctrl+Shift+T</translation>
    </message>
    <message>
        <source>Train a model on the project&apos;s labels</source>
        <translation>用项目的标注训练模型</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Make the new model active</source>
        <translation>将新模型设为活动模型</translation>
    </message>
    <message>
        <source>Train on the CPU instead</source>
        <translation>改用 CPU 训练</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>FragNet (2D CNN per frame + temporal fusion)</source>
        <translation>FragNet（逐帧 2D CNN + 时间融合）</translation>
    </message>
    <message>
        <source>R(2+1)D (factorised 3D convolutions)</source>
        <translation>R(2+1)D（分解的 3D 卷积）</translation>
    </message>
    <message>
        <source>Temporal convolution</source>
        <translation>时间卷积</translation>
    </message>
    <message>
        <source>Concatenation</source>
        <translation>拼接</translation>
    </message>
    <message>
        <source>GRU</source>
        <translation>GRU</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <source>No CUDA device is available to this build</source>
        <translation>此版本没有可用的 CUDA 设备</translation>
    </message>
    <message>
        <source>Temporal fusion</source>
        <translation>时间融合</translation>
    </message>
    <message>
        <source>Epochs (at most)</source>
        <translation>轮数（最多）</translation>
    </message>
    <message>
        <source>Input size</source>
        <translation>输入尺寸</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Open or create a project first.</source>
        <translation>请先打开或创建一个项目。</translation>
    </message>
    <message>
        <source>Training on the labels of %1…</source>
        <translation>正在用 %1 的标注进行训练…</translation>
    </message>
    <message>
        <source>Preparing…</source>
        <translation>正在准备…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>%p% — %1 left</source>
        <translation>%p% — 剩余 %1</translation>
    </message>
    <message>
        <source>Training cancelled; the models are as they were.</source>
        <translation>训练已取消；模型保持原样。</translation>
    </message>
    <message>
        <source>Automatic: cross-validation picks the best</source>
        <translation>自动：由交叉验证选出最佳配置</translation>
    </message>
    <message>
        <source>Motion statistics</source>
        <translation>运动统计</translation>
    </message>
    <message>
        <source>Appearance statistics</source>
        <translation>外观统计</translation>
    </message>
    <message>
        <source>Motion and appearance statistics</source>
        <translation>运动与外观统计</translation>
    </message>
    <message>
        <source>Motion and appearance statistics with CNNs</source>
        <translation>运动与外观统计加 CNN</translation>
    </message>
    <message>
        <source>Automatic tries the default configurations on held-out folds of your labels and keeps the best</source>
        <translation>自动模式在你的标签的留出折上试验默认配置，并保留最好的一个</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>配置</translation>
    </message>
    <message>
        <source>Held-out macro-F1</source>
        <translation>留出宏 F1</translation>
    </message>
    <message>
        <source>Log loss</source>
        <translation>对数损失</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Mean ± standard deviation over the cross-validation folds</source>
        <translation>交叉验证各折的均值 ± 标准差</translation>
    </message>
    <message>
        <source>Folds: %1</source>
        <translation>折：%1</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Trained %1 as configured.</source>
        <translation>已按配置训练 %1。</translation>
    </message>
    <message>
        <source>%1 (chosen)</source>
        <translation>%1（已选）</translation>
    </message>
    <message>
        <source>Chosen: %1 — %2. Folds: %3. Calibration: temperature %4, expected calibration error %5 → %6. Decisions: %7; minimum bout %8 fragment(s). Time: cross-validation %9 s, final training %10 s.</source>
        <translation>选中：%1 — %2。折：%3。校准：温度 %4，期望校准误差 %5 → %6。决策：%7；最短片段数 %8 个片段。用时：交叉验证 %9 秒，最终训练 %10 秒。</translation>
    </message>
    <message>
        <source>argmax (no class threshold helped)</source>
        <translation>argmax（类别阈值没有帮助）</translation>
    </message>
    <message>
        <source>class thresholds %1</source>
        <translation>类别阈值 %1</translation>
    </message>
    <message>
        <source>Final training · epoch %1/%2 · step %3/%4 · loss %5 · accuracy %6 · %7 fragments/s</source>
        <translation>最终训练 · 第 %1/%2 轮 · 第 %3/%4 步 · 损失 %5 · 准确率 %6 · 每秒 %7 个片段</translation>
    </message>
    <message>
        <source>Trained %1.</source>
        <translation>已训练 %1。</translation>
    </message>
    <message>
        <source>Trained %1: held-out macro-F1 %2 ± %3 over %4 labeled fragments (%5 pooled with the tuned thresholds).</source>
        <translation>已训练 %1：在 %4 个已标注片段上的留出宏 F1 为 %2 ± %3（使用调优阈值合并计算为 %5）。</translation>
    </message>
</context>
<context>
    <name>fl::TrainingReportView</name>
    <message>
        <source>Training report: %1</source>
        <translation>训练报告：%1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2&lt;br&gt;</translation>
    </message>
    <message>
        <source>Validation: macro-F1 &lt;b&gt;%1&lt;/b&gt;, accuracy %2 on %3 fragments (epoch %4 of %5%6).&lt;br&gt;</source>
        <translation>验证：宏 F1 &lt;b&gt;%1&lt;/b&gt;，在 %3 个片段上的准确率为 %2（第 %4 轮，共 %5 轮%6）。&lt;br&gt;</translation>
    </message>
    <message>
        <source>, stopped early</source>
        <translation>，提前停止</translation>
    </message>
    <message>
        <source>Split (%1): %2.&lt;br&gt;</source>
        <translation>划分（%1）：%2。&lt;br&gt;</translation>
    </message>
    <message>
        <source>Training fragments: %1; left out next to validation blocks: %2.&lt;br&gt;</source>
        <translation>训练片段：%1；因紧邻验证块而被排除：%2。&lt;br&gt;</translation>
    </message>
    <message>
        <source>%1 parameters, %2 MFLOP per fragment; %3 with %4 threads: %5 fragments/s, %6 s (frame caches %7 s).</source>
        <translation>%1 个参数，每个片段 %2 MFLOP；%3 使用 %4 个线程：%5 片段/秒，%6 秒（帧缓存 %7 秒）。</translation>
    </message>
    <message>
        <source>Held out (cross-validation): macro-F1 &lt;b&gt;%1&lt;/b&gt;, accuracy %2 on %3 fragments; with the tuned decisions and minimum bout %4 (argmax alone %5).&lt;br&gt;</source>
        <translation>留出（交叉验证）：在 %3 个片段上宏 F1 &lt;b&gt;%1&lt;/b&gt;，准确率 %2；使用调优的决策和最短片段数时为 %4（仅 argmax 为 %5）。&lt;br&gt;</translation>
    </message>
    <message>
        <source>Folds (%1): %2.&lt;br&gt;</source>
        <translation>折（%1）：%2。&lt;br&gt;</translation>
    </message>
    <message>
        <source>%1%2: %3 ± %4 (log loss %5, %6 s)%7</source>
        <translation>%1%2：%3 ± %4（对数损失 %5，%6 秒）%7</translation>
    </message>
    <message>
        <source>Configurations tried: %1.&lt;br&gt;</source>
        <translation>试过的配置：%1。&lt;br&gt;</translation>
    </message>
    <message>
        <source>Chosen: %1 — %2.&lt;br&gt;</source>
        <translation>选中：%1 — %2。&lt;br&gt;</translation>
    </message>
    <message>
        <source>Calibration: temperature %1, expected calibration error %2 → %3. Decisions: %4; minimum bout %5 fragment(s).&lt;br&gt;</source>
        <translation>校准：温度 %1，期望校准误差 %2 → %3。决策：%4；最短片段数 %5 个片段。&lt;br&gt;</translation>
    </message>
    <message>
        <source>argmax</source>
        <translation>argmax</translation>
    </message>
    <message>
        <source>class thresholds %1</source>
        <translation>类别阈值 %1</translation>
    </message>
    <message>
        <source>Time: cross-validation %1 s, tuning %2 s, final training on all %3 labeled fragments %4 s (%5 epochs).&lt;br&gt;</source>
        <translation>用时：交叉验证 %1 秒，调优 %2 秒，在全部 %3 个已标注片段上最终训练 %4 秒（%5 轮）。&lt;br&gt;</translation>
    </message>
</context>
<context>
    <name>fl::TransportBar</name>
    <message>
        <source>Playback speed ([ slower, ] faster, \ normal)</source>
        <translation>播放速度（[ 减慢，] 加快，\ 正常）</translation>
    </message>
    <message>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <source>Current frame (0-based, in decoding order); type a number and press Enter to go there</source>
        <translation>当前帧（从 0 开始，按解码顺序）；输入数字并按 Enter 可跳转到该帧</translation>
    </message>
    <message>
        <source>Presentation time of the current frame</source>
        <translation>当前帧的显示时间</translation>
    </message>
    <message>
        <source>The fragment under the playhead and its label</source>
        <translation>播放头所在的片段及其标注</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>/ %1</translation>
    </message>
</context>
<context>
    <name>fl::VideoListModel</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 is missing (moved or deleted). Use File &gt; Relink Videos to find it.</source>
        <translation>%1 缺失（已移动或删除）。请使用“文件 &gt; 重新链接视频”找到它。</translation>
    </message>
    <message>
        <source>%1 of %2 fragments labeled (%3%)</source>
        <translation>已标注 %2 个片段中的 %1 个（%3%）</translation>
    </message>
    <message>
        <source>%1
%2 frames at %3 fps</source>
        <translation>%1
%2 帧，%3 fps</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>帧数</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Labeled</source>
        <translation>已标注</translation>
    </message>
</context>
<context>
    <name>fl::VideosPanel</name>
    <message>
        <source>Videos of the project; select one to show it. Drop video files on the window to add them.</source>
        <translation>项目中的视频；选择一个以显示它。将视频文件拖放到窗口上即可添加。</translation>
    </message>
    <message>
        <source>Remove the selected video and its labels from the project (the file stays; undoable)</source>
        <translation>从项目中移除所选视频及其标注（文件保留；可撤销）</translation>
    </message>
    <message>
        <source>Remove Video</source>
        <translation>移除视频</translation>
    </message>
    <message>
        <source>Remove %1 from the project? Its labels (%2 labeled fragments) go with it; the file itself stays. Edit &gt; Undo brings it back.</source>
        <translation>从项目中移除 %1？其标注（%2 个已标注片段）将一并移除；文件本身保留。“编辑 &gt; 撤销”可恢复。</translation>
    </message>
</context>
<context>
    <name>fl::Workbench</name>
    <message>
        <source>No unlabeled fragment after this one</source>
        <translation>此片段之后没有未标注的片段</translation>
    </message>
    <message>
        <source>No unlabeled fragment before this one</source>
        <translation>此片段之前没有未标注的片段</translation>
    </message>
    <message>
        <source>%1 now has %2 frames, the project says %3: the file changed since it was added</source>
        <translation>%1 现在有 %2 帧，而项目记录为 %3 帧：该文件在添加后已被更改</translation>
    </message>
</context>
</TS>
