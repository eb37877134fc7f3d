<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>QObject</name>
    <message>
        <source>%1: cannot copy the demo project to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FragmentLab: label, train and inspect spatial-temporal video fragments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project folder to open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the bundled demo project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation type="unfinished"></translation>
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
    <name>fl::LabelStrip</name>
    <message>
        <source>Labels of this video; click or drag to seek</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fl::MainWindow</name>
    <message>
        <source>FragmentLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a project (File &gt; Open Project...)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position in the video (frame)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current frame number (0-based); type one to go there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos of the project; select one to show it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Videos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes with their shortcut keys and labeled fragment counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Project...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a FragmentLab project folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit FragmentLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Navigate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step one frame forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step one frame back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Fragment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to the next fragment&apos;s first frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous Fragment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to the previous fragment&apos;s first frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the first frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last Frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the last frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the next video of the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous Video</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the previous video of the project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About FragmentLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version, credits and licences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FragmentLab - %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (%2 frames)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project has no videos yet. Add some with: fragmentlab-cli project add %1 VIDEO...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1   [%2]   %3 labeled fragments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening %1...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame %1 / %2   %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>   fragment %1 [%2, %3)  %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unlabeled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open FragmentLab Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About FragmentLab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;FragmentLab %1&lt;/h3&gt;&lt;p&gt;A workbench for spatial-temporal fragments of video: label, train, inspect.&lt;/p&gt;&lt;p&gt;Built with Qt %2, OpenCV and LibTorch.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Demo media&lt;/b&gt;&lt;br&gt;Big Buck Bunny &amp;copy; Blender Foundation, www.bigbuckbunny.org, licensed CC BY 3.0.&lt;br&gt;cityCC0.mpg from the Kivy examples, released under CC0.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
