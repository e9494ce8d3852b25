<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../gui/actions.py" line="32" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="33" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="34" />
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="35" />
        <source>&amp;Article</source>
        <translation>文章(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="36" />
        <source>&amp;Block</source>
        <translation>文块(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="37" />
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="38" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="39" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="44" />
        <source>Open database…</source>
        <translation>打开数据库…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="48" />
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="50" />
        <source>Add page files to the database</source>
        <translation>把版面文件加入数据库</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="55" />
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="57" />
        <source>Add every *.txt under a folder</source>
        <translation>导入文件夹下所有 *.txt</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="62" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="64" />
        <source>Write the curated articles for research</source>
        <translation>导出整理好的文章供研究使用</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="69" />
        <source>Tag vocabulary…</source>
        <translation>标签词表…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="71" />
        <source>The tags annotators choose from</source>
        <translation>标注员可选的标签</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="73" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="77" />
        <source>Search articles</source>
        <translation>搜索文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="79" />
        <source>Word-aware search over the corpus</source>
        <translation>按词检索整个语料</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="84" />
        <source>Edit article details</source>
        <translation>编辑文章信息</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="86" />
        <source>Title, continuations, notes</source>
        <translation>标题、转版、备注</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="92" />
        <source>Add a tag…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="94" />
        <source>Type a tag; completion from the vocabulary</source>
        <translation>输入标签，按词表自动补全</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="101" />
        <source>Accept suggested tag {0}</source>
        <translation>采纳第 {0} 个推荐标签</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="112" />
        <source>Corpus</source>
        <translation>语料</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="114" />
        <source>Back to the list of pages</source>
        <translation>返回版面列表</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="116" />
        <source>Previous page</source>
        <translation>上一版</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="117" />
        <source>Next page</source>
        <translation>下一版</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="121" />
        <source>Split article here</source>
        <translation>从此处拆分文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="123" />
        <source>The selected block starts a new article</source>
        <translation>所选文块开始一篇新文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="129" />
        <source>Merge with next</source>
        <translation>与下一篇合并</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="131" />
        <source>The next article joins this one</source>
        <translation>下一篇并入本篇</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="137" />
        <source>Merge with previous</source>
        <translation>与上一篇合并</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="139" />
        <source>This article joins the previous one</source>
        <translation>本篇并入上一篇</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="145" />
        <source>New article from blocks</source>
        <translation>用所选文块新建文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="147" />
        <source>The selected blocks form a new article</source>
        <translation>所选文块组成一篇新文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="153" />
        <source>Dissolve article</source>
        <translation>解散文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="155" />
        <source>Its blocks stay on the page, in no article</source>
        <translation>文块留在版面上，不属于任何文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="161" />
        <source>Move article up</source>
        <translation>文章上移</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="163" />
        <source>Earlier in reading order</source>
        <translation>阅读顺序提前</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="169" />
        <source>Move article down</source>
        <translation>文章下移</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="171" />
        <source>Later in reading order</source>
        <translation>阅读顺序推后</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="174" />
        <source>Headline</source>
        <translation>主标题</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="175" />
        <source>Subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="176" />
        <source>Kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="177" />
        <source>Byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="178" />
        <source>Body paragraph</source>
        <translation>正文段落</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="179" />
        <source>Caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="180" />
        <source>Noise (page furniture)</source>
        <translation>版面杂项</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="184" />
        <source>Join with next paragraph</source>
        <translation>与下一段合并</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="186" />
        <source>A column break read as a paragraph break</source>
        <translation>分栏处被误作分段</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="192" />
        <source>Split paragraph at cursor line</source>
        <translation>在光标行拆分段落</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="194" />
        <source>Put the cursor on the line in the page text first</source>
        <translation>先把光标放到版面文本的那一行</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="200" />
        <source>Move to previous article</source>
        <translation>移到上一篇文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="206" />
        <source>Move to next article</source>
        <translation>移到下一篇文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="208" />
        <source>Take out of its article</source>
        <translation>移出所属文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="212" />
        <source>Next doubt</source>
        <translation>下一个存疑</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="214" />
        <source>The least sure decision left</source>
        <translation>剩下最没把握的判断</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="217" />
        <source>Previous doubt</source>
        <translation>上一个存疑</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="221" />
        <source>Accept the decision</source>
        <translation>认可该判断</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="223" />
        <source>Clears the doubt</source>
        <translation>清除存疑</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="226" />
        <source>Take alternative 1</source>
        <translation>采用备选 1</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="227" />
        <source>Take alternative 2</source>
        <translation>采用备选 2</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="231" />
        <source>Page verified, next page</source>
        <translation>本版已核，下一版</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="233" />
        <source>Mark verified and open the next unverified page</source>
        <translation>标记为已核并打开下一个未核版面</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="239" />
        <source>Reflowed text</source>
        <translation>重排文本</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="241" />
        <source>Show the articles as read instead of the raw lines</source>
        <translation>按阅读顺序显示文章，而非原始行</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="243" />
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="244" />
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="245" />
        <location filename="../../gui/shortcut_sheet.py" line="23" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="246" />
        <location filename="../../gui/main_window.py" line="374" />
        <source>About banmian</source>
        <translation>关于版面</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="287" />
        <source>Go</source>
        <translation>转到</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="287" />
        <source>Open the selected page</source>
        <translation>打开所选版面</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="287" />
        <source>Return, double click</source>
        <translation>回车、双击</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="288" />
        <location filename="../../gui/actions.py" line="289" />
        <location filename="../../gui/actions.py" line="290" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="288" />
        <location filename="../../gui/main_window.py" line="81" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="289" />
        <location filename="../../gui/main_window.py" line="83" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="290" />
        <source>Add a vocabulary tag</source>
        <translation>添加词表标签</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="290" />
        <source>T, then the tag's key</source>
        <translation>T，再按标签的键</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="291" />
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="291" />
        <source>Move blocks to another article</source>
        <translation>把文块移到另一篇文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="291" />
        <source>drag them onto it</source>
        <translation>拖放到该文章上</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="48" />
        <source>page or article it continues from</source>
        <translation>上接的版面或文章</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="49" />
        <source>page or article it continues on</source>
        <translation>下转的版面或文章</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="51" />
        <source>Notes for this article</source>
        <translation>本文备注</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="53" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="54" />
        <source>Continued from</source>
        <translation>上接</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="55" />
        <source>Continued to</source>
        <translation>下转</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="56" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="59" />
        <source>Accepted tags; Delete removes the selected one</source>
        <translation>已采纳的标签；Delete 删除所选标签</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="60" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="63" />
        <source>Add a tag (Ctrl+T), Enter to add</source>
        <translation>添加标签（Ctrl+T），回车确认</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="77" />
        <source>Suggested tags: Ctrl+1…9 or double-click accepts</source>
        <translation>推荐标签：Ctrl+1…9 或双击采纳</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="78" />
        <source>Suggested</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="104" />
        <source>Select an article</source>
        <translation>请选择一篇文章</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="113" />
        <location filename="../../gui/article_model.py" line="201" />
        <source>(no headline)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../gui/article_model.py" line="30" />
        <source>headline</source>
        <translation>主标题</translation>
    </message>
    <message>
        <location filename="../../gui/article_model.py" line="31" />
        <source>subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <location filename="../../gui/article_model.py" line="32" />
        <source>kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <location filename="../../gui/article_model.py" line="33" />
        <source>byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../../gui/article_model.py" line="35" />
        <location filename="../../gui/translate.py" line="37" />
        <source>caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <location filename="../../gui/article_model.py" line="36" />
        <source>noise</source>
        <translation>杂项</translation>
    </message>
    <message>
        <location filename="../../gui/article_model.py" line="124" />
        <source>Unassigned ({0} blocks)</source>
        <translation>未归属（{0} 个文块）</translation>
    </message>
    <message>
        <location filename="../../gui/background.py" line="50" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="39" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="40" />
        <source>Page</source>
        <translation>版次</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="41" />
        <source>Newspaper</source>
        <translation>报纸</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="42" />
        <source>Articles</source>
        <translation>文章数</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="43" />
        <source>Doubts</source>
        <translation>存疑</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="44" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="45" />
        <source>Last edit</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="46" />
        <source>Source</source>
        <translation>来源文件</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="149" />
        <source>All pages</source>
        <translation>全部版面</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="156" />
        <source>Search articles (Ctrl+F): words, names, places</source>
        <translation>搜索文章（Ctrl+F）：词语、人名、地名</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="166" />
        <source>%v of %m pages verified</source>
        <translation>已核 %v / %m 版</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="173" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="162" />
        <location filename="../../gui/corpus_view.py" line="200" />
        <source>{0} of {1} pages verified</source>
        <translation>已核 {0} / {1} 版</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="252" />
        <source>{0} articles found</source>
        <translation>找到 {0} 篇文章</translation>
    </message>
    <message>
        <location filename="../../gui/doubt_panel.py" line="30" />
        <source>Accept (Y)</source>
        <translation>认可 (Y)</translation>
    </message>
    <message>
        <location filename="../../gui/doubt_panel.py" line="51" />
        <source>No doubts left on this page.</source>
        <translation>本版没有存疑了。</translation>
    </message>
    <message>
        <location filename="../../gui/doubt_panel.py" line="53" />
        <source>{0} doubts on this page: F8 walks them, least sure first.</source>
        <translation>本版有 {0} 处存疑：按 F8 从最没把握的开始逐一查看。</translation>
    </message>
    <message>
        <location filename="../../gui/doubt_panel.py" line="61" />
        <source>line {0}</source>
        <translation>第 {0} 行</translation>
    </message>
    <message>
        <location filename="../../gui/doubt_panel.py" line="64" />
        <source>Doubt {0} of {1} ({2}, confidence {3:.2f}): {4} — {5}</source>
        <translation>存疑 {0}/{1}（{2}，置信度 {3:.2f}）：{4} — {5}</translation>
    </message>
    <message>
        <location filename="../../gui/doubt_panel.py" line="80" />
        <source>column break</source>
        <translation>分栏</translation>
    </message>
    <message>
        <location filename="../../gui/doubt_panel.py" line="81" />
        <source>paragraph break</source>
        <translation>分段</translation>
    </message>
    <message>
        <location filename="../../gui/doubt_panel.py" line="82" />
        <source>new article</source>
        <translation>新文章</translation>
    </message>
    <message>
        <location filename="../../gui/doubt_panel.py" line="83" />
        <source>same article</source>
        <translation>同一篇文章</translation>
    </message>
    <message>
        <location filename="../../gui/doubt_panel.py" line="91" />
        <source>belongs to {0}</source>
        <translation>属于 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/doubt_panel.py" line="91" />
        <location filename="../../gui/doubt_panel.py" line="95" />
        <source> (as proposed)</source>
        <translation>（原提议）</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="53" />
        <source>Export articles</source>
        <translation>导出文章</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="62" />
        <source>only articles with this tag (optional)</source>
        <translation>只导出带此标签的文章（可选）</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="66" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="72" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="73" />
        <source>Pages</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="74" />
        <location filename="../../gui/vocabulary_dialog.py" line="31" />
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="75" />
        <source>Since</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="76" />
        <source>Until</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="77" />
        <source>Write to</source>
        <translation>写入</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="82" />
        <location filename="../../gui/export_dialog.py" line="154" />
        <location filename="../../gui/export_dialog.py" line="158" />
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="130" />
        <source>{0} articles to export</source>
        <translation>将导出 {0} 篇文章</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="130" />
        <source>Nothing matches these filters</source>
        <translation>没有符合条件的文章</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="143" />
        <source>Folder for the article files</source>
        <translation>存放文章文件的文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="145" />
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="158" />
        <source>Choose where to write the export</source>
        <translation>请选择导出位置</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="174" />
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="180" />
        <source>Nothing to export: no article matches; nothing was written.</source>
        <translation>没有可导出的内容：无符合条件的文章，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="182" />
        <source>Exported {0} to {1}</source>
        <translation>已导出 {0} 篇到 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="189" />
        <source>Export cancelled; nothing was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="193" />
        <source>Export failed: {0}</source>
        <translation>导出失败：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/fonts.py" line="39" />
        <source>No font for Chinese is installed, so characters show as boxes. Install one and restart banmian: on Debian or Ubuntu `sudo apt install fonts-noto-cjk`, on Fedora `sudo dnf install google-noto-sans-cjk-fonts`; Windows and macOS ship one.</source>
        <translation>系统没有中文字体，汉字会显示为方框。请安装后重启版面：Debian/Ubuntu 用 `sudo apt install fonts-noto-cjk`，Fedora 用 `sudo dnf install google-noto-sans-cjk-fonts`；Windows 和 macOS 自带中文字体。</translation>
    </message>
    <message>
        <location filename="../../gui/jobs.py" line="30" />
        <source>Importing pages</source>
        <translation>正在导入版面</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="90" />
        <source>Vocabulary tags (T, key)</source>
        <translation>词表标签（T，键）</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="115" />
        <source>Cannot open database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="255" />
        <source>Open or create a database</source>
        <translation>打开或新建数据库</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="257" />
        <source>banmian databases (*.db *.sqlite);;All files (*)</source>
        <translation>版面数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="265" />
        <source>Import page files</source>
        <translation>导入版面文件</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="265" />
        <source>Page text (*.txt);;All files (*)</source>
        <translation>版面文本 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="271" />
        <source>Import every page under a folder</source>
        <translation>导入文件夹下的所有版面</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="279" />
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="289" />
        <source>Import: {0}</source>
        <translation>导入：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="293" />
        <source>{0} (same page as {1})</source>
        <translation>{0}（与 {1} 是同一版）</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="296" />
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="343" />
        <source>Page verified. Every page of the corpus is verified.</source>
        <translation>本版已核。语料中的所有版面都已核完。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="347" />
        <source>Page verified; this is the next unverified page.</source>
        <translation>本版已核；这是下一个未核版面。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="376" />
        <source>banmian (版面): correct the articles of digitized Chinese newspaper pages, tag them, and export a verified corpus.

Database: {0}</source>
        <translation>版面（banmian）：校正数字化中文报纸版面的文章切分，加标签，导出核定的语料。

数据库：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="132" />
        <source>Open a page first</source>
        <translation>请先打开一个版面</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="145" />
        <source>Mark page {0}</source>
        <translation>标记版面为{0}</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="231" />
        <source>select an article first</source>
        <translation>请先选择一篇文章</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="237" />
        <location filename="../../gui/page_editor.py" line="282" />
        <source>select a block first</source>
        <translation>请先选择一个文块</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="275" />
        <source>put the page text's cursor on the line that starts the paragraph</source>
        <translation>请把版面文本的光标放在新段落开始的那一行</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="303" />
        <source>no suggested tag {0}</source>
        <translation>没有第 {0} 个推荐标签</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="312" />
        <source>No doubts left on this page</source>
        <translation>本版没有存疑了</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="325" />
        <source>no doubt to decide: press F8 to go to one</source>
        <translation>当前没有选中存疑：按 F8 转到一处</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="373" />
        <source>{0} has no {1} article</source>
        <translation>{0} 没有{1}文章</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="374" />
        <source>previous</source>
        <translation>上一篇</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="374" />
        <source>next</source>
        <translation>下一篇</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="388" />
        <source>there is no article above it</source>
        <translation>它上方没有文章</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="388" />
        <source>there is no article below it</source>
        <translation>它下方没有文章</translation>
    </message>
    <message>
        <location filename="../../gui/shortcut_sheet.py" line="26" />
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <location filename="../../gui/shortcut_sheet.py" line="26" />
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../gui/shortcut_sheet.py" line="26" />
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="18" />
        <source>new</source>
        <translation>新导入</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="19" />
        <source>in_progress</source>
        <translation>校对中</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="20" />
        <source>verified</source>
        <translation>已核</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="21" />
        <source>proposed</source>
        <translation>待校</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="22" />
        <source>any</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="23" />
        <source>topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="24" />
        <source>section</source>
        <translation>栏目</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="25" />
        <source>place</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="26" />
        <source>person</source>
        <translation>人物</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="27" />
        <source>organisation</source>
        <translation>机构</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="28" />
        <source>custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="29" />
        <source>jsonl</source>
        <translation>JSONL</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="30" />
        <source>csv</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="31" />
        <source>txt</source>
        <translation>TXT（每篇一个文件）</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="32" />
        <source>parquet</source>
        <translation>Parquet</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="33" />
        <source>segmentation</source>
        <translation>切分训练数据（JSONL）</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="34" />
        <source>heading</source>
        <translation>标题归属</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="35" />
        <source>paragraph</source>
        <translation>分段</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="36" />
        <source>boundary</source>
        <translation>文章边界</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="38" />
        <source>its best match already has a heading of this kind</source>
        <translation>最匹配的文章已有同类标题</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="39" />
        <source>the heading fits two articles almost equally</source>
        <translation>该标题与两篇文章的匹配程度几乎相同</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="40" />
        <source>a sentence ended before the blank line; read as a column break</source>
        <translation>空行前句子已结束；按分栏处理</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="41" />
        <source>a new article assumed after a heading group, with no byline or dateline</source>
        <translation>标题组之后推定为新文章，但没有署名或电头</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="42" />
        <source>caption given to the nearest article</source>
        <translation>图片说明归入最近的文章</translation>
    </message>
    <message>
        <location filename="../../gui/vocabulary_dialog.py" line="29" />
        <source>Tag vocabulary</source>
        <translation>标签词表</translation>
    </message>
    <message>
        <location filename="../../gui/vocabulary_dialog.py" line="31" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../gui/vocabulary_dialog.py" line="31" />
        <source>Key (T, key)</source>
        <translation>按键（T，键）</translation>
    </message>
    <message>
        <location filename="../../gui/vocabulary_dialog.py" line="37" />
        <source>tag name</source>
        <translation>标签名</translation>
    </message>
    <message>
        <location filename="../../gui/vocabulary_dialog.py" line="43" />
        <source>key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../../gui/vocabulary_dialog.py" line="45" />
        <source>Add or change</source>
        <translation>添加或修改</translation>
    </message>
    <message>
        <location filename="../../gui/vocabulary_dialog.py" line="48" />
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
</context>
</TS>