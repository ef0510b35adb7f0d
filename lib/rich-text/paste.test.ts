import { describe, expect, it } from "vitest";
import { richTextDocSchema } from "@/lib/rich-text/schema";
import { cleanPastedHtml, htmlHasStructure, isEditorHtml, looksLikeMarkdown, markdownForPaste, pasteMessage } from "./paste";

// Shortened from what Word for Windows puts on the clipboard.
const WORD = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {mso-style-unhide:no; font-size:11.0pt;} --></style>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]--></head>
<body lang=SV style='tab-interval:65.2pt'><!--StartFragment-->
<h1 style='mso-margin-top-alt:auto'><span style='mso-fareast-font-family:"Times New Roman"'>Årets företagare<o:p></o:p></span></h1>
<p class=MsoNormal>Vi träffade <b style='mso-bidi-font-weight:normal'>Anna</b> och <i>Per</i> på <a href="https://www.lerum.se/naringsliv">kommunens sida</a>.<span class=MsoCommentReference><span style='font-size:8.0pt'><![if !supportAnnotations]><a class=msocomanchor id="_anchor_1" href="#_msocom_1" name="_msoanchor_1">[AA1]</a><![endif]></span></span><o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>Första punkten<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'><span style='mso-list:Ignore'>·<span>&nbsp;</span></span></span><![endif]>Andra punkten<o:p></o:p></p>
<h5>Liten rubrik</h5>
<p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp;</span></span><![endif]>Ett</p>
<p class=MsoListParagraphCxSpLast style='mso-list:l1 level2 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>a.<span>&nbsp;</span></span><![endif]>Ett a</p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0'><td width=302 valign=top style='width:226.55pt'><p class=MsoNormal><b>Kommun<o:p></o:p></b></p></td><td width=302><p class=MsoNormal><b>Företag</b></p></td></tr>
 <tr style='mso-yfti-irow:1'><td width=302><p class=MsoNormal>Lerum<o:p></o:p></p></td><td width=302><p class=MsoNormal>1 240</p></td></tr>
</table>
<p class=MsoNormal><!--[if gte vml 1]><v:shape id="Bild_x0020_1" style='width:200pt'><v:imagedata src="file:///C:/Users/x/clip_image001.png" o:title=""/></v:shape><![endif]--><![if !vml]><img width=267 height=178 src="file:///C:/Users/x/clip_image002.jpg" v:shapes="Bild_x0020_1"><![endif]><o:p></o:p></p>
<p class=MsoNormal><a href="javascript:alert(1)">Klicka</a> eller <a href="file:///C:/dok.docx">öppna</a><o:p>&nbsp;</o:p></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<div style='mso-element:comment-list'><![if !supportAnnotations]><hr class=msocomoff align=left size=1 width="33%"><![endif]>
<div style='mso-element:comment'><![if !supportAnnotations]><div id="_com_1" class=msocomtxt><p class=MsoCommentText>Kolla stavningen</p></div><![endif]></div></div>
<!--EndFragment--></body></html>`;

// Shortened from what Google Docs puts on the clipboard.
const DOCS = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c4d-7fff-1234-5678-9abcdef01234"><h1 dir="ltr" style="line-height:1.38;margin-top:20pt;"><span style="font-size:20pt;font-family:Arial;font-weight:400;">Nytt nätverk i Ale</span></h1><p dir="ltr" style="line-height:1.38;"><span style="font-size:11pt;font-weight:400;">Vanlig text, </span><span style="font-size:11pt;font-weight:700;">fet text</span><span style="font-size:11pt;font-weight:400;font-style:italic;"> och kursiv.</span></p><ul style="margin-top:0;"><li dir="ltr" style="list-style-type:disc;" aria-level="1"><p dir="ltr" role="presentation"><span style="font-weight:400;">Punkt ett</span></p></li><li dir="ltr" aria-level="1"><p dir="ltr" role="presentation"><a href="https://ale.se" style="text-decoration:none;"><span style="color:#1155cc;text-decoration:underline;">Ale kommun</span></a></p></li></ul><div dir="ltr" style="margin-left:0pt;" align="left"><table style="border:none;border-collapse:collapse;"><colgroup><col width="200"><col width="200"></colgroup><tbody><tr style="height:0pt"><td style="border-left:solid #000000 1pt;"><p dir="ltr"><span style="font-weight:400;">Ort</span></p></td><td><p dir="ltr"><span style="font-weight:400;">Antal</span></p></td></tr><tr><td><p dir="ltr"><span style="font-weight:400;">Nödinge</span></p></td><td><p dir="ltr"><span style="font-weight:400;">12</span></p></td></tr></tbody></table></div><p dir="ltr"><span style="font-weight:400;">Bild: </span><span style="font-weight:400;"><span style="border:none;display:inline-block;overflow:hidden;width:602px;height:339px;"><img src="https://lh7-us.googleusercontent.com/abc" width="602" height="339" style="margin-left:0px;margin-top:0px;"></span></span></p></b><br class="Apple-interchange-newline">`;

describe("cleanPastedHtml: Word", () => {
  const { html, report } = cleanPastedHtml(WORD);

  it("keeps the heading, moved below the page title, and h5 becomes the lowest heading", () => {
    expect(html).toContain("<h2>Årets företagare</h2>");
    expect(html).toContain("<h4>Liten rubrik</h4>");
    expect(html).not.toMatch(/<h1|<h5/);
  });

  it("keeps bold, italic and safe links, without styles, classes or Word's comments", () => {
    expect(html).toContain('<p>Vi träffade <strong>Anna</strong> och <em>Per</em> på <a href="https://www.lerum.se/naringsliv">kommunens sida</a>.</p>');
    expect(html).not.toMatch(/style=|class=|mso|\[AA1\]|Kolla stavningen|o:p|StartFragment|xml/i);
  });

  it("turns Word's list paragraphs into lists, without the typed markers", () => {
    expect(html).toContain("<ul><li><p>Första punkten</p></li><li><p>Andra punkten</p></li></ul>");
    expect(html).toContain("<ol><li><p>Ett</p><ol><li><p>Ett a</p></li></ol></li></ol>");
    expect(html).not.toContain("·");
  });

  it("keeps the table with its cells", () => {
    expect(html).toContain("<table><tbody><tr><td><p><strong>Kommun</strong></p></td><td><p><strong>Företag</strong></p></td></tr><tr><td><p>Lerum</p></td><td><p>1 240</p></td></tr></tbody></table>");
  });

  it("drops the image and the links the site cannot show, and counts what went", () => {
    expect(html).not.toMatch(/<img|file:|javascript:/);
    expect(html).toContain("<p>Klicka eller öppna");
    expect(report).toMatchObject({ images: 1, embeds: 0, unsafeLinks: 2, comments: 1 });
    expect(pasteMessage(report)).toBe("Inklistrat. Borttaget: 1 bild, 2 länkar som inte går att visa, 1 kommentar.");
  });

  it("leaves no empty paragraphs", () => {
    expect(html).not.toContain("<p></p>");
  });
});

describe("cleanPastedHtml: Google Docs", () => {
  const { html, report } = cleanPastedHtml(DOCS);

  it("does not make everything bold because of Docs' wrapper, but keeps bold and italic spans", () => {
    expect(html).toContain("<p>Vanlig text, <strong>fet text</strong><em> och kursiv.</em></p>");
    expect(html.match(/<strong>/g)).toHaveLength(1);
  });

  it("keeps heading, list, link and table; drops the image", () => {
    expect(html).toContain("<h2>Nytt nätverk i Ale</h2>");
    expect(html).toContain('<ul><li><p>Punkt ett</p></li><li><p><a href="https://ale.se/">Ale kommun</a></p></li></ul>');
    expect(html).toContain("<table><tbody><tr><td><p>Ort</p></td><td><p>Antal</p></td></tr><tr><td><p>Nödinge</p></td><td><p>12</p></td></tr></tbody></table>");
    expect(html).not.toMatch(/<img|<b[ >]|colgroup|style=/);
    expect(report.images).toBe(1);
  });
});

describe("cleanPastedHtml: web pages", () => {
  it("keeps header rows and captions, drops embeds and scripts, and limits tables", () => {
    const rows = Array.from({ length: 105 }, (_, i) => `<tr><td>${i}</td></tr>`).join("");
    const { html, report } = cleanPastedHtml(
      `<article><h2 class="x">Rubrik</h2><iframe src="https://video.example/embed"></iframe><script>alert(1)</script><video src="a.mp4"></video>` +
        `<table><caption>Antal &amp; andel</caption><thead><tr><td>År</td><th colspan="2">Värde</th></tr></thead><tbody>${rows}</tbody></table></article>`,
    );
    expect(html).toContain("<h2>Rubrik</h2>");
    expect(html).toContain('<table><caption>Antal &amp; andel</caption><tbody><tr><th><p>År</p></th><th colspan="2"><p>Värde</p></th></tr>');
    expect(html).not.toMatch(/iframe|script|alert|video/);
    expect(html.match(/<tr>/g)).toHaveLength(100);
    expect(report).toMatchObject({ embeds: 2, tableRows: 6 });
    expect(pasteMessage(report)).toBe("Inklistrat. Borttaget: 2 inbäddningar, 6 tabellrader.");
  });

  it("keeps text that looks like markup as text", () => {
    const { html } = cleanPastedHtml("<p>a &lt;b&gt; c &amp; d < e</p>");
    expect(html).toBe("<p>a &lt;b&gt; c &amp; d &lt; e</p>");
  });

  it("says nothing when nothing was dropped", () => {
    expect(pasteMessage(cleanPastedHtml("<p>Hej</p>").report)).toBeNull();
  });

  it("tells the editor's own HTML and plain-text HTML apart", () => {
    expect(isEditorHtml('<p data-pm-slice="1 1 []">x</p>')).toBe(true);
    expect(htmlHasStructure('<meta charset="utf-8"><div><span>## Rubrik</span></div>')).toBe(false);
    expect(htmlHasStructure("<h2>Rubrik</h2>")).toBe(true);
  });
});

describe("pasted Markdown", () => {
  it("is recognised by headings, lists, tables, bold and links, not by ordinary text", () => {
    expect(looksLikeMarkdown("## Rubrik\nText")).toBe(true);
    expect(looksLikeMarkdown("- ett\n- två")).toBe(true);
    expect(looksLikeMarkdown("| a | b |\n| --- | --- |\n| 1 | 2 |")).toBe(true);
    expect(looksLikeMarkdown("Det här är **viktigt**.")).toBe(true);
    expect(looksLikeMarkdown("Läs [mer](https://lerum.se).")).toBe(true);
    expect(looksLikeMarkdown("Vanlig text.\nOch en rad till - med tankstreck.")).toBe(false);
  });

  it("becomes valid document nodes, without images and unsafe links", () => {
    const { doc, report } = markdownForPaste("# Rubrik\n\n- ett\n- [två](javascript:alert(1))\n\n![Bild](https://x.se/a.png)\n\n| Ort | Antal |\n| --- | --- |\n| Lerum | **3** |");
    expect(richTextDocSchema.safeParse(doc).success).toBe(true);
    expect(doc.content.map((b) => b.type)).toEqual(["heading", "bulletList", "table"]);
    expect(doc.content[0]).toMatchObject({ attrs: { level: 2 } });
    expect(JSON.stringify(doc)).not.toContain("javascript");
    expect(doc.content[2]).toMatchObject({
      content: [{ content: [{ type: "tableHeader" }, { type: "tableHeader" }] }, { content: [{ type: "tableCell" }, { type: "tableCell", content: [{ content: [{ text: "3", marks: [{ type: "bold" }] }] }] }] }],
    });
    expect(report).toMatchObject({ images: 1, unsafeLinks: 1 });
  });
});
