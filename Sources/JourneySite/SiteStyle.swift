// SiteStyle: the site's one stylesheet (assets/site.css), for the three themes of the pictures:
// the page takes the colours of the theme its maps are drawn in (`--theme`), each pair of text
// and background at least 4.5:1 and focus rings at least 3:1 (WCAG 2.1 AA), which the site's
// browser test measures on every page.

public enum SiteStyle {
    /// The page colours of a theme, for the thumbnails too.
    public struct Colors: Sendable {
        public var background: String, text: String, muted: String, line: String, head: String, link: String, focus: String
        public var good: String, bad: String, band: String
    }

    public static func colors(_ theme: String) -> Colors {
        switch theme {
        case "dark":
            Colors(background: "#0D1117", text: "#E6EDF3", muted: "#9DA7B3", line: "#30363D", head: "#161B22", link: "#79C0FF",
                   focus: "#F2CC60", good: "#57AB5A", bad: "#F47067", band: "#1C2330")
        case "print":
            Colors(background: "#FFFFFF", text: "#000000", muted: "#444444", line: "#555555", head: "#F2F2F2", link: "#000000",
                   focus: "#000000", good: "#000000", bad: "#000000", band: "#EBEBEB")
        default:
            Colors(background: "#FFFFFF", text: "#1F2328", muted: "#59636E", line: "#D0D7DE", head: "#F6F8FA", link: "#0550AE",
                   focus: "#0969DA", good: "#1A7F37", bad: "#CF222E", band: "#EEF1F5")
        }
    }

    public static func css() -> String {
        var out = ""
        for theme in ["light", "dark", "print"] {
            let c = colors(theme)
            out += "body[data-theme=\"\(theme)\"]{--bg:\(c.background);--text:\(c.text);--muted:\(c.muted);--line:\(c.line);--head:\(c.head);"
                + "--link:\(c.link);--focus:\(c.focus);--good:\(c.good);--bad:\(c.bad);color-scheme:\(theme == "dark" ? "dark" : "light")}\n"
        }
        return out + rules
    }

    static let rules = """
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 "Noto Sans","DejaVu Sans",system-ui,sans-serif;color:var(--text);background:var(--bg)}
        a{color:var(--link)}
        a:hover{text-decoration-thickness:2px}
        body[data-theme="print"] a{text-decoration:underline}
        :focus-visible{outline:3px solid var(--focus);outline-offset:2px}
        .skip{position:absolute;left:8px;top:-48px;background:var(--bg);color:var(--link);padding:6px 10px;border:2px solid var(--focus);z-index:10}
        .skip:focus{top:8px}
        .visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        header.top{display:flex;flex-wrap:wrap;gap:12px 28px;align-items:center;padding:10px 32px;border-bottom:1px solid var(--line);background:var(--head)}
        [hidden]{display:none!important}
        header.top nav ul{display:flex;gap:20px;list-style:none;margin:0;padding:0}
        header.top nav a{font-weight:600;text-decoration:none;padding:4px 2px}
        header.top nav a[aria-current="page"]{text-decoration:underline;text-underline-offset:5px}
        .search{position:relative;display:flex;gap:8px;align-items:center;flex:1;max-width:520px}
        .search label{font-weight:600;white-space:nowrap}
        .search input{flex:1;font:inherit;padding:5px 9px;border:1px solid var(--muted);border-radius:6px;background:var(--bg);color:var(--text)}
        .search ul{position:absolute;top:100%;left:0;right:0;margin:4px 0 0;padding:4px 0;list-style:none;background:var(--bg);border:1px solid var(--line);
          border-radius:6px;box-shadow:0 6px 18px #0003;z-index:20;max-height:70vh;overflow:auto}
        .search li a{display:block;padding:5px 10px;text-decoration:none;color:var(--text)}
        .search li.active a,.search li a:hover{background:var(--head);outline:2px solid var(--focus);outline-offset:-2px}
        main{max-width:1240px;margin:0 auto;padding:20px 32px 56px}
        main:focus{outline:none}
        footer{max-width:1240px;margin:0 auto;padding:0 32px 32px;color:var(--muted);font-size:13px}
        h1{font-size:28px;margin:6px 0 4px;line-height:1.25}
        h2{font-size:21px;margin:36px 0 8px;padding-bottom:4px;border-bottom:1px solid var(--line)}
        h3{font-size:17px;margin:22px 0 6px}
        h4{font-size:15px;margin:14px 0 4px}
        .lead{font-size:16px;margin:4px 0 12px}
        .meta,.kind{color:var(--muted)}
        .kind{font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.04em}
        .crumbs{font-size:14px;color:var(--muted)}
        .facts{display:flex;flex-wrap:wrap;gap:6px 24px;margin:10px 0}
        .facts div{display:flex;gap:6px}.facts dt{color:var(--muted)}.facts dt::after{content:":"}.facts dd{margin:0;font-weight:600}
        .toc ul{display:flex;flex-wrap:wrap;gap:16px;list-style:none;padding:0;margin:12px 0}
        .table{overflow-x:auto;max-width:100%}
        .table:focus-visible{outline-offset:0}
        th button.sort{font:inherit;color:inherit;background:none;border:0;padding:0;margin:0;cursor:pointer;text-align:inherit;white-space:nowrap}
        th button.sort::after{content:"\\2195";display:inline-block;margin-left:.35em;color:var(--muted);font-weight:400}
        th[aria-sort="ascending"] button.sort::after{content:"\\25B2";color:inherit}
        th[aria-sort="descending"] button.sort::after{content:"\\25BC";color:inherit}
        tr.failed th .status{font-size:13px}tr.failed th code{font-weight:400}
        table{border-collapse:collapse;margin:10px 0;font-size:14px}
        th,td{border:1px solid var(--line);padding:5px 9px;text-align:left;vertical-align:middle}
        thead th{background:var(--head)}
        tbody th{font-weight:600}
        .num{text-align:right;font-variant-numeric:tabular-nums}
        table.maps td:first-child{padding:3px}
        table.maps img{display:block;border:1px solid var(--line);border-radius:3px}
        .status{font-weight:600;white-space:nowrap}.status.good{color:var(--good)}.status.bad{color:var(--bad)}.status.neutral{color:var(--muted)}
        .swatch{display:inline-block;width:.8em;height:.8em;border-radius:50%;background:var(--swatch);margin-right:.4em;vertical-align:baseline;border:1px solid var(--line)}
        #map{position:relative}
        .toolbar{display:flex;flex-wrap:wrap;gap:8px 24px;margin:8px 0}
        .toolbar .group{display:flex;flex-wrap:wrap;gap:6px;align-items:center}
        .toolbar .label{font-weight:600;margin-right:4px}
        .toolbar button{font:inherit;font-size:14px;padding:3px 10px;border:1px solid var(--muted);border-radius:14px;background:var(--bg);color:var(--text);cursor:pointer}
        .toolbar button[data-persona]:not([data-persona=""])::before{content:"";display:inline-block;width:.7em;height:.7em;border-radius:50%;background:var(--swatch,var(--muted));margin-right:.4em}
        .toolbar button[aria-pressed="true"]{background:var(--text);color:var(--bg);border-color:var(--text)}
        .toolbar button[aria-expanded="false"]{text-decoration:line-through;color:var(--muted)}
        figure{margin:12px 0}
        figure.map{border:1px solid var(--line);border-radius:6px}
        figure.map .scroll{overflow:auto;max-height:85vh}
        figure.map svg{display:block}
        figure.map figcaption{padding:4px 10px}
        figure.matrix svg,figure.stages svg,figure img{max-width:100%;height:auto}
        figcaption{color:var(--muted);font-size:13px;margin-top:4px}
        svg [data-address],svg [data-name^="legend:persona:"],svg [data-name^="label:lane:"]{cursor:pointer}
        svg [data-address]:focus,svg [data-name^="legend:persona:"]:focus{outline:none}
        svg .hl{stroke:var(--focus);stroke-width:3;pointer-events:none}
        .detail{position:absolute;z-index:5;max-width:380px;background:var(--bg);color:var(--text);border:2px solid var(--focus);border-radius:8px;
          padding:8px 12px;box-shadow:0 8px 24px #0004;font-size:14px}
        .detail h3,.detail h4{margin:2px 0 6px;font-size:15px}
        .detail ul{padding-left:18px;margin:4px 0}
        .detail .close{float:right;font:inherit;border:1px solid var(--muted);background:var(--bg);color:var(--text);border-radius:4px;cursor:pointer;margin-left:8px}
        section.stage{border-top:1px solid var(--line);margin-top:14px}
        article.tp{margin:8px 0 8px 14px;padding-left:12px;border-left:3px solid var(--line)}
        article.tp:target,section.stage:target,li:target{background:var(--head)}
        ul.content,ul.feelings,ul.blueprint,ul.changes{padding-left:20px;margin:4px 0}
        blockquote{margin:10px 0;padding:4px 14px;border-left:4px solid var(--line)}
        details.version{margin:6px 0;padding:6px 10px;border:1px solid var(--line);border-radius:6px}
        details.version summary{cursor:pointer}
        .action{font-weight:600}
        code{font-size:13px;overflow-wrap:anywhere}
        pre{overflow-x:auto}
        .pictures{display:flex;flex-wrap:wrap;gap:16px}
        .pictures figure{margin:0;width:180px;max-width:100%}
        .pictures img{display:block;max-width:100%;max-height:240px;border:1px solid var(--line);border-radius:4px}
        .full-picture{display:none}
        .full-picture:target{display:flex;position:fixed;inset:0;z-index:30;align-items:center;justify-content:center;overflow:auto;background:rgba(0,0,0,.85);cursor:zoom-out}
        .full-picture img{max-width:none}
        main{overflow-wrap:break-word}
        .errors-banner{margin:12px 0 18px;padding:10px 16px;border:2px solid var(--bad);border-left-width:8px;border-radius:6px;background:var(--bg)}
        .errors-banner h2{margin:0 0 4px;padding:0;border:0;font-size:18px}
        .errors-banner ul{margin:6px 0;padding-left:20px}
        @media (max-width:640px){header.top{padding:8px 14px;gap:8px 18px}main{padding:14px 14px 40px}footer{padding:0 14px 24px}
          .search{flex:1 1 100%;flex-wrap:wrap;gap:4px 8px}.search input{min-width:0;width:100%}
          .table table:has(thead th:nth-child(5)){min-width:640px}.table table:has(thead th:nth-child(8)){min-width:860px}
          article.tp{margin-left:4px;padding-left:8px}h1{font-size:24px}.detail{max-width:calc(100% - 16px)}}
        @media print{header.top,.toolbar,.hint,.detail{display:none}figure.map .scroll{overflow:visible;max-height:none}figure.map svg{max-width:100%;height:auto}}

        """
}
