<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name />
    <message>
        <location filename="../../gui/actions.py" line="34" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="35" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="36" />
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="37" />
        <source>&amp;Article</source>
        <translation>文章(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="38" />
        <source>&amp;Block</source>
        <translation>文块(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="39" />
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="40" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="41" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="55" />
        <source>Open database…</source>
        <translation>打开数据库…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="59" />
        <source>Import files…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="61" />
        <source>Add page files to the database</source>
        <translation>把版面文件加入数据库</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="66" />
        <source>Import folder…</source>
        <translation>导入文件夹…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="68" />
        <source>Add every *.txt under a folder</source>
        <translation>导入文件夹下所有 *.txt</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="73" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="75" />
        <source>Write the curated articles for research</source>
        <translation>导出整理好的文章供研究使用</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="80" />
        <source>Tag vocabulary…</source>
        <translation>标签词表…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="82" />
        <source>The tags annotators choose from</source>
        <translation>标注员可选的标签</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="87" />
        <source>Annotator name…</source>
        <translation>注释者姓名…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="89" />
        <source>The name written with every correction and in the export</source>
        <translation>随每次修改及导出写入的姓名</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="91" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="95" />
        <source>Search articles</source>
        <translation>搜索文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="97" />
        <source>Word-aware search over the corpus</source>
        <translation>按词检索整个语料</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="102" />
        <source>Go to the other part of the article</source>
        <translation>转到文章的另一部分</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="105" />
        <source>An article continued on another page (下转/上接): go there; L again comes back</source>
        <translation>跨版续接的文章（下转/上接）：转到另一部分；再按 L 返回</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="112" />
        <source>Link to another page…</source>
        <translation>链接到其他版面…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="114" />
        <source>Type the other part of the article (p2 A3); empty removes the link</source>
        <translation>输入文章的另一部分（如 p2 A3）；留空则删除链接</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="120" />
        <source>Remove the link to another page</source>
        <translation>删除与其他版面的链接</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="122" />
        <source>This part is no longer linked, and linking leaves it alone</source>
        <translation>这部分不再链接，自动链接也不再改动它</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="129" />
        <source>Edit article details</source>
        <translation>编辑文章信息</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="131" />
        <source>Title, continuations, notes</source>
        <translation>标题、转版、备注</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="137" />
        <source>Add a tag…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="139" />
        <source>Type a tag; completion from the vocabulary</source>
        <translation>输入标签，按词表自动补全</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="146" />
        <source>Accept suggested tag {0}</source>
        <translation>采纳第 {0} 个推荐标签</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="157" />
        <source>Corpus</source>
        <translation>语料</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="159" />
        <source>Back to the list of pages</source>
        <translation>返回版面列表</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="164" />
        <source>Next article</source>
        <translation>下一篇文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="166" />
        <source>The next article's row in the tree</source>
        <translation>树中下一篇文章所在行</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="169" />
        <source>Previous article</source>
        <translation>上一篇文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="173" />
        <source>Next heading block</source>
        <translation>下一个标题文块</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="175" />
        <source>The next kicker, headline or subtitle in the tree</source>
        <translation>树中下一个引题、主标题或副标题</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="178" />
        <source>Previous heading block</source>
        <translation>上一个标题文块</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="182" />
        <source>Go to line…</source>
        <translation>转到行…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="185" />
        <source>Type a line number, then Return or a command's key: its block is selected (Shift+J next splits it at that line)</source>
        <translation>输入行号，再按回车或命令键：选中该行所在文块（随后 Shift+J 在该行拆分）</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="301" />
        <source>↑/↓ or the line number's last digits choose the line that starts the new paragraph; Return splits, a role key splits and gives the lower part that role</source>
        <translation>↑/↓ 或行号末位数字选择新段落的起始行；回车拆分，按角色键则拆分并把下半部分设为该角色</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="456" />
        <source>Tree row: next / previous, a screenful on</source>
        <translation>文章树的行：下一行 / 上一行，翻一屏</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="457" />
        <source>First / last row of the article tree</source>
        <translation>文章树的第一行 / 最后一行</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="473" />
        <source>↑, ↓, PgDn, PgUp, the line number's last digits; Return or a role key; Esc cancels</source>
        <translation>↑、↓、PgDn、PgUp、行号末位数字；回车或角色键；Esc 取消</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="193" />
        <source>Page text ↔ article tree</source>
        <translation>版面文本 ↔ 文章树</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="125" />
        <source>Repeat the last correction</source>
        <translation>重复上一次更正</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="195" />
        <source>Move the focus between the page text and the article tree</source>
        <translation>在版面文本与文章树之间切换焦点</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="201" />
        <source>Extend over the blocks that go on from it on the page</source>
        <translation>扩展选择到版面上紧接其后的文块</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="203" />
        <source>Select down the tree the blocks that continue the selection in the text</source>
        <translation>沿文章树向下选中在版面文字中接续当前选择的文块</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="209" />
        <source>Extend over the blocks it goes on from on the page</source>
        <translation>扩展选择到版面上紧接其前的文块</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="214" />
        <source>Previous page</source>
        <translation>上一版</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="215" />
        <source>Next page</source>
        <translation>下一版</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="219" />
        <source>Split article here</source>
        <translation>从此处拆分文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="221" />
        <source>The selected block starts a new article</source>
        <translation>所选文块开始一篇新文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="227" />
        <source>Merge with next</source>
        <translation>与下一篇合并</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="229" />
        <source>The next article joins this one</source>
        <translation>下一篇并入本篇</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="235" />
        <source>Merge with previous</source>
        <translation>与上一篇合并</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="237" />
        <source>This article joins the previous one</source>
        <translation>本篇并入上一篇</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="243" />
        <source>New article from blocks</source>
        <translation>用所选文块新建文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="245" />
        <source>The selected blocks form a new article</source>
        <translation>所选文块组成一篇新文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="251" />
        <source>Dissolve article</source>
        <translation>解散文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="253" />
        <source>Its blocks stay on the page, in no article</source>
        <translation>文块留在版面上，不属于任何文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="259" />
        <source>Move article up</source>
        <translation>文章上移</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="261" />
        <source>Earlier in reading order</source>
        <translation>阅读顺序提前</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="267" />
        <source>Move article down</source>
        <translation>文章下移</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="269" />
        <source>Later in reading order</source>
        <translation>阅读顺序推后</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="272" />
        <source>Headline</source>
        <translation>主标题</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="273" />
        <source>Subtitle</source>
        <translation>副标题</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="274" />
        <source>Kicker</source>
        <translation>引题</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="275" />
        <source>Byline</source>
        <translation>署名</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="276" />
        <source>Body paragraph</source>
        <translation>正文段落</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="277" />
        <source>Caption</source>
        <translation>图片说明</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="278" />
        <source>Noise (page furniture)</source>
        <translation>版面杂项</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="282" />
        <source>Join with next paragraph</source>
        <translation>与下一段合并</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="284" />
        <source>A column break read as a paragraph break</source>
        <translation>分栏处被误作分段</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="290" />
        <source>Join with previous paragraph</source>
        <translation>与上一段合并</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="292" />
        <source>The same join, from the lower paragraph (where F7 stops)</source>
        <translation>同样的合并，从下面的段落执行（F7 停在此处）</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="298" />
        <source>Split paragraph at a line…</source>
        <translation>在某行拆分段落…</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="309" />
        <source>Move to previous article</source>
        <translation>移到上一篇文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="315" />
        <source>Move to next article</source>
        <translation>移到下一篇文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="317" />
        <source>Take out of its article</source>
        <translation>移出所属文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="322" />
        <source>Move to article {0}</source>
        <translation>移到第 {0} 篇文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="324" />
        <source>The selected blocks go to the article numbered so in the tree</source>
        <translation>选中的文块移到文章树中该编号的文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="333" />
        <source>Next doubt</source>
        <translation>下一个存疑</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="335" />
        <source>The least sure decision left</source>
        <translation>剩下最没把握的判断</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="338" />
        <source>Previous doubt</source>
        <translation>上一个存疑</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="342" />
        <source>Next doubtful block down the tree</source>
        <translation>文章树中下一个存疑文块</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="344" />
        <source>The next block with a doubt, in the tree's order (F8: least sure first)</source>
        <translation>按文章树顺序的下一个存疑文块（F8：最不确定的优先）</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="350" />
        <source>Previous doubtful block up the tree</source>
        <translation>文章树中上一个存疑文块</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="358" />
        <source>Accept the decision</source>
        <translation>认可该判断</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="360" />
        <source>Clears the doubt</source>
        <translation>清除存疑</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="363" />
        <source>Take alternative 1</source>
        <translation>采用备选 1</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="364" />
        <source>Take alternative 2</source>
        <translation>采用备选 2</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="368" />
        <source>Edit this verified page</source>
        <translation>编辑此已核对版面</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="370" />
        <source>A verified page opens read-only; this makes it editable again</source>
        <translation>已核对版面以只读方式打开；此命令使其重新可编辑</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="376" />
        <source>Page verified, next page</source>
        <translation>本版已核，下一版</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="378" />
        <source>Mark verified and open the next unverified page</source>
        <translation>标记为已核并打开下一个未核版面</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="384" />
        <source>Reflowed text</source>
        <translation>重排文本</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="386" />
        <source>Show the articles as read instead of the raw lines</source>
        <translation>按阅读顺序显示文章，而非原始行</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="391" />
        <source>Blocks in page order</source>
        <translation>按版面顺序列出文块</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="394" />
        <source>List each article's blocks as they stand in the page text, so that Down does not jump back and forth where headings are printed after their body</source>
        <translation>按文块在版面文本中的位置列出每篇文章的文块，标题印在正文之后时，向下键不再来回跳动</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="398" />
        <source>Larger text</source>
        <translation>放大文字</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="399" />
        <source>Smaller text</source>
        <translation>缩小文字</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="400" />
        <location filename="../../gui/shortcut_sheet.py" line="23" />
        <source>Keyboard shortcuts</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="401" />
        <location filename="../../gui/main_window.py" line="355" />
        <source>About banmian</source>
        <translation>关于版面</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="452" />
        <location filename="../../gui/actions.py" line="456" />
        <location filename="../../gui/actions.py" line="457" />
        <location filename="../../gui/actions.py" line="458" />
        <location filename="../../gui/actions.py" line="461" />
        <location filename="../../gui/actions.py" line="466" />
        <location filename="../../gui/actions.py" line="467" />
        <source>Go</source>
        <translation>转到</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="452" />
        <source>Open the selected page</source>
        <translation>打开所选版面</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="452" />
        <source>Return, double click</source>
        <translation>回车、双击</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="453" />
        <location filename="../../gui/actions.py" line="454" />
        <location filename="../../gui/actions.py" line="455" />
        <location filename="../../gui/actions.py" line="477" />
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="453" />
        <location filename="../../gui/main_window.py" line="95" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="454" />
        <location filename="../../gui/main_window.py" line="97" />
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="455" />
        <source>Add a vocabulary tag</source>
        <translation>添加词表标签</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="455" />
        <source>T, then the tag's key</source>
        <translation>T，再按标签的键</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="458" />
        <source>Extend the selection of blocks</source>
        <translation>扩展文块选择</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="462" />
        <source>Extend the selection to the article's first / last block</source>
        <translation>将选择扩展到本文章的第一个 / 最后一个文块</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="466" />
        <source>Back to the article tree from any field</source>
        <translation>从任何输入框回到文章树</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="467" />
        <source>Next / previous field or pane</source>
        <translation>下一个 / 上一个输入框或窗格</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="470" />
        <source>Block</source>
        <translation>文块</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="471" />
        <source>While choosing a split line</source>
        <translation>选择拆分行时</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="477" />
        <source>Remove the selected tag (in the tag list)</source>
        <translation>删除选中的标签（在标签列表中）</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="478" />
        <source>Article</source>
        <translation>文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="478" />
        <source>Move blocks to another article</source>
        <translation>把文块移到另一篇文章</translation>
    </message>
    <message>
        <location filename="../../gui/actions.py" line="478" />
        <source>drag them onto it</source>
        <translation>拖放到该文章上</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="50" />
        <source>page or article it continues from</source>
        <translation>上接的版面或文章</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="51" />
        <source>page or article it continues on</source>
        <translation>下转的版面或文章</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="53" />
        <source>Notes for this article</source>
        <translation>本文备注</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="55" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="56" />
        <source>Continued from</source>
        <translation>上接</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="57" />
        <source>Continued to</source>
        <translation>下转</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="60" />
        <source>L: go to the other part of the article and back</source>
        <translation>L：转到文章的另一部分，再按一次返回</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="62" />
        <source>Link</source>
        <translation>链接</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="63" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="66" />
        <source>Accepted tags; Delete removes the selected one</source>
        <translation>已采纳的标签；Delete 删除所选标签</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="67" />
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="70" />
        <source>Add a tag (Ctrl+T), Enter to add</source>
        <translation>添加标签（Ctrl+T），回车确认</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="84" />
        <source>Suggested tags: Ctrl+1…9 or double-click accepts</source>
        <translation>推荐标签：Ctrl+1…9 或双击采纳</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="85" />
        <source>Suggested</source>
        <translation>推荐</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="111" />
        <source>Select an article</source>
        <translation>请选择一篇文章</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="122" />
        <location filename="../../gui/article_model.py" line="220" />
        <source>(no headline)</source>
        <translation>（无标题）</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="228" />
        <source>continues from {0}</source>
        <translation>上接 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/article_details.py" line="230" />
        <source>continues on {0}</source>
        <translation>下转 {0}</translation>
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
        <location filename="../../gui/article_model.py" line="125" />
        <source>Unassigned ({0} blocks)</source>
        <translation>未归属（{0} 个文块）</translation>
    </message>
    <message>
        <location filename="../../gui/background.py" line="50" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="50" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="51" />
        <source>Page</source>
        <translation>版次</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="52" />
        <location filename="../../gui/database_files.py" line="155" />
        <source>Newspaper</source>
        <translation>报纸</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="53" />
        <source>Articles</source>
        <translation>文章数</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="54" />
        <source>Doubts</source>
        <translation>存疑</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="55" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="56" />
        <source>Last edit</source>
        <translation>最后修改</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="57" />
        <source>Source</source>
        <translation>来源文件</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="188" />
        <source>⇄ continuation marks not linked yet: {0} (Ctrl+L on the page links one)</source>
        <translation>⇄ 尚未链接的转版标记：{0}（在版面上按 Ctrl+L 链接）</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="218" />
        <source>All pages</source>
        <translation>全部版面</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="225" />
        <source>Search articles (Ctrl+F): words, names, places</source>
        <translation>搜索文章（Ctrl+F）：词语、人名、地名</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="235" />
        <source>%v of %m pages verified</source>
        <translation>已核 %v / %m 版</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="242" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="231" />
        <location filename="../../gui/corpus_view.py" line="285" />
        <source>{0} of {1} pages verified</source>
        <translation>已核 {0} / {1} 版</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="343" />
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../gui/corpus_view.py" line="375" />
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
        <source>link to {0}</source>
        <translation>链接到 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/doubt_panel.py" line="91" />
        <source> (best)</source>
        <translation>（最佳）</translation>
    </message>
    <message>
        <location filename="../../gui/doubt_panel.py" line="96" />
        <source>belongs to {0}</source>
        <translation>属于 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/doubt_panel.py" line="96" />
        <location filename="../../gui/doubt_panel.py" line="100" />
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
        <location filename="../../gui/learning.py" line="177" />
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
        <location filename="../../gui/jobs.py" line="31" />
        <source>Importing pages</source>
        <translation>正在导入版面</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="104" />
        <source>Vocabulary tags (T, key)</source>
        <translation>词表标签（T，键）</translation>
    </message>
    <message>
        <location filename="../../gui/database_files.py" line="35" />
        <source>Cannot open database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <location filename="../../gui/database_files.py" line="79" />
        <source>process {0} on {1}</source>
        <translation>{1} 上的进程 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/database_files.py" line="79" />
        <source>another process</source>
        <translation>另一个进程</translation>
    </message>
    <message>
        <location filename="../../gui/database_files.py" line="91" />
        <source>{0} is open in another banmian window ({1}). This window shows it read-only, so that neither window overwrites the other's corrections. Close the other window and open the database again to edit it here.</source>
        <translation>{0} 已在另一个 banmian 窗口中打开（{1}）。本窗口以只读方式显示它，以免两个窗口互相覆盖对方的修改。关闭另一个窗口后重新打开此数据库，即可在这里编辑。</translation>
    </message>
    <message>
        <location filename="../../gui/database_files.py" line="96" />
        <location filename="../../gui/page_editor.py" line="183" />
        <source>Read-only: the database is open in another window</source>
        <translation>只读：数据库已在另一个窗口中打开</translation>
    </message>
    <message>
        <location filename="../../gui/database_files.py" line="98" />
        <source>Database open in another window</source>
        <translation>数据库已在另一个窗口中打开</translation>
    </message>
    <message>
        <location filename="../../gui/database_files.py" line="100" />
        <source>Continue read-only</source>
        <translation>以只读方式继续</translation>
    </message>
    <message>
        <location filename="../../gui/database_files.py" line="101" />
        <source>Open another database…</source>
        <translation>打开其他数据库…</translation>
    </message>
    <message>
        <location filename="../../gui/database_files.py" line="124" />
        <source>Open or create a database</source>
        <translation>打开或新建数据库</translation>
    </message>
    <message>
        <location filename="../../gui/database_files.py" line="126" />
        <source>banmian databases (*.db *.sqlite);;All files (*)</source>
        <translation>版面数据库 (*.db *.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/database_files.py" line="149" />
        <source>Annotator: {0}</source>
        <translation>注释者：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/database_files.py" line="156" />
        <source>Newspaper of these pages (leave empty to take it from the file names):</source>
        <translation>这些版面所属报纸（留空则从文件名获取）：</translation>
    </message>
    <message>
        <location filename="../../gui/database_files.py" line="166" />
        <source>Import page files</source>
        <translation>导入版面文件</translation>
    </message>
    <message>
        <location filename="../../gui/database_files.py" line="166" />
        <source>Page text (*.txt);;All files (*)</source>
        <translation>版面文本 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/database_files.py" line="172" />
        <source>Import every page under a folder</source>
        <translation>导入文件夹下的所有版面</translation>
    </message>
    <message>
        <location filename="../../gui/database_files.py" line="180" />
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../gui/database_files.py" line="194" />
        <source>Import: {0}</source>
        <translation>导入：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/database_files.py" line="198" />
        <source>{0} (same page as {1})</source>
        <translation>{0}（与 {1} 是同一版）</translation>
    </message>
    <message>
        <location filename="../../gui/database_files.py" line="201" />
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="318" />
        <source>Page verified. Every page of the corpus is verified.</source>
        <translation>本版已核。语料中的所有版面都已核完。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="322" />
        <source>Page verified; this is the next unverified page.</source>
        <translation>本版已核；这是下一个未核版面。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="357" />
        <source>banmian (版面): correct the articles of digitized Chinese newspaper pages, tag them, and export a verified corpus.

Database: {0}</source>
        <translation>版面（banmian）：校正数字化中文报纸版面的文章切分，加标签，导出核定的语料。

数据库：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="99" />
        <source>Go to line:</source>
        <translation>转到行：</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="103" />
        <source>line number, then Return or a command key (Esc: back)</source>
        <translation>行号，再按回车或命令键（Esc 返回）</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="185" />
        <source>Verified page, read-only: press E to edit it</source>
        <translation>已核对版面，只读：按 E 编辑</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="191" />
        <source>This page is already editable</source>
        <translation>此版面已可编辑</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="199" />
        <source>The page is editable again (in progress)</source>
        <translation>版面已重新可编辑（进行中）</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="250" />
        <source>Not saved, so not made: {0}</source>
        <translation>未能保存，修改未生效：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="263" />
        <source>Open a page first</source>
        <translation>请先打开一个版面</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="285" />
        <source>Mark page {0}</source>
        <translation>标记版面为{0}</translation>
    </message>
    <message>
        <location filename="../../gui/page_links.py" line="29" />
        <source>This article is not linked to another page</source>
        <translation>这篇文章没有链接到其他版面</translation>
    </message>
    <message>
        <location filename="../../gui/page_links.py" line="42" />
        <location filename="../../gui/page_links.py" line="73" />
        <source>No article {0} in this issue</source>
        <translation>本期没有文章 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/page_links.py" line="56" />
        <location filename="../../gui/page_links.py" line="75" />
        <source>Link {0} to {1}</source>
        <translation>把 {0} 链接到 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/page_links.py" line="68" />
        <source>This doubt offers no candidate {0}</source>
        <translation>这个存疑没有候选 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/page_links.py" line="92" />
        <source>Link to another page</source>
        <translation>链接到其他版面</translation>
    </message>
    <message>
        <location filename="../../gui/page_links.py" line="93" />
        <source>The other part of {0} (e.g. p2 A3; empty: no link)</source>
        <translation>{0} 的另一部分（如 p2 A3；留空：不链接）</translation>
    </message>
    <message>
        <location filename="../../gui/page_links.py" line="115" />
        <source>Remove the link of {0}</source>
        <translation>删除 {0} 的链接</translation>
    </message>
    <message>
        <location filename="../../gui/page_editor.py" line="372" />
        <source>select an article first</source>
        <translation>请先选择一篇文章</translation>
    </message>
    <message>
        <location filename="../../gui/corrections.py" line="60" />
        <location filename="../../gui/page_editor.py" line="378" />
        <location filename="../../gui/split_choice.py" line="45" />
        <source>select a block first</source>
        <translation>请先选择一个文块</translation>
    </message>
    <message>
        <location filename="../../gui/split_choice.py" line="54" />
        <source>a one-line block cannot be split</source>
        <translation>单行文块无法拆分</translation>
    </message>
    <message>
        <location filename="../../gui/split_choice.py" line="73" />
        <source>Split at line {0}: ↑/↓ or its number's last digits choose the line, PgDn/PgUp the next likely one, Return splits, a role key splits and sets the lower part's role, Esc cancels</source>
        <translation>在第 {0} 行拆分：↑/↓ 或行号末位数字选择行，PgDn/PgUp 跳到下一个可能的行，回车拆分，按角色键则拆分并设定下半部分的角色，Esc 取消</translation>
    </message>
    <message>
        <location filename="../../gui/split_choice.py" line="97" />
        <source>Split the paragraph at line {0} and give the lower part its role</source>
        <translation>在第 {0} 行拆分段落并设定下半部分的角色</translation>
    </message>
    <message>
        <location filename="../../gui/split_choice.py" line="135" />
        <source>No line of this block ends in {0}</source>
        <translation>本文块没有以 {0} 结尾的行</translation>
    </message>
    <message>
        <location filename="../../gui/split_choice.py" line="159" />
        <source>No split</source>
        <translation>未拆分</translation>
    </message>
    <message>
        <location filename="../../gui/split_choice.py" line="167" />
        <source>put the page text's cursor on the line that starts the paragraph</source>
        <translation>请把版面文本的光标放在新段落开始的那一行</translation>
    </message>
    <message>
        <location filename="../../gui/page_navigation.py" line="36" />
        <source>No article further on</source>
        <translation>后面没有文章了</translation>
    </message>
    <message>
        <location filename="../../gui/page_navigation.py" line="36" />
        <source>No article above</source>
        <translation>前面没有文章了</translation>
    </message>
    <message>
        <location filename="../../gui/page_navigation.py" line="46" />
        <source>No heading further on</source>
        <translation>后面没有标题了</translation>
    </message>
    <message>
        <location filename="../../gui/page_navigation.py" line="46" />
        <source>No heading above</source>
        <translation>前面没有标题了</translation>
    </message>
    <message>
        <location filename="../../gui/page_navigation.py" line="71" />
        <source>The next block does not go on from it on the page</source>
        <translation>下一个文块在版面上并不紧接于此</translation>
    </message>
    <message>
        <location filename="../../gui/doubt_review.py" line="30" />
        <source>No doubt further on</source>
        <translation>后面没有存疑之处了</translation>
    </message>
    <message>
        <location filename="../../gui/doubt_review.py" line="30" />
        <source>No doubt above</source>
        <translation>前面没有存疑之处了</translation>
    </message>
    <message>
        <location filename="../../gui/page_navigation.py" line="97" />
        <source>No block at or below line {0}</source>
        <translation>第 {0} 行及以下没有文块</translation>
    </message>
    <message>
        <location filename="../../gui/corrections.py" line="99" />
        <source>no suggested tag {0}</source>
        <translation>没有第 {0} 个推荐标签</translation>
    </message>
    <message>
        <location filename="../../gui/doubt_review.py" line="39" />
        <source>No doubts left on this page</source>
        <translation>本版没有存疑了</translation>
    </message>
    <message>
        <location filename="../../gui/doubt_review.py" line="52" />
        <source>no doubt to decide: press F8 to go to one</source>
        <translation>当前没有选中存疑：按 F8 转到一处</translation>
    </message>
    <message>
        <location filename="../../gui/corrections.py" line="130" />
        <source>{0} has no {1} article</source>
        <translation>{0} 没有{1}文章</translation>
    </message>
    <message>
        <location filename="../../gui/corrections.py" line="131" />
        <source>previous</source>
        <translation>上一篇</translation>
    </message>
    <message>
        <location filename="../../gui/corrections.py" line="131" />
        <source>next</source>
        <translation>下一篇</translation>
    </message>
    <message>
        <location filename="../../gui/corrections.py" line="145" />
        <source>there is no article above it</source>
        <translation>它上方没有文章</translation>
    </message>
    <message>
        <location filename="../../gui/corrections.py" line="145" />
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
        <location filename="../../gui/translate.py" line="43" />
        <source>the heading fits two articles</source>
        <translation>该标题与两篇文章都相配</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="44" />
        <source>this line may go on from the paragraph above (a column break)</source>
        <translation>此行可能接续上一段（分栏处）</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="45" />
        <source>a new paragraph may start on this line</source>
        <translation>此行可能是新段落的开头</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="46" />
        <source>this may go on from the article before</source>
        <translation>这里可能接续上一篇文章</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="47" />
        <source>a new article may start here</source>
        <translation>这里可能开始一篇新文章</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="48" />
        <source>a headline stands before this text: it may start another article</source>
        <translation>此处前有标题：可能是另一篇文章的开头</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="49" />
        <source>new paragraphs may start on these lines</source>
        <translation>这些行可能另起新段</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="50" />
        <source>two headlines went to this article: it may be two articles</source>
        <translation>这篇文章有两个标题：可能是两篇文章</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="51" />
        <source>columns read side by side: lines of this run may belong to other articles</source>
        <translation>并排读出的栏：这一段中的行可能属于其他文章</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="52" />
        <source>one article</source>
        <translation>一篇文章</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="53" />
        <source>two articles</source>
        <translation>两篇文章</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="54" />
        <source>as they are</source>
        <translation>保持原样</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="55" />
        <source>other articles</source>
        <translation>其他文章</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="57" />
        <source>find where the second article starts and split it there (S)</source>
        <translation>找到第二篇文章的开头，在那里拆分（S）</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="58" />
        <source>move each line that belongs to another article there (1 … 9)</source>
        <translation>把属于其他文章的每一行移到那篇文章（1 … 9）</translation>
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
        <location filename="../../gui/vocabulary_dialog.py" line="38" />
        <source>tag name</source>
        <translation>标签名</translation>
    </message>
    <message>
        <location filename="../../gui/vocabulary_dialog.py" line="44" />
        <source>key</source>
        <translation>键</translation>
    </message>
    <message>
        <location filename="../../gui/vocabulary_dialog.py" line="46" />
        <source>Add or change</source>
        <translation>添加或修改</translation>
    </message>
    <message>
        <location filename="../../gui/vocabulary_dialog.py" line="49" />
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="105" />
        <location filename="../../gui/database_files.py" line="141" />
        <source>Annotator name</source>
        <translation>注释者姓名</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="106" />
        <location filename="../../gui/database_files.py" line="142" />
        <source>Your name, written with every correction and in the export:</source>
        <translation>您的姓名，随每次修改及导出写入：</translation>
    </message>
    <message>
        <location filename="../../gui/learning.py" line="40" />
        <location filename="../../gui/learning.py" line="132" />
        <source>Learn from verified pages</source>
        <translation>从已核版面学习</translation>
    </message>
    <message>
        <location filename="../../gui/learning.py" line="43" />
        <source>Train a line model on the verified pages; it is used only if it is better</source>
        <translation>用已核版面训练行模型；只有效果更好时才会启用</translation>
    </message>
    <message>
        <location filename="../../gui/learning.py" line="46" />
        <source>Propose new pages again</source>
        <translation>重新生成新版面的切分建议</translation>
    </message>
    <message>
        <location filename="../../gui/learning.py" line="49" />
        <source>Line models…</source>
        <translation>行模型…</translation>
    </message>
    <message>
        <location filename="../../gui/learning.py" line="89" />
        <source>{n} pages verified since the last training: learn from them</source>
        <translation>上次训练以来已核 {n} 个版面：从中学习</translation>
    </message>
    <message>
        <location filename="../../gui/learning.py" line="111" />
        <source>Learning from verified pages</source>
        <translation>正在从已核版面学习</translation>
    </message>
    <message>
        <location filename="../../gui/learning.py" line="118" />
        <source>Training cancelled; nothing was stored</source>
        <translation>训练已取消，未保存任何内容</translation>
    </message>
    <message>
        <location filename="../../gui/learning.py" line="123" />
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../gui/learning.py" line="125" />
        <source>kept aside</source>
        <translation>已保留未用</translation>
    </message>
    <message>
        <location filename="../../gui/learning.py" line="127" />
        <source>not trained</source>
        <translation>未训练</translation>
    </message>
    <message>
        <location filename="../../gui/learning.py" line="130" />
        <source>No verified pages to learn from</source>
        <translation>没有可供学习的已核版面</translation>
    </message>
    <message>
        <location filename="../../gui/learning.py" line="137" />
        <source>Learning failed</source>
        <translation>学习失败</translation>
    </message>
    <message>
        <location filename="../../gui/learning.py" line="159" />
        <source>Proposing new pages again</source>
        <translation>正在重新生成新版面的切分建议</translation>
    </message>
    <message>
        <location filename="../../gui/learning.py" line="174" />
        <source>Line models</source>
        <translation>行模型</translation>
    </message>
    <message>
        <location filename="../../gui/learning.py" line="177" />
        <source>Id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../gui/learning.py" line="177" />
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../gui/learning.py" line="177" />
        <source>Fixes/page</source>
        <translation>每版修改数</translation>
    </message>
    <message>
        <location filename="../../gui/learning.py" line="177" />
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../gui/learning.py" line="177" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../gui/learning.py" line="182" />
        <source>Use</source>
        <translation>使用</translation>
    </message>
    <message>
        <location filename="../../gui/learning.py" line="184" />
        <source>Use the shipped model</source>
        <translation>使用自带模型</translation>
    </message>
    <message>
        <location filename="../../gui/database_files.py" line="54" />
        <source>{0}'s batch: corrections are logged under {0}</source>
        <translation>{0} 的批次：修改记在 {0} 名下</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="61" />
        <source>articles</source>
        <translation>文章划分</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="62" />
        <source>roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="63" />
        <source>paragraphs</source>
        <translation>段落</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="64" />
        <source>tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="65" />
        <source>details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="66" />
        <source>exact</source>
        <translation>完全一致</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="67" />
        <source>κ roles</source>
        <translation>κ 角色</translation>
    </message>
    <message>
        <location filename="../../gui/translate.py" line="68" />
        <source>para F1</source>
        <translation>段落 F1</translation>
    </message>
    <message>
        <location filename="../../gui/curation.py" line="46" />
        <source>Curate: {first} and {second}</source>
        <translation>审定：{first} 与 {second}</translation>
    </message>
    <message>
        <location filename="../../gui/curation.py" line="72" />
        <source>Take {name}'s (A)</source>
        <translation>采用 {name} 的 (A)</translation>
    </message>
    <message>
        <location filename="../../gui/curation.py" line="73" />
        <source>Take {name}'s (B)</source>
        <translation>采用 {name} 的 (B)</translation>
    </message>
    <message>
        <location filename="../../gui/curation.py" line="74" />
        <source>Save curated version (Ctrl+Return)</source>
        <translation>保存审定版本 (Ctrl+Return)</translation>
    </message>
    <message>
        <location filename="../../gui/curation.py" line="100" />
        <source>lines {where} ({kinds})</source>
        <translation>第 {where} 行（{kinds}）</translation>
    </message>
    <message>
        <location filename="../../gui/team_review.py" line="59" />
        <source>Agreement of {first} and {second}</source>
        <translation>{first} 与 {second} 的一致性</translation>
    </message>
    <message>
        <location filename="../../gui/team_review.py" line="63" />
        <source>{n} pages verified by both, {d} disagreements</source>
        <translation>两人都已核对 {n} 版，分歧 {d} 处</translation>
    </message>
    <message>
        <location filename="../../gui/team_review.py" line="69" />
        <source>overall</source>
        <translation>总体</translation>
    </message>
    <message>
        <location filename="../../gui/team_review.py" line="73" />
        <source>page</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../../gui/team_review.py" line="73" />
        <source>differ</source>
        <translation>分歧</translation>
    </message>
    <message>
        <location filename="../../gui/team_review.py" line="110" />
        <source>This database does not hold that page</source>
        <translation>此数据库中没有该版面</translation>
    </message>
    <message>
        <location filename="../../gui/team_review.py" line="135" />
        <source>Curated version saved; E edits it further</source>
        <translation>审定版本已保存；按 E 继续编辑</translation>
    </message>
    <message>
        <location filename="../../gui/team_review.py" line="144" />
        <source>Agreement…</source>
        <translation>一致性…</translation>
    </message>
    <message>
        <location filename="../../gui/team_review.py" line="147" />
        <source>Compare two annotators' databases; curate the pages where they differ</source>
        <translation>比较两位标注者的数据库；审定有分歧的版面</translation>
    </message>
    <message>
        <location filename="../../gui/team_review.py" line="154" />
        <source>Choose the two annotators' databases</source>
        <translation>请选择两位标注者的数据库</translation>
    </message>
    <message>
        <location filename="../../gui/team_review.py" line="156" />
        <source>banmian databases (*.db);;All files (*)</source>
        <translation>版面数据库 (*.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/team_review.py" line="160" />
        <source>Choose exactly two databases</source>
        <translation>请正好选择两个数据库</translation>
    </message>
    <message>
        <location filename="../../gui/team_review.py" line="175" />
        <source>Cannot compare</source>
        <translation>无法比较</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="28" />
        <source>The database could not be used: {0}</source>
        <translation>无法使用数据库：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="30" />
        <source>A file could not be used: {0}</source>
        <translation>无法使用文件：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="31" />
        <source>Something went wrong: {0}</source>
        <translation>出错了：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="45" />
        <source>banmian</source>
        <translation>版面</translation>
    </message>
    <message>
        <location filename="../../gui/errors.py" line="46" />
        <source>Your corrections so far are saved. You can go on working.</source>
        <translation>此前的更正都已保存，可以继续工作。</translation>
    </message>
    <message>
        <location filename="../../gui/furniture_rule.py" line="48" />
        <source>Could not propose the furniture on other pages: {0}</source>
        <translation>无法在其他版面上建议版面杂项：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/furniture_rule.py" line="58" />
        <source>Also proposed as page furniture on {0} new pages of this newspaper</source>
        <translation>已在本报 {0} 个新版面上同样建议为版面杂项</translation>
    </message>
    <message>
        <location filename="../../gui/repeat.py" line="142" />
        <source>Nothing to repeat: F4 repeats a one-key correction and the arrow or go-to keys pressed in the tree just before it</source>
        <translation>没有可重复的操作：F4 重复单键更正及其之前在树中按下的方向键或跳转键</translation>
    </message>
</context>
</TS>